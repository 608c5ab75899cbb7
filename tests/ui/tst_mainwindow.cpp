// Opens the main window offscreen and visits every page as a user would.
#include "UiTestServices.h"
#include "MainWindow.h"
#include "guideview/GuidePage.h"
#include "kb/KnowledgeBase.h"
#include "kb/UserDatabase.h"
#include "pricing/PriceCatalogue.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace lda;

class TestMainWindow : public QObject
{
    Q_OBJECT
private:
    UiTestServices m_fx;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString error = m_fx.open(QStringLiteral(LDA_TEST_PLUGIN_DIR));
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void window_opensEveryPageWithData()
    {
        ui::MainWindow w(m_fx.services);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.currentPageId(), u"wizard"_s);

        auto *options = w.findChild<QListWidget *>(u"wizardOptionList"_s);
        QVERIFY(options);
        QVERIFY(options->count() >= 12); // 9 options + 3 cloud headings

        w.showPage(u"compare"_s);
        auto *compare = w.findChild<QTableView *>(u"compareTable"_s);
        QVERIFY(compare);
        QAbstractItemModelTester compareTester(compare->model());
        QVERIFY(compare->model()->rowCount() >= 15);
        QCOMPARE(compare->model()->columnCount(), 9);

        w.showPage(u"costs"_s);
        auto *gpus = w.findChild<QTableView *>(u"gpuTable"_s);
        QVERIFY(gpus && gpus->model()->rowCount() >= 25);

        w.showPage(u"prices"_s);
        auto *prices = w.findChild<QTableView *>(u"priceTable"_s);
        QVERIFY(prices);
        QAbstractItemModelTester pricesTester(prices->model());
        const int all = prices->model()->rowCount();
        QVERIFY(all >= 40);
        auto *search = w.findChild<QLineEdit *>(u"priceSearch"_s);
        QTest::keyClicks(search, u"sonnet"_s);
        QVERIFY(prices->model()->rowCount() > 0);
        QVERIFY(prices->model()->rowCount() < all);
        QVERIFY(prices->model()->index(0, 8).data(Qt::ToolTipRole).toString().contains(u"Source:"_s));

        w.showPage(u"scenarios"_s);
        auto *scenarios = w.findChild<QListWidget *>(u"scenarioList"_s);
        QVERIFY(scenarios && scenarios->count() >= 4);

        // Keyboard navigation: Ctrl+2 goes to Compare.
        QTest::keyClick(&w, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(w.currentPageId(), u"compare"_s);
    }

    void guidePage_loadsTheViewerPluginOnFirstShow()
    {
        ui::MainWindow w(m_fx.services);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(!w.page(u"guide"_s)); // not created, and WebEngine not loaded, until asked for
        w.showPage(u"guide"_s);
        auto *guide = qobject_cast<ui::GuidePage *>(w.page(u"guide"_s));
        QVERIFY(guide);
        QTRY_VERIFY_WITH_TIMEOUT(guide->viewerLoaded(), 20000);
        auto *contents = w.findChild<QTreeWidget *>(u"guideContents"_s);
        QVERIFY(contents);
        QVERIFY(contents->topLevelItemCount() >= 1);
    }

    // The plugin is loaded after QApplication and registers guide: on first use: the first page must
    // come through that scheme (if registration were too late, the page would not load).
    void guidePage_pluginServesTheFirstPageThroughTheGuideScheme()
    {
        ui::MainWindow w(m_fx.services);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.showPage(u"guide"_s);
        auto *guide = qobject_cast<ui::GuidePage *>(w.page(u"guide"_s));
        QVERIFY(guide);
        QTRY_VERIFY_WITH_TIMEOUT(guide->viewerLoaded(), 20000);
        auto *viewer = w.findChild<QWidget *>(u"guideView"_s);
        QVERIFY(viewer);
        QTRY_COMPARE_WITH_TIMEOUT(viewer->property("currentPage").toString(), u"README.md"_s, 20000);
    }
};

int main(int argc, char *argv[])
{
    // As in the app: the guide viewer plugin brings QtWebEngine, which needs shared GL contexts.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    TestMainWindow test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_mainwindow.moc"
