// The start-up baseline of DESIGN.md §5: a bare Qt Widgets + Charts window, built in the same tree with
// the same flags as the app. It shows a main window with one small chart, and right after the window's
// first paint prints "lda: first paint" and quits - exactly what the app does with
// LDA_BENCH_EXIT_AFTER_PAINT=1, so that scripts/bench compares like with like.
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLineSeries>
#include <QMainWindow>
#include <QTimer>

#include <cstdio>

namespace {

class ExitAfterFirstPaint final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            // Runs once the paint cycle that is starting now has been flushed.
            QTimer::singleShot(0, this, [] {
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

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.setWindowTitle(QStringLiteral("baseline"));
    auto *series = new QLineSeries;
    for (int i = 0; i < 100; ++i)
        series->append(i, (i * 37) % 100);
    auto *chart = new QChart;
    chart->addSeries(series);
    chart->createDefaultAxes();
    window.setCentralWidget(new QChartView(chart, &window));
    window.resize(1200, 780);
    ExitAfterFirstPaint exiter;
    app.installEventFilter(&exiter); // the chart view covers the window: watch every widget
    window.show();
    return app.exec();
}
