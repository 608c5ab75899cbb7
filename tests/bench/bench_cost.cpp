// Cost benchmark (DESIGN.md §5): the cost engine's recompute (every option plus the 100-point cost-vs-volume
// series, as the Costs page does on every change) and the Costs page's chart refresh while the volume
// slider is dragged. Prints "BENCH <metric> <value> <unit>" lines (tests/bench/README.md).
//   bench_cost [knowledge.db]
#include "BenchKnowledgeBase.h"
#include "BenchStats.h"
#include "costs/CostsPage.h"
#include "cost/CostEngine.h"
#include "kb/KnowledgeBase.h"
#include "kb/UserDatabase.h"
#include "pricing/PriceCatalogue.h"
#include "scenario/Workload.h"

#include <QApplication>
#include <QChartView>
#include <QElapsedTimer>
#include <QSlider>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTextStream>
#include <QTimer>
#include <QWindow>

#include <algorithm>
#include <ctime>
#include <vector>

using namespace Qt::StringLiterals;
using namespace lda;

namespace {

// Counts the paint events of a widget (the chart view's viewport): a frame is done when it has been painted.
class PaintCounter final : public QObject
{
public:
    int paints = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return QObject::eventFilter(watched, event);
    }
};

// Runs the event loop until the viewport has been painted after the change, then until a pass paints
// nothing more (the scene's queued updates and layout requests land in later passes). Waiting blocks
// (no busy polling: the repaint is requested through a timer), so the thread's CPU time is the work alone.
// Returns false when nothing was painted within two seconds.
bool waitForFrame(PaintCounter &counter)
{
    const int before = counter.paints;
    QTimer watchdog;
    watchdog.setSingleShot(true);
    watchdog.start(2000);
    while (counter.paints == before && watchdog.isActive())
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    if (counter.paints == before)
        return false;
    for (int last = -1; last != counter.paints;) {
        last = counter.paints;
        QCoreApplication::processEvents(QEventLoop::AllEvents);
    }
    return true;
}

struct Frames
{
    std::vector<double> ms;    // wall clock, from the slider moving to the chart painted
    std::vector<double> cpuMs; // this thread's CPU time in the same span
    QString error;
};

