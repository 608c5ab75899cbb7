// The Costs and Scenarios pages offscreen: editing a workload changes the charts; scenarios persist in
// user.db across a reopen of the same file. Set LDA_SCREENSHOTS=DIR to also save PNGs of the pages.
#include "costs/CostsPage.h"
#include "kb/KnowledgeBase.h"
#include "kb/UserDatabase.h"
#include "pricing/PriceCatalogue.h"
#include "scenarios/ScenariosPage.h"

#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QDoubleSpinBox>
#include <QSlider>
#include <QFileInfo>
#include <QLineSeries>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace lda;

namespace {

QStackedBarSeries *bars(QChart *chart)
{
    const QList<QAbstractSeries *> series = chart->series();
    for (QAbstractSeries *s : series) {
        if (auto *b = qobject_cast<QStackedBarSeries *>(s))
            return b;
    }
    return nullptr;
}

double barValue(QChart *chart, const QString &item, int category)
{
    QStackedBarSeries *s = bars(chart);
    if (!s)
        return -1;
    const QList<QBarSet *> sets = s->barSets();
    for (QBarSet *set : sets) {
        if (set->objectName() == item)
            return set->at(category);
    }
    return -1;
}

void screenshot(QWidget *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("LDA_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    QTest::qWait(100); // let the charts lay out after a tab switch
    w->grab().save(dir % u'/' % name % u".png"_s);
}

} // namespace

class TestCosts : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<core::kb::KnowledgeBase> m_kb;

    struct Services
    {
        std::unique_ptr<core::kb::UserDatabase> user;
        std::unique_ptr<core::pricing::PriceCatalogue> prices;
        ui::UiServices services;
    };

    Services open(const QString &userDb)
    {
        Services s;
        QString error;
        s.user = core::kb::UserDatabase::open(userDb, &error);
        s.prices = std::make_unique<core::pricing::PriceCatalogue>(*m_kb, s.user.get());
        s.services.kb = m_kb.get();
        s.services.user = s.user.get();
        s.services.prices = s.prices.get();
        return s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        m_kb = core::kb::KnowledgeBase::open(QStringLiteral(LDA_TEST_KB), &error);
        QVERIFY2(m_kb, qPrintable(error));
    }

