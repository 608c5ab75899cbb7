// `llm-deploy-advisor [--page P] [FILE]`: how the command line tells a FILE for the window from a
// sub-command (parseCommandLine), and the real binary opening a good and a bad file up to the first
// paint (LDA_BENCH_EXIT_AFTER_PAINT=1, so that no message box waits for a click).
#include "CliRunner.h"
#include "CommandLine.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using lda::app::CommandLine;
using lda::app::parseCommandLine;

class TestCliFile : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &content)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) != content.size())
            return {};
        return f.fileName();
    }

    static CommandLine parse(const QStringList &args) { return parseCommandLine(QStringList{u"lda"_s} + args); }

    // The real binary as the desktop starts it, with a private user database, settings and runtime dir.
    lda::test::CliResult runGui(const QStringList &args)
    {
        QDir().mkpath(m_dir.filePath(u"runtime"_s));
        QFile::setPermissions(m_dir.filePath(u"runtime"_s), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        lda::test::CliOptions options;
        options.extraEnv = {u"LDA_BENCH_EXIT_AFTER_PAINT=1"_s, u"QT_QPA_PLATFORM=offscreen"_s,
                            u"XDG_CONFIG_HOME="_s % m_dir.filePath(u"config"_s),
                            u"XDG_DATA_HOME="_s % m_dir.filePath(u"data"_s),
                            u"XDG_RUNTIME_DIR="_s % m_dir.filePath(u"runtime"_s)};
        options.workingDir = m_dir.path();
        options.timeoutMs = 120000;
        return lda::test::runCli(lda::test::cliGlobals(m_dir.filePath(u"user.db"_s)) + args, options);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void parse_tellsAFileFromACommand()
    {
        // Commands stay commands, even when a file of that name exists here.
        QCOMPARE(parse({u"prices"_s, u"list"_s}).command, (QStringList{u"prices"_s, u"list"_s}));
        QVERIFY(parse({u"prices"_s, u"list"_s}).file.isEmpty());
        for (const QString &name : lda::app::commandNames())
            QCOMPARE(parse({name}).command.value(0), name);

        // Paths are files: with a folder, with .json, or existing.
        QCOMPARE(parse({u"chat.ldascenario.json"_s}).file, u"chat.ldascenario.json"_s);
        QCOMPARE(parse({u"dir/answers"_s}).file, u"dir/answers"_s);
        QCOMPARE(parse({u"/tmp/x.JSON"_s}).file, u"/tmp/x.JSON"_s);
        const QString existing = write(u"notes"_s, "{}");
        QCOMPARE(parse({existing}).file, existing);
        QVERIFY(parse({existing}).command.isEmpty());
        QVERIFY(parse({existing}).error.isEmpty());

        // A plain word that is no file stays a command: "unknown command" (exit 2) later.
        const CommandLine typo = parse({u"estimat"_s, u"--workload"_s, u"w.json"_s});
        QVERIFY(typo.file.isEmpty());
        QCOMPARE(typo.command.value(0), u"estimat"_s);

        // After -- anything is a FILE, even a command's name.
        QCOMPARE(parse({u"--"_s, u"prices"_s}).file, u"prices"_s);
        QVERIFY(parse({u"--"_s, u"prices"_s}).command.isEmpty());
    }

    void parse_fileWithGlobalOptionsAndPage()
    {
        const CommandLine cl = parse({u"--kb"_s, u"k.db"_s, u"--page"_s, u"costs"_s, u"w.json"_s});
        QVERIFY2(cl.error.isEmpty(), qPrintable(cl.error));
        QCOMPARE(cl.kbPath, u"k.db"_s);
        QCOMPARE(cl.page, u"costs"_s);
        QCOMPARE(cl.file, u"w.json"_s);
        QVERIFY(cl.command.isEmpty());
    }

    void parse_rejectsWhatCannotBeAFile_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("error");
        QTest::newRow("two files") << QStringList{u"a.json"_s, u"b.json"_s} << u"one FILE at a time: 'b.json'"_s;
        QTest::newRow("option after") << QStringList{u"a.json"_s, u"--page"_s, u"costs"_s}
                                      << u"options go before FILE: '--page'"_s;
        QTest::newRow("empty after --") << QStringList{u"--"_s, QString()} << u"FILE is empty"_s;
        QTest::newRow("bad page") << QStringList{u"--page"_s, u"nowhere"_s, u"a.json"_s} << u"unknown page 'nowhere'"_s;
    }

    void parse_rejectsWhatCannotBeAFile()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, error);
        const CommandLine cl = parse(args);
        QVERIFY2(cl.error.contains(error), qPrintable(cl.error));
    }

    void help_documentsFile()
    {
        QVERIFY(lda::app::helpText().contains(u"[--page PAGE] [FILE]"_s));
        QVERIFY(lda::app::helpText().contains(u"wizard answers"_s));
    }

    void binary_unknownWordIsStillAnUnknownCommand()
    {
        const lda::test::CliResult r = runGui({u"frobnicate"_s});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, QByteArray("error: unknown command 'frobnicate' (see --help)\n"));
        QVERIFY(r.out.isEmpty());
    }

    void binary_extraFileIsAUsageError()
    {
        const lda::test::CliResult r = runGui({u"a.json"_s, u"b.json"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("error: one FILE at a time"), r.err.constData());
    }

    void binary_opensAGoodFile_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("scenario") << u"chat.ldascenario.json"_s
                                  << QByteArray(R"({"requests_per_day": 10, "input_tokens_per_request": 5,
                                                    "output_tokens_per_request": 5})");
        QTest::newRow("answers") << u"answers.json"_s << QByteArray(R"({"cloud": "azure"})");
    }

    void binary_opensAGoodFile()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        const lda::test::CliResult r = runGui({write(name, content)});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("lda: first paint"), r.out.constData());
        QVERIFY2(!r.err.contains("error:"), r.err.constData());
    }

    // A bad file still opens the window; the message names the file and what is wrong (a message box
    // in normal use, stderr in this test mode).
    void binary_badFileStillOpensTheWindow_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content"); // empty name: missing file
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("missing") << QString() << QByteArray() << QByteArray("no such file");
        QTest::newRow("malformed") << u"bad.ldascenario.json"_s << QByteArray("{\"requests_per_day\": }")
                                   << QByteArray("line 1: malformed JSON");
        QTest::newRow("unknown answer") << u"bad-answers.json"_s << QByteArray(R"({"latency": "instant"})")
                                        << QByteArray("'latency': unknown value 'instant'");
    }

    void binary_badFileStillOpensTheWindow()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QByteArray, expected);
        const QString path = name.isEmpty() ? m_dir.filePath(u"missing.json"_s) : write(name, content);
        const lda::test::CliResult r = runGui({path});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("lda: first paint"), r.out.constData());
        QVERIFY2(r.err.contains(QByteArray("error: " + path.toUtf8() + ": ")), r.err.constData());
        QVERIFY2(r.err.contains(expected), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliFile)
#include "tst_cli_file.moc"
