// The Prices page offscreen: import through the dialog seam (worker thread), snapshot choice, overrides,
// export, the history chart, model checks and the filter budget on 10,000 rows.
#include "PriceTableRows.h"
#include "kb/KnowledgeBase.h"
#include "kb/UserDatabase.h"
#include "models/PriceTableModel.h"
#include "prices/PricesPage.h"
#include "pricing/LiteLlmImporter.h"
#include "pricing/PriceCatalogue.h"
#include "pricing/PriceStore.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lda;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(LDA_TEST_DATA_DIR) % u"/litellm/"_s % name;
}

int rowCount(const core::kb::UserDatabase &db, const QString &table)
{
    QSqlQuery q(db.database());
    return q.exec(u"SELECT COUNT(*) FROM "_s % table) && q.next() ? q.value(0).toInt() : -1;
}

} // namespace

class TestPricesPage : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<core::kb::KnowledgeBase> m_kb;
    std::unique_ptr<core::kb::UserDatabase> m_user;
    std::unique_ptr<core::pricing::PriceCatalogue> m_prices;
    ui::UiServices m_services;
    // What the scripted dialogs were asked and answer.
    QString m_openAnswer;
    QString m_saveAnswer;
    std::optional<core::pricing::OverrideInput> m_overrideAnswer;
    QStringList m_warnings;

    ui::PricesPageDialogs scripted()
    {
        ui::PricesPageDialogs d;
        d.openFile = [this](QWidget *, const QString &, const QString &) { return m_openAnswer; };
        d.saveFile = [this](QWidget *, const QString &, const QString &) { return m_saveAnswer; };
        d.editOverride = [this](QWidget *, const core::pricing::Price &, const QString &, const QString &) {
            return m_overrideAnswer;
        };
        d.warn = [this](QWidget *, const QString &, const QString &text) { m_warnings.append(text); };
        return d;
    }

    static QTableView *table(ui::PricesPage &page) { return page.findChild<QTableView *>(u"priceTable"_s); }

    static core::pricing::PriceOrigin originOfSelected(ui::PricesPage &page)
    {
        const QModelIndex i = table(page)->selectionModel()->selectedRows(ui::PriceTableModel::Origin).value(0);
        const QString origin = i.data().toString();
        return origin == u"import"_s     ? core::pricing::PriceOrigin::Import
            : origin == u"override"_s    ? core::pricing::PriceOrigin::Override
                                         : core::pricing::PriceOrigin::Shipped;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QString error;
        m_kb = core::kb::KnowledgeBase::open(QStringLiteral(LDA_TEST_KB), &error);
        QVERIFY2(m_kb, qPrintable(error));
        m_user = core::kb::UserDatabase::open(m_dir.filePath(u"user.db"_s), &error);
        QVERIFY2(m_user, qPrintable(error));
        m_prices = std::make_unique<core::pricing::PriceCatalogue>(*m_kb, m_user.get());
        m_prices->setClock([] { return QDate(2026, 11, 27); });
        m_services = {m_kb.get(), m_user.get(), m_prices.get(), QString(), {}};
    }

    void page_modelsPassTheModelTester()
    {
        ui::PricesPage page(m_services);
        QTableView *view = table(page);
        QVERIFY(view);
        QAbstractItemModelTester proxyTester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto *proxy = qobject_cast<QSortFilterProxyModel *>(view->model());
        QAbstractItemModelTester sourceTester(proxy->sourceModel(),
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(view->model()->rowCount() >= 40);
        QTest::keyClicks(page.findChild<QLineEdit *>(u"priceSearch"_s), u"sonnet bedrock"_s);
        QVERIFY(view->model()->rowCount() > 0);
        QVERIFY(view->model()->rowCount() < 10);
        // Provenance in the tooltip and the status column.
        const QString tip = view->model()->index(0, 0).data(Qt::ToolTipRole).toString();
        QVERIFY(tip.contains(u"Source:"_s) && tip.contains(u"As of:"_s));
        QCOMPARE(view->model()->headerData(ui::PriceTableModel::Status, Qt::Horizontal).toString(), u"Status"_s);
    }

    void import_runsOffTheGuiThreadThroughTheSeam()
    {
        ui::PricesPage page(m_services);
        page.setDialogs(scripted());
        page.resize(1200, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy finished(&page, &ui::PricesPage::importFinished);
        m_openAnswer = fixture(u"model_prices_2026-07-24.json"_s);
        QTest::mouseClick(page.findChild<QPushButton *>(u"priceImport"_s), Qt::LeftButton);
        QVERIFY(page.isImporting() || finished.count() == 1);
        QVERIFY(finished.wait(20000) || finished.count() == 1);
        QCOMPARE(finished.first().at(0).toBool(), true);
        const QString summary = finished.first().at(1).toString();
        QVERIFY2(summary.contains(u"2982 entries"_s) && summary.contains(u"mapped"_s), qPrintable(summary));
        QVERIFY(page.findChild<QLabel *>(u"priceStatus"_s)->text().contains(u"2982"_s));
        QVERIFY(m_warnings.isEmpty());

        // Choose the snapshot: the Bedrock Sonnet 4.5 row becomes an import.
        auto *combo = page.findChild<QComboBox *>(u"priceSnapshot"_s);
        QVERIFY(combo->count() >= 3); // shipped, newest, the snapshot
        const int latest = combo->findData(u"latest"_s);
        QVERIFY(latest > 0);
        combo->setCurrentIndex(latest);
        Q_EMIT combo->activated(latest);
        page.selectPrice(u"aws-bedrock"_s, u"claude-sonnet-4-5"_s);
        QCOMPARE(originOfSelected(page), core::pricing::PriceOrigin::Import);

        // The chart shows the shipped and the imported figure.
        auto *chartView = page.findChild<QChartView *>(u"priceHistory"_s);
        QVERIFY(chartView);
        const auto series = chartView->chart()->series();
        QCOMPARE(series.size(), 2);
        QVERIFY(qobject_cast<QLineSeries *>(series.first())->count() >= 2);

        // Importing the same file again changes nothing and says so.
        finished.clear();
        page.importFile(m_openAnswer);
        QVERIFY(finished.wait(20000) || finished.count() == 1);
        QVERIFY(finished.first().at(1).toString().contains(u"already imported"_s));
        combo->setCurrentIndex(0); // back to shipped prices for the tests that follow
        Q_EMIT combo->activated(0);
    }

    void import_badFileWarnsAndChangesNothing()
    {
        ui::PricesPage page(m_services);
        page.setDialogs(scripted());
        m_warnings.clear();
        const QString bad = m_dir.filePath(u"bad.json"_s);
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"azure/gpt-4o\": {\"litellm_provider\": \"azure\", \"input_cost_per_token\": ");
        f.close();
        const int snapshots = rowCount(*m_user, u"price_snapshots"_s);
        const int rows = rowCount(*m_user, u"imported_prices"_s);
        QSignalSpy finished(&page, &ui::PricesPage::importFinished);
        m_openAnswer = bad;
        page.chooseImport();
        QVERIFY(finished.wait(20000) || finished.count() == 1);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QCOMPARE(m_warnings.size(), 1);
        QVERIFY2(m_warnings.first().contains(u"bad.json:1:"_s), qPrintable(m_warnings.first()));
        QCOMPARE(rowCount(*m_user, u"price_snapshots"_s), snapshots);
        QCOMPARE(rowCount(*m_user, u"imported_prices"_s), rows);
        // Cancelling the file dialog does nothing.
        m_openAnswer.clear();
        page.chooseImport();
        QVERIFY(!page.isImporting());
    }

    void override_editAndResetThroughTheSeam()
    {
        ui::PricesPage page(m_services);
        page.setDialogs(scripted());
        page.selectPrice(u"aws-bedrock"_s, u"claude-sonnet-4-5"_s);
        QCOMPARE(originOfSelected(page), core::pricing::PriceOrigin::Shipped);
        QVERIFY(!page.findChild<QPushButton *>(u"priceReset"_s)->isEnabled());

        m_overrideAnswer = core::pricing::OverrideInput{2.0, 10.0, std::nullopt, u"negotiated"_s};
        QTest::mouseClick(page.findChild<QPushButton *>(u"priceOverride"_s), Qt::LeftButton);
        QCOMPARE(originOfSelected(page), core::pricing::PriceOrigin::Override);
        QCOMPARE(m_prices->resolved(u"aws-bedrock"_s, u"claude-sonnet-4-5"_s)->inputPerMTok, 2.0);
        QVERIFY(page.findChild<QPushButton *>(u"priceReset"_s)->isEnabled());

        // Cancelled dialog: unchanged.
        m_overrideAnswer.reset();
        page.editOverride();
        QCOMPARE(m_prices->resolved(u"aws-bedrock"_s, u"claude-sonnet-4-5"_s)->inputPerMTok, 2.0);

        QTest::mouseClick(page.findChild<QPushButton *>(u"priceReset"_s), Qt::LeftButton);
        QCOMPARE(originOfSelected(page), core::pricing::PriceOrigin::Shipped);
        QCOMPARE(m_prices->resolved(u"aws-bedrock"_s, u"claude-sonnet-4-5"_s)->origin,
                 core::pricing::PriceOrigin::Shipped);
    }

    void export_writesCsvAndJson()
    {
        ui::PricesPage page(m_services);
        page.setDialogs(scripted());
        m_warnings.clear();
        m_saveAnswer = m_dir.filePath(u"prices.json"_s);
        QTest::mouseClick(page.findChild<QPushButton *>(u"priceExport"_s), Qt::LeftButton);
        QFile json(m_saveAnswer);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonArray prices = QJsonDocument::fromJson(json.readAll()).object().value(u"prices"_s).toArray();
        QCOMPARE(prices.size(), m_prices->resolvedPrices().size());
        QVERIFY(prices.at(0).toObject().contains(u"origin"_s));
        QVERIFY(page.exportTo(m_dir.filePath(u"prices.csv"_s)));
        QFile csv(m_dir.filePath(u"prices.csv"_s));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readLine().startsWith("option,model"));
        QVERIFY(!page.exportTo(m_dir.filePath(u"no/such/dir/prices.csv"_s)));
        QCOMPARE(m_warnings.size(), 1);
        m_warnings.clear();
    }

    // The page as a user sees it after two imports and an override; saved when LDA_SCREENSHOT_DIR is set.
    void page_rendersHistoryAndProvenance()
    {
        core::pricing::LiteLlmImporter importer(*m_kb, *m_user);
        QVERIFY(importer.importFile(fixture(u"model_prices_2026-01-23.json"_s), u"2026-01-23"_s).ok);
        core::pricing::PriceStore store(*m_user);
        QString error;
        QVERIFY(store.setSnapshotChoice(u"latest"_s, &error));
        QVERIFY(store.setOverride(u"azure-openai"_s, u"gpt-4o"_s, {2.0, 8.0, std::nullopt, u"EA discount"_s}, &error));
        ui::PricesPage page(m_services);
        page.resize(1280, 820);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.selectPrice(u"aws-bedrock"_s, u"claude-sonnet-4-5"_s);
        auto *chartView = page.findChild<QChartView *>(u"priceHistory"_s);
        QVERIFY(qobject_cast<QLineSeries *>(chartView->chart()->series().first())->count() >= 3);
        if (const QByteArray dir = qgetenv("LDA_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QVERIFY(page.grab().save(QString::fromLocal8Bit(dir) % u"/prices.png"_s));
            page.findChild<QLineEdit *>(u"priceSearch"_s)->setText(u"gpt-4o"_s);
            page.selectPrice(u"azure-openai"_s, u"gpt-4o"_s);
            QVERIFY(chartView->chart()->title().contains(u"GPT-4o"_s));
            QTest::qWait(50); // let the chart lay out its new title before grabbing
            QVERIFY(page.grab().save(QString::fromLocal8Bit(dir) % u"/prices-override.png"_s));
        }
        QVERIFY(store.resetOverride(u"azure-openai"_s, u"gpt-4o"_s));
        QVERIFY(store.setSnapshotChoice(u"none"_s, &error));
    }

    // The page's model and filter proxy with 10,000 rows (the time a filter takes is measured by
    // tests/bench/bench_prices, not here).
    void filter_10000Rows()
    {
        // As in the page: a sorted proxy over the table model (no model tester here: its per-row checks
        // over 10,000 rows are slow; the page test runs it on the same classes).
        test::PriceTableRows table(*m_kb, m_prices->resolvedPrices(), 10000);
        const QList<core::pricing::Price> &prices = table.prices;
        const QHash<QString, QString> &providers = table.providers;
        ui::PriceFilterProxy &proxy = table.proxy;
        QCOMPARE(proxy.rowCount(), 10000);
        int aws = 0;
        for (const core::pricing::Price &p : std::as_const(prices))
            aws += providers.value(p.optionId) == u"aws"_s ? 1 : 0;
        QVERIFY(aws > 0 && aws < 10000);
        int previous = 10000;
        for (const QString &text : {u"c"_s, u"cl"_s, u"cla"_s, u"clau"_s, u"claude"_s}) {
            proxy.setFilter(u"aws"_s, text);
            const int rows = proxy.rowCount();
            QVERIFY2(rows > 0 && rows <= previous, qPrintable(text % u": "_s % QString::number(rows)));
            previous = rows; // typing more never shows more
        }
        proxy.setFilter(u"aws"_s, QString());
        QCOMPARE(proxy.rowCount(), aws);
        proxy.setFilter(QString(), QString());
        QCOMPARE(proxy.rowCount(), 10000);
    }
};

QTEST_MAIN(TestPricesPage)
#include "tst_pricespage.moc"
