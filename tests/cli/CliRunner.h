#pragma once

// The one way the CLI tests run the real binary (LDA_TEST_BINARY): arguments in; exit code, stdout and
// stderr out. Standard input is always closed after the optional data is written, so a command that
// reads stdin never waits for a terminal; a run that outlives its timeout is killed, never left behind.
#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace lda::test {

struct CliResult
{
    int exitCode = -1; // the process's exit code; -2 when it crashed; -3 when it did not start or timed out
    QByteArray out;
    QByteArray err;    // on -3, what went wrong
    bool finished = false; // ran to its end within the timeout (a crash counts as finished)
};

struct CliOptions
{
    QByteArray stdinData;  // written to standard input before it is closed
    QStringList extraEnv;  // "NAME=value" entries added to (or replacing) the test's own environment
    QString workingDir;    // empty: the test's working directory
    int timeoutMs = 60000;
};

// The global options every command gets in the tests: the knowledge base built by this tree and a
// user database of the test's own.
inline QStringList cliGlobals(const QString &userDb)
{
    return {QStringLiteral("--kb"), QStringLiteral(LDA_TEST_KB), QStringLiteral("--user-db"), userDb};
}

inline CliResult runCli(const QStringList &args, const CliOptions &options = {})
{
    QProcess p;
    if (!options.workingDir.isEmpty())
        p.setWorkingDirectory(options.workingDir);
    if (!options.extraEnv.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &entry : options.extraEnv) {
            const qsizetype eq = entry.indexOf(u'=');
            env.insert(entry.left(eq), eq < 0 ? QString() : entry.mid(eq + 1));
        }
        p.setProcessEnvironment(env);
    }
    p.start(QStringLiteral(LDA_TEST_BINARY), args);
    if (!p.waitForStarted(10000))
        return {-3, {}, "did not start: " + p.errorString().toUtf8(), false};
    if (!options.stdinData.isEmpty())
        p.write(options.stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(options.timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        return {-3, p.readAllStandardOutput(), "timed out", false};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(),
            p.readAllStandardError(), true};
}

} // namespace lda::test
