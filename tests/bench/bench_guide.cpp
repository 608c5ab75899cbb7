// Guide benchmark (DESIGN.md §5): search as you type, the first page after opening the viewer, and page
// to page. Prints "BENCH <metric> <value> <unit>" lines (tests/bench/README.md).
//   bench_guide                  everything below
//   bench_guide --first-page     one first-page measurement in this (fresh) process, "FIRST <ms>"
//
// The viewer is driven as the app drives it: the real plugin (liblda_guideview.so) is loaded with
// QPluginLoader, so that loading QtWebEngine itself is part of the first page, as it is for a user;
// this program does not link QtWebEngine. Pages are opened by clicking the contents tree.
//
// Search: wall time per query of the core engine as the viewer calls it (50 results), every prefix of
// 24 phrases typed letter by letter (260 queries) x 3 rounds after a warm-up round; the thread's CPU time
// is logged too, to tell the engine's cost from a busy machine.
//
// "Loaded" is GuideView::pageReady(path): WebEngine's loadFinished for the page (fetched through the
// guide: scheme with its stylesheet and scripts inline, the load event fired), the page's own script
// done (copy buttons added, highlight.js run on every code block in or near the viewport) and, after
// that, one more frame produced by the renderer (a requestAnimationFrame callback followed by a task,
// i.e. the highlighted page has been painted). Only then does the clock stop.
#include "BenchStats.h"
#include "UiServices.h"
#include "guide/GuideSearch.h"
#include "guideview/GuideViewFactory.h"
#include "kb/KnowledgeBase.h"
#include "kb/UserDatabase.h"
#include "pricing/PriceCatalogue.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPluginLoader>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace lda;
using bench::median;
using bench::quantile;
using bench::threadCpuMs;