    void costs_editingTheWorkloadChangesTheCharts()
    {
        Services s = open(m_dir.filePath(u"costs.db"_s));
        ui::CostsPage page(s.services);
        page.resize(1400, 900);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(page.findChild<QTableView *>(u"gpuTable"_s)->model()->rowCount() >= 25);

        // The page opens on the guide's first use case (support chatbot on Bedrock).
        QChart *chart = page.optionChart();
        const QStringList options = [&] {
            QStringList ids;
            for (const core::cost::Estimate &e : page.estimates().estimates)
                ids.append(e.optionId);
            return ids;
        }();
        const int bedrock = int(options.indexOf(u"aws-bedrock"_s));
        QVERIFY(bedrock >= 0);
        const double before = barValue(chart, u"input_tokens"_s, bedrock);
        QVERIFY2(std::abs(before - 16200.0) < 0.01, qPrintable(QString::number(before)));
        screenshot(&page, u"costs-by-option"_s);

        // Double the volume in the editor: the bar doubles.
        auto *requests = page.findChild<QDoubleSpinBox *>(u"requestsPerDay"_s);
        QVERIFY(requests);
        requests->setValue(requests->value() * 2);
        QTRY_VERIFY(std::abs(barValue(chart, u"input_tokens"_s, bedrock) - 32400.0) < 0.01);

        // Prompt caching moves cost from input to cached input.
        auto *cache = page.findChild<QDoubleSpinBox *>(u"cacheHitRate"_s);
        cache->setValue(75);
        QTRY_VERIFY(barValue(chart, u"cached_input_tokens"_s, bedrock) > 0);
        QVERIFY(barValue(chart, u"input_tokens"_s, bedrock) < 32400.0 * 0.26);

        // The volume chart (drawn when its tab is shown): one line per option, 100 finite points, the budget line.
        page.findChild<QTabWidget *>(u"chartTabs"_s)->setCurrentIndex(1);
        QChart *volume = page.volumeChart();
        int lines = 0;
        bool budget = false;
        const QList<QAbstractSeries *> all = volume->series();
        for (QAbstractSeries *a : all) {
            auto *line = qobject_cast<QLineSeries *>(a);
            if (!line || qobject_cast<QScatterSeries *>(a))
                continue;
            if (line->property("role").toString() == u"budget"_s) {
                budget = line->count() == 2 && line->at(0).y() == 10000;
                continue;
            }
            if (line->objectName().isEmpty())
                continue;
            ++lines;
            QCOMPARE(line->count(), 100);
            const QList<QPointF> points = line->points();
            for (const QPointF &p : points)
                QVERIFY(std::isfinite(p.x()) && std::isfinite(p.y()) && p.y() >= 0);
        }
        QCOMPARE(lines, int(page.estimates().estimates.size()));
        QVERIFY(budget);
        screenshot(&page, u"costs-vs-volume"_s);
        page.findChild<QTabWidget *>(u"chartTabs"_s)->setCurrentIndex(2);
        QVERIFY(bars(page.optimisationChart()));
        screenshot(&page, u"costs-optimisation"_s);

        // Bad input in the JSON editor is named and the charts keep the last valid figures.
        page.findChild<QTabWidget *>(u"chartTabs"_s)->setCurrentIndex(0);
        const double valid = barValue(chart, u"output_tokens"_s, bedrock);
        auto *json = page.findChild<QPlainTextEdit *>(u"workloadJson"_s);
        json->setPlainText(u"{\"requests_per_day\": -5, \"input_tokens_per_request\": 1, \"output_tokens_per_request\": 1}"_s);
        QVERIFY(page.validationMessage().contains(u"requests_per_day"_s));
        QCOMPARE(barValue(chart, u"output_tokens"_s, bedrock), valid);
        json->setPlainText(u"{\"requests_per_day\": 1000, \"input_tokens_per_request\": 100, \"output_tokens_per_request\": 100,"
                           " \"model\": \"claude-sonnet-4-5\"}"_s);
        // 30,000 requests x 100 output tokens = 3M x $15 = $45
        QTRY_VERIFY(std::abs(barValue(chart, u"output_tokens"_s, bedrock) - 45.0) < 0.001);

        // Exports.
        page.findChild<QTabWidget *>(u"chartTabs"_s)->setCurrentIndex(0);
        const QString png = m_dir.filePath(u"chart.png"_s);
        const QString svg = m_dir.filePath(u"chart.svg"_s);
        const QString csv = m_dir.filePath(u"chart.csv"_s);
        QVERIFY(page.exportChartPng(png));
        QVERIFY(page.exportChartSvg(svg));
        QVERIFY(page.exportCsv(csv));
        QVERIFY(QFileInfo(png).size() > 1000);
        QVERIFY(QFileInfo(svg).size() > 1000);
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().startsWith("option,model,mode,monthly_usd"));

        // Dragging the volume slider (logarithmic: 0..1000 is 1..10 million requests a day) sets the volume
        // and moves the "this workload" line of the visible chart. Its frame rate is measured by
        // tests/bench/bench_cost (scripts/bench), not here.
        auto *slider = page.findChild<QSlider *>(u"volumeSlider"_s);
        QVERIFY(slider);
        page.findChild<QTabWidget *>(u"chartTabs"_s)->setCurrentIndex(1);
        const auto nowLineX = [&page]() {
            const QList<QAbstractSeries *> series = page.volumeChart()->series();
            for (QAbstractSeries *one : series) {
                if (one->property("role").toString() != u"now"_s)
                    continue;
                const auto *line = static_cast<QLineSeries *>(one);
                return line->count() == 2 ? line->at(0).x() : -1.0;
            }
            return -2.0;
        };
        for (const int value : {500, 650, 800}) {
            slider->setValue(value);
            const double expected = std::round(std::pow(10.0, value / 1000.0 * 7.0));
            QCOMPARE(requests->value(), expected);
            QTRY_COMPARE(page.workload().requestsPerDay, expected);
            QTRY_COMPARE(nowLineX(), expected);
        }

