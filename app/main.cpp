// llm-deploy-advisor: parses the command line, then either runs a command over the core services or
// wires those services into the main window. Nothing else belongs here.
#include "CliCommands.h"
#include "CommandLine.h"
#include "DecisionCommands.h"

#include "MainWindow.h"
#include "kb/DataLocations.h"
#include "kb/KnowledgeBase.h"
#include "kb/UserDatabase.h"
#include "pricing/PriceCatalogue.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(u"llm-deploy-advisor"_s);
    QCoreApplication::setApplicationName(QStringLiteral(LDA_EXE_NAME));
    QCoreApplication::setApplicationVersion(QStringLiteral(LDA_VERSION));
}

// Test seam for scripts/bench and tests/robustness: with LDA_BENCH_EXIT_AFTER_PAINT=1 the app prints
// "lda: first paint" and quits right after the main window's first paint, and start-up messages go to
// stderr instead of modal boxes, so that nothing waits for a click.
bool benchExitAfterPaint()
{
    return qEnvironmentVariableIntValue("LDA_BENCH_EXIT_AFTER_PAINT") == 1;
}

class ExitAfterFirstPaint final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            QTimer::singleShot(0, this, [] { // after the paint cycle starting now has been flushed
                std::fputs("lda: first paint\n", stdout);
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_seen = false;
};

int runGui(int argc, char *argv[], const lda::app::CommandLine &cl)
{
    // The guide viewer plugin brings QtWebEngine in later; it needs shared GL contexts from the start.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral(LDA_APP_NAME));
    QApplication::setDesktopFileName(QStringLiteral(LDA_APP_ID));

    QString error;
    const QString kbPath = cl.kbPath.isEmpty() ? lda::core::kb::defaultKnowledgeBasePath() : cl.kbPath;
    std::unique_ptr<lda::core::kb::KnowledgeBase> kb = lda::core::kb::KnowledgeBase::open(kbPath, &error);
    if (!kb && benchExitAfterPaint()) {
        std::fprintf(stderr, "error: the knowledge base cannot be opened: %s\n", qPrintable(error));
        return 1;
    }
    if (!kb) {
        QMessageBox::critical(nullptr, QStringLiteral(LDA_APP_NAME),
                              QApplication::translate("main", "The knowledge base cannot be opened:\n%1").arg(error));
        return 1;
    }

    lda::ui::UiServices services;
    lda::core::kb::UserDbOpenReport report;
    const QString userPath = cl.userDbPath.isEmpty() ? lda::core::kb::defaultUserDatabasePath() : cl.userDbPath;
    std::unique_ptr<lda::core::kb::UserDatabase> user = lda::core::kb::UserDatabase::open(userPath, &error, &report);
    services.startupMessages = report.messages;
    if (!user) {
        // Keep working on a scratch database; the file on disk is left as it is.
        services.startupMessages.append(
            QApplication::translate("main", "Your data cannot be saved this session: %1").arg(error));
        QString memoryError;
        user = lda::core::kb::UserDatabase::openInMemory(&memoryError);
    }
    lda::core::pricing::PriceCatalogue prices(*kb, user.get());
    services.kb = kb.get();
    services.user = user.get();
    services.prices = &prices;
    services.pluginDir = lda::core::kb::pluginDirectory();

    lda::ui::MainWindow window(services);
    if (!cl.page.isEmpty())
        window.showPage(cl.page);
    ExitAfterFirstPaint exitAfterPaint;
    if (benchExitAfterPaint())
        window.installEventFilter(&exitAfterPaint);
    window.show();
    for (const QString &message : std::as_const(services.startupMessages)) {
        if (benchExitAfterPaint())
            std::fprintf(stderr, "%s\n", qPrintable(message));
        else if (message.contains(u"damaged"_s) || message.contains(u"cannot"_s))
            QMessageBox::warning(&window, QStringLiteral(LDA_APP_NAME), message);
    }
    if (!cl.file.isEmpty()) {
        // After show(): the window is up first, and a bad file only costs a message.
        QTimer::singleShot(0, &window, [&window, &cl] {
            QString fileError;
            if (window.openFile(cl.file, &fileError)) {
                if (!cl.page.isEmpty()) // an explicit --page wins over the file's page
                    window.showPage(cl.page);
            } else if (benchExitAfterPaint()) {
                std::fprintf(stderr, "error: %s\n", qPrintable(fileError));
            } else {
                QMessageBox::warning(&window, QStringLiteral(LDA_APP_NAME),
                                     QApplication::translate("main", "The file cannot be opened:\n%1").arg(fileError));
            }
        });
    }
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const lda::app::CommandLine cl = lda::app::parseCommandLine(arguments);

    if (!cl.error.isEmpty() || cl.help || cl.version || !cl.command.isEmpty()) {
        // A PDF decision record lays text out with Qt Gui: give it an offscreen QGuiApplication.
        const bool needsGui = cl.error.isEmpty() && lda::app::commandNeedsGui(cl);
        if (needsGui && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        // Headless (CI, containers) there is often no XDG_RUNTIME_DIR, and Qt Gui would print a warning
        // on stderr, breaking the one-line `error: ...` contract: give it a private one for this run.
        std::unique_ptr<QTemporaryDir> runtimeDir;
        if (needsGui && qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
            runtimeDir = std::make_unique<QTemporaryDir>();
            if (runtimeDir->isValid())
                qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtimeDir->path()));
        }
        const std::unique_ptr<QCoreApplication> app = needsGui ? std::make_unique<QGuiApplication>(argc, argv)
                                                               : std::make_unique<QCoreApplication>(argc, argv);
        setIdentity();
        QTextStream out(stdout);
        QTextStream err(stderr);
        if (!cl.error.isEmpty()) {
            err << "error: " << cl.error << Qt::endl;
            return 2;
        }
        if (cl.help) {
            out << lda::app::helpText();
            return 0;
        }
        if (cl.version) {
            out << LDA_EXE_NAME << ' ' << LDA_VERSION << Qt::endl;
            return 0;
        }
        return lda::app::runCommand(cl);
    }
    return runGui(argc, argv, cl);
}