// Drags the volume slider over `values` (each one a frame: valueChanged -> requests -> recompute -> repaint
// of the visible chart and the estimate table), with the chart tab `tab` shown.
Frames dragSlider(ui::CostsPage &page, int tab, const std::vector<int> &values)
{
    Frames f;
    auto *tabs = page.findChild<QTabWidget *>(u"chartTabs"_s);
    auto *slider = page.findChild<QSlider *>(u"volumeSlider"_s);
    const QString viewName = tab == 1 ? u"costVsVolumeChartView"_s : u"costByOptionChartView"_s;
    auto *view = page.findChild<QChartView *>(viewName);
    if (!tabs || !slider || !view) {
        f.error = u"the Costs page has no chartTabs, volumeSlider or "_s % viewName;
        return f;
    }
    PaintCounter counter;
    view->viewport()->installEventFilter(&counter);
    if (tabs->currentIndex() != tab) {
        tabs->setCurrentIndex(tab);
        if (!waitForFrame(counter)) {
            f.error = viewName % u" was not painted when its tab was shown"_s;
            return f;
        }
    }
    for (const int value : values) {
        QElapsedTimer t;
        t.start();
        const double cpu0 = bench::threadCpuMs();
        slider->setValue(value);
        if (!waitForFrame(counter)) {
            f.error = viewName % u" was not repainted after the slider moved to "_s % QString::number(value);
            break;
        }
        f.ms.push_back(double(t.nsecsElapsed()) / 1e6);
        f.cpuMs.push_back(bench::threadCpuMs() - cpu0);
    }
    view->viewport()->removeEventFilter(&counter);
    return f;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const std::unique_ptr<core::kb::KnowledgeBase> kb = bench::openBenchKnowledgeBase(err);
    if (!kb)
        return 1;
    QString error;
    const std::unique_ptr<core::kb::UserDatabase> user = core::kb::UserDatabase::openInMemory(&error);
    if (!user) {
        err << "error: in-memory user database: " << error << Qt::endl;
        return 1;
    }
    core::pricing::PriceCatalogue prices(*kb, user.get());

    // 1. Recompute: for each of the guide's use cases, what CostsPage::recompute() asks of the engine,
    // with the volume moving as under a dragged slider. The figure is the slowest use case's median.
    const core::cost::CostEngine engine(core::cost::PricingData::load(*kb, prices));
    const QList<core::kb::UseCase> useCases = kb->useCases();
    if (useCases.isEmpty()) {
        err << "error: " << kb->path() << " has no use cases to price" << Qt::endl;
        return 1;
    }
    constexpr int warmUp = 20;
    constexpr int reps = 300;
    double worstMedian = 0;
    double worstP95 = 0;
    for (const core::kb::UseCase &uc : useCases) {
        const core::scenario::WorkloadResult r = core::scenario::workloadFromJson(uc.workloadJson.toUtf8(), uc.id);
        if (!r.ok()) {
            err << "error: use case " << uc.id << ": " << r.errors.first().toString() << Qt::endl;
            return 1;
        }
        core::scenario::Workload w = *r.workload;
        const double base = std::max(1.0, w.requestsPerDay);
        std::vector<double> ms;
        qsizetype estimates = 0;
        for (int i = 0; i < warmUp + reps; ++i) {
            w.requestsPerDay = base * (1.0 + (i % 50) / 100.0);
            QElapsedTimer t;
            t.start();
            const core::cost::EstimateSet set = engine.estimateAll(w);
            QStringList ids;
            for (const core::cost::Estimate &e : set.estimates)
                ids.append(e.optionId);
            const QList<core::cost::SeriesLine> series =
                engine.costVsVolume(w, ids, std::max(1000.0, 3.0 * w.requestsPerDay), 100);
            const double elapsed = double(t.nsecsElapsed()) / 1e6;
            if (set.estimates.isEmpty() || series.size() != set.estimates.size()) {
                err << "error: use case " << uc.id << ": " << set.estimates.size() << " estimates, " << series.size()
                    << " series lines" << Qt::endl;
                return 1;
            }
            estimates = set.estimates.size();
            if (i >= warmUp)
                ms.push_back(elapsed);
        }
        const double median = bench::median(ms);
        const double p95 = bench::quantile(ms, 0.95);
        err << "bench_cost: recompute " << uc.id << " (" << estimates << " options): median " << median
            << " ms, p95 " << p95 << " ms" << Qt::endl;
        worstMedian = std::max(worstMedian, median);
        worstP95 = std::max(worstP95, p95);
    }
    out << "BENCH cost_recompute_ms " << worstMedian << " ms" << Qt::endl;
    out << "BENCH cost_recompute_p95_ms " << worstP95 << " ms" << Qt::endl;

    // 2. Chart refresh: the real page, shown at a realistic size, the volume slider dragged a step per
    // frame over both charts the slider redraws. The figure is the slower chart's.
    ui::UiServices services{kb.get(), user.get(), &prices, QString(), {}};
    ui::CostsPage page(services);
    page.resize(1280, 800);
    page.show();
    QElapsedTimer exposed;
    exposed.start();
    while (!(page.windowHandle() && page.windowHandle()->isExposed()) && exposed.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    if (!page.windowHandle() || !page.windowHandle()->isExposed()) {
        err << "error: the Costs page was not exposed within 5 s" << Qt::endl;
        return 1;
    }
    if (const QString dir = qEnvironmentVariable("LDA_BENCH_SCREENSHOTS"); !dir.isEmpty()) {
        QCoreApplication::processEvents();
        page.grab().save(dir % u"/costs-open.png"_s);
    }
    std::vector<int> warm;
    std::vector<int> drag;
    for (int v = 560; v < 580; ++v)
        warm.push_back(v);
    for (int i = 0; i < 120; ++i) // 1 -> 10 million requests/day is 0..1000; a drag across ~2 decades
        drag.push_back(580 + i * 2);
    struct TabResult
    {
        const char *name;
        double median;
        double p95;
        double cpuMedian;
    };
    std::vector<TabResult> results;
    for (const int tab : {0, 1}) {
        const Frames w = dragSlider(page, tab, warm);
        const Frames f = w.error.isEmpty() ? dragSlider(page, tab, drag) : w;
        if (!f.error.isEmpty()) {
            err << "error: " << f.error << Qt::endl;
            return 1;
        }
        const char *name = tab == 1 ? "volume" : "options";
        results.push_back({name, bench::median(f.ms), bench::quantile(f.ms, 0.95), bench::median(f.cpuMs)});
        err << "bench_cost: slider drag, " << name << " chart: " << f.ms.size() << " frames, median "
            << results.back().median << " ms (CPU " << results.back().cpuMedian << " ms), p95 " << results.back().p95
            << " ms" << Qt::endl;
        // LDA_BENCH_SCREENSHOTS=DIR: the page as the drag left it, to compare the look before and after a change.
        if (const QString dir = qEnvironmentVariable("LDA_BENCH_SCREENSHOTS"); !dir.isEmpty())
            page.grab().save(dir % u"/costs-drag-"_s % QLatin1StringView(name) % u".png"_s);
    }
    const TabResult worst =
        *std::max_element(results.begin(), results.end(), [](const TabResult &a, const TabResult &b) {
            return a.median < b.median;
        });
    out << "BENCH chart_refresh_fps " << 1000.0 / worst.median << " fps" << Qt::endl;
    out << "BENCH chart_frame_ms_median " << worst.median << " ms" << Qt::endl;
    out << "BENCH chart_frame_ms_p95 " << worst.p95 << " ms" << Qt::endl;
    out << "BENCH chart_frame_cpu_ms_median " << worst.cpuMedian << " ms" << Qt::endl;
    for (const TabResult &r : results)
        out << "BENCH chart_frame_ms_median_" << r.name << " " << r.median << " ms" << Qt::endl;
    return 0;
}