        // The option chart keeps a single budget line through updates, follows the budget and drops the
        // line without one.
        page.findChild<QTabWidget *>(u"chartTabs"_s)->setCurrentIndex(0);
        const auto budgetLines = [&page]() {
            QList<QLineSeries *> found;
            const QList<QAbstractSeries *> series = page.optionChart()->series();
            for (QAbstractSeries *one : series) {
                if (auto *line = qobject_cast<QLineSeries *>(one))
                    found.append(line);
            }
            return found;
        };
        QTRY_COMPARE(budgetLines().size(), 0); // the workload typed into the JSON editor above has no budget
        auto *budgetBox = page.findChild<QDoubleSpinBox *>(u"budget"_s);
        QVERIFY(budgetBox);
        budgetBox->setValue(25000);
        QTRY_COMPARE(budgetLines().size(), 1);
        QCOMPARE(budgetLines().first()->name(), u"Budget $25,000"_s);
        QCOMPARE(budgetLines().first()->at(0).y(), 25000.0);
        QLineSeries *const kept = budgetLines().first();
        slider->setValue(700);
        QTRY_COMPARE(page.workload().requestsPerDay, std::round(std::pow(10.0, 4.9)));
        QTRY_VERIFY(barValue(page.optionChart(), u"output_tokens"_s, bedrock) > 45.0);
        QCOMPARE(budgetLines(), QList<QLineSeries *>{kept});
        QCOMPARE(page.optionChart()->series().size(), 2); // the stacked bars and the budget line
        budgetBox->setValue(0); // "none"
        QTRY_COMPARE(budgetLines().size(), 0);

        // Saving as a scenario goes to user.db.
        QVERIFY(page.saveScenarioAs(u"From costs"_s) > 0);
    }

    void scenarios_persistAcrossReopen()
    {
        const QString path = m_dir.filePath(u"scenarios.db"_s);
        {
            Services s = open(path);
            ui::ScenariosPage page(s.services);
            page.resize(1300, 850);
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            QCOMPARE(page.entries().size(), 4); // the guide's use cases
            QVERIFY(page.selectByName(u"Customer support chatbot"_s));
            QVERIFY(page.reviewHtml().contains(u"Over by"_s)); // 20,311 against 10,000
            screenshot(&page, u"scenarios-budget"_s);
            // A budget on a shipped use case makes the user's own copy.
            QVERIFY(page.setBudgetForCurrent(25000));
            QCOMPARE(page.entries().size(), 5);
            QCOMPARE(page.current()->name, u"Customer support chatbot (copy)"_s);
            QCOMPARE(*page.current()->workload.budgetUsdPerMonth, 25000.0);
            QVERIFY(page.reviewHtml().contains(u"Fits"_s));
            QVERIFY(page.duplicateCurrent() > 0);
            QCOMPARE(page.entries().size(), 6);
            QVERIFY(page.current());
            QCOMPARE(page.current()->name, u"Customer support chatbot (copy 2)"_s);
            QVERIFY2(page.deleteCurrent(), qPrintable(page.lastMessage()));
            QCOMPARE(page.entries().size(), 5);
            QVERIFY(page.undoDelete());
            QCOMPARE(page.entries().size(), 6);
            QVERIFY(page.deleteCurrent()); // and delete it for good this time
            QCOMPARE(page.entries().size(), 5);
            const QString pdf = m_dir.filePath(u"review.pdf"_s);
            QVERIFY(page.selectByName(u"Customer support chatbot (copy)"_s));
            QVERIFY(page.saveReviewPdf(pdf));
            QVERIFY(QFileInfo(pdf).size() > 1000);
            QVERIFY(page.saveReviewHtml(m_dir.filePath(u"review.html"_s)));
            const QString exported = m_dir.filePath(u"exported.json"_s);
            QVERIFY(page.exportCurrent(exported));
            QVERIFY(page.importFile(exported));
            QCOMPARE(page.entries().size(), 6);
            auto *list = page.findChild<QListWidget *>(u"scenarioList"_s);
            list->item(0)->setSelected(true);
            list->item(4)->setSelected(true);
            page.findChild<QTabWidget *>()->setCurrentIndex(1);
            screenshot(&page, u"scenarios-compare"_s);
        }
        Services reopened = open(path);
        ui::ScenariosPage again(reopened.services);
        QCOMPARE(again.entries().size(), 6);
        QVERIFY(again.selectByName(u"Customer support chatbot (copy)"_s));
        QCOMPARE(*again.current()->workload.budgetUsdPerMonth, 25000.0);
        QCOMPARE(again.current()->workload.requestsPerDay, 30000.0);
    }
};

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    TestCosts test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_costs.moc"