namespace {

struct Services
{
    std::unique_ptr<core::kb::KnowledgeBase> kb;
    std::unique_ptr<core::kb::UserDatabase> user;
    std::unique_ptr<core::pricing::PriceCatalogue> prices;
    ui::UiServices ui;
};

QString openServices(Services &s)
{
    QString error;
    s.kb = core::kb::KnowledgeBase::open(QStringLiteral(LDA_BENCH_KB), &error);
    if (!s.kb)
        return u"cannot open the knowledge base " LDA_BENCH_KB ": "_s + error;
    s.user = core::kb::UserDatabase::openInMemory(&error);
    if (!s.user)
        return u"cannot open an in-memory user database: "_s + error;
    s.prices = std::make_unique<core::pricing::PriceCatalogue>(*s.kb, s.user.get());
    s.ui = {s.kb.get(), s.user.get(), s.prices.get(), QString(), {}};
    return {};
}

// What people type into the search field, one letter at a time: every prefix is a query.
QStringList typedQueries()
{
    const QStringList phrases = {
        u"bedrock quick start"_s, u"vllm"_s,           u"sagemaker endpoint"_s, u"context window"_s,
        u"quantization"_s,        u"gpu cost"_s,       u"azure openai"_s,       u"tokens per second"_s,
        u"kubernetes"_s,          u"spot instances"_s, u"throughput"_s,         u"latency p99"_s,
        u"fine tuning"_s,         u"h100"_s,           u"inferentia"_s,         u"vertex ai"_s,
        u"provisioned"_s,         u"batch inference"_s, u"autoscaling"_s,       u"embeddings"_s,
        u"\"data residency\""_s,  u"llama 3 70b"_s,    u"rate limits"_s,        u"cold start"_s,
    };
    QStringList queries;
    for (const QString &phrase : phrases) {
        for (qsizetype n = 1; n <= phrase.size(); ++n) {
            const QString prefix = phrase.left(n);
            if (!prefix.endsWith(u' '))
                queries.append(prefix);
        }
    }
    return queries;
}

// Relays GuideView::pageReady(QString), connected by name: this program does not link the viewer.
class ReadyRelay final : public QObject
{
    Q_OBJECT
public:
    QString lastReady;
    QElapsedTimer clock;
    double loadedMs = 0; // when WebEngine's loadFinished came for the first page, for the breakdown
public Q_SLOTS:
    void loaded(const QString &)
    {
        if (loadedMs == 0 && clock.isValid())
            loadedMs = double(clock.nsecsElapsed()) / 1e6;
    }
    void relay(const QString &path)
    {
        lastReady = path;
        Q_EMIT ready(path);
    }
Q_SIGNALS:
    void ready(const QString &path);
};

// Waits until the viewer reports `path` ready (see "loaded" at the top); false on timeout.
bool waitReady(ReadyRelay &relay, const QString &path, int timeoutMs = 30000)
{
    if (relay.lastReady == path)
        return true;
    QEventLoop loop;
    const QMetaObject::Connection c = QObject::connect(&relay, &ReadyRelay::ready, &loop, [&](const QString &p) {
        if (p == path)
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    QObject::disconnect(c);
    return relay.lastReady == path;
}

void idle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

struct Viewer
{
    QWidget window;
    QWidget *view = nullptr;
    ReadyRelay relay;
    QString error;
    double pluginMs = 0; // QPluginLoader::instance(): the plugin and QtWebEngine's libraries
    double viewMs = 0;   // ... plus GuideView's constructor (profile, first page object)
};

// What GuidePage::loadViewer() does when the Guide page is first shown: load the plugin, create the
// view in a shown window. The clock of the first page runs from here.
bool openViewer(Viewer &v, const ui::UiServices &services)
{
    auto *layout = new QVBoxLayout(&v.window);
    layout->setContentsMargins(0, 0, 0, 0);
    v.window.resize(1280, 860);
    v.window.show();
    QElapsedTimer t;
    t.start();
    QPluginLoader loader(QStringLiteral(LDA_GUIDEVIEW_PLUGIN));
    auto *factory = qobject_cast<ui::GuideViewFactory *>(loader.instance());
    if (!factory) {
        v.error = u"cannot load the guide viewer plugin " LDA_GUIDEVIEW_PLUGIN ": "_s + loader.errorString();
        return false;
    }
    v.pluginMs = double(t.nsecsElapsed()) / 1e6;
    v.view = factory->createGuideView(services, &v.window);
    v.viewMs = double(t.nsecsElapsed()) / 1e6;
    QObject::connect(v.view, SIGNAL(pageLoaded(QString)), &v.relay, SLOT(loaded(QString)));
    v.relay.clock.start();
    if (!QObject::connect(v.view, SIGNAL(pageReady(QString)), &v.relay, SLOT(relay(QString)))) {
        v.error = u"the guide view has no pageReady(QString) signal"_s;
        return false;
    }
    layout->addWidget(v.view);
    return true;
}

// The first page: plugin load and view creation until the home page is ready. One per process.
int firstPage()
{
    Services s;
    const QString error = openServices(s);
    QTextStream err(stderr);
    if (!error.isEmpty()) {
        err << "error: " << error << Qt::endl;
        return 1;
    }
    const QString home = s.kb->guidePages().value(0).path;
    Viewer v;
    QElapsedTimer t;
    t.start();
    if (!openViewer(v, s.ui)) {
        err << "error: " << v.error << Qt::endl;
        return 1;
    }
    if (!waitReady(v.relay, home)) {
        err << "error: the first page " << home << " was not ready within 30 s" << Qt::endl;
        return 1;
    }
    const double total = double(t.nsecsElapsed()) / 1e6;
    QTextStream(stdout) << "FIRST " << total << Qt::endl;
    err << "bench_guide: first page " << total << " ms = plugin and libraries " << v.pluginMs << " + view "
        << v.viewMs - v.pluginMs << " + until loadFinished " << v.relay.loadedMs << " + until ready "
        << total - v.viewMs - v.relay.loadedMs << Qt::endl;
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    // As the test runner does (tests/CMakeLists.txt): Chromium's sandbox cannot run as root, and the
    // offscreen platform has no GPU.
    if (qEnvironmentVariableIsEmpty("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    if (qEnvironmentVariableIsEmpty("QTWEBENGINE_CHROMIUM_FLAGS"))
        qputenv("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu");
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts); // as app/main.cpp: WebEngine needs it
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"lda-bench"_s);
    QCoreApplication::setApplicationName(u"bench_guide"_s);
    QStandardPaths::setTestModeEnabled(true);
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (QCoreApplication::arguments().contains(u"--first-page"_s))
        return firstPage();

    Services s;
    if (const QString error = openServices(s); !error.isEmpty()) {
        err << "error: " << error << Qt::endl;
        return 1;
    }

    // Search as you type: every prefix of each phrase, as the viewer runs it (50 results).
    {
        const core::guide::GuideSearch search(*s.kb);
        const QStringList queries = typedQueries();
        qsizetype hits = 0;
        for (const QString &q : queries) // warm-up: page cache, statement preparation
            hits += search.search(q, 50).size();
        std::vector<double> ms;
        std::vector<double> cpuMs; // CPU time of this thread: what the figure is without other load
        std::vector<std::pair<double, QString>> slowest; // the worst query of each round, for the log
        for (int round = 0; round < 3; ++round) {
            std::pair<double, QString> worst{0.0, QString()};
            for (const QString &q : queries) {
                const double cpu0 = threadCpuMs();
                QElapsedTimer t;
                t.start();
                hits += search.search(q, 50).size();
                ms.push_back(double(t.nsecsElapsed()) / 1e6);
                cpuMs.push_back(threadCpuMs() - cpu0);
                worst = std::max(worst, std::pair<double, QString>{ms.back(), q});
            }
            slowest.push_back(worst);
        }
        for (const auto &[worstMs, query] : slowest)
            err << "bench_guide: slowest query of a round: \"" << query << "\" " << worstMs << " ms" << Qt::endl;
        out << "BENCH guide_search_median_ms " << median(ms) << " ms" << Qt::endl;
        out << "BENCH guide_search_p99_ms " << quantile(ms, 0.99) << " ms" << Qt::endl;
        err << "bench_guide: " << queries.size() << " queries x 3 rounds, " << hits << " hits; CPU time per query: median "
            << median(cpuMs) << " ms, p99 " << quantile(cpuMs, 0.99) << " ms" << Qt::endl;
    }

    // The first page, in fresh processes (WebEngine starts once per process).
    {
        constexpr int runs = 7;
        std::vector<double> ms;
        for (int i = 0; i < runs; ++i) {
            QProcess child;
            child.start(QCoreApplication::applicationFilePath(), {u"--first-page"_s});
            const bool finished = child.waitForFinished(120000);
            const QStringList diagnostics = QString::fromUtf8(child.readAllStandardError()).split(u'\n');
            if (!finished || child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0) {
                err << "error: the first-page run " << i + 1 << " failed (exit " << child.exitCode() << "): "
                    << diagnostics.join(u'\n').right(800) << Qt::endl;
                return 1;
            }
            for (const QString &line : diagnostics) {
                if (line.startsWith(u"bench_guide:"_s))
                    err << line << Qt::endl;
            }
            const QString line = QString::fromUtf8(child.readAllStandardOutput()).trimmed();
            bool ok = false;
            const double v = line.startsWith(u"FIRST "_s) ? line.mid(6).toDouble(&ok) : 0.0;
            if (!ok) {
                err << "error: the first-page run printed \"" << line << "\", not \"FIRST <ms>\"" << Qt::endl;
                return 1;
            }
            ms.push_back(v);
        }
        out << "BENCH guide_first_page_ms " << median(ms) << " ms" << Qt::endl;
        err << "bench_guide: first page over " << runs << " processes: min " << quantile(ms, 0) << " ms, max "
            << quantile(ms, 1) << " ms" << Qt::endl;
    }

    // Page to page: click each page in the contents tree, in guide order and back to the first page
    // (so every page is arrived at once), twice: first visits, then revisits. Between clicks the user
    // reads for a moment (250 ms), as people do; the clock runs from the click to "ready".
    {
        Viewer v;
        if (!openViewer(v, s.ui)) {
            err << "error: " << v.error << Qt::endl;
            return 1;
        }
        QList<core::kb::GuidePageInfo> pages = s.kb->guidePages();
        if (pages.size() < 2 || !waitReady(v.relay, pages.first().path)) {
            err << "error: the guide's first page was not ready" << Qt::endl;
            return 1;
        }
        auto *contents = v.view->findChild<QTreeWidget *>(u"guideContents"_s);
        if (!contents) {
            err << "error: the viewer has no contents tree (guideContents)" << Qt::endl;
            return 1;
        }
        QHash<QString, QTreeWidgetItem *> items;
        for (QTreeWidgetItemIterator it(contents); *it; ++it)
            items.insert((*it)->data(0, Qt::UserRole).toString(), *it);
        pages.append(pages.takeFirst()); // end on the first page
        std::vector<double> all;
        std::vector<double> firstVisits;
        for (int round = 0; round < 2; ++round) {
            for (const core::kb::GuidePageInfo &page : pages) {
                QTreeWidgetItem *item = items.value(page.path);
                if (!item) {
                    err << "error: " << page.path << " is not in the contents tree" << Qt::endl;
                    return 1;
                }
                contents->scrollToItem(item);
                idle(250);
                const QPoint at = contents->visualItemRect(item).center();
                QElapsedTimer t;
                t.start();
                QTest::mouseClick(contents->viewport(), Qt::LeftButton, {}, at);
                if (!waitReady(v.relay, page.path)) {
                    err << "error: " << page.path << " was not ready within 30 s after the click" << Qt::endl;
                    return 1;
                }
                const double ms = double(t.nsecsElapsed()) / 1e6;
                all.push_back(ms);
                if (round == 0)
                    firstVisits.push_back(ms);
                err << "bench_guide: " << (round ? "revisit " : "visit   ") << page.path << " (" << page.words
                    << " words): " << ms << " ms" << Qt::endl;
            }
        }
        out << "BENCH guide_page_nav_ms " << median(all) << " ms" << Qt::endl;
        out << "BENCH guide_page_nav_max_ms " << quantile(all, 1) << " ms" << Qt::endl;
        out << "BENCH guide_page_nav_first_visit_ms " << median(firstVisits) << " ms" << Qt::endl;
    }
    return 0;
}

#include "bench_guide.moc"
