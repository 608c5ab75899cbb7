// The decision wizard and the Compare page, offscreen: a walk through the questions (answer, skip, go back,
// finish), the result page, saved answers, the decision-record export, "compare these", and the
// comparison models under QAbstractItemModelTester. With LDA_SCREENSHOT_DIR set, it also saves PNGs.
#include "UiTestServices.h"
#include "MainWindow.h"
#include "compare/ComparePage.h"
#include "kb/KnowledgeBase.h"
#include "kb/UserDatabase.h"
#include "models/ComparisonModel.h"
#include "pricing/PriceCatalogue.h"
#include "wizard/WizardPage.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTabWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace Qt::StringLiterals;
using namespace lda;

class TestWizard : public QObject
{
    Q_OBJECT
private:
    UiTestServices m_fx;
    QTemporaryDir m_dir;

    static void shot(QWidget *w, const QString &name)
    {
        const QString dir = qEnvironmentVariable("LDA_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QCoreApplication::processEvents();
        QVERIFY(w->window()->grab().save(dir % u'/' % name % u".png"_s));
    }

    template<typename T>
    static T *child(QWidget *parent, const QString &name)
    {
        T *c = parent->findChild<T *>(name);
        if (!c)
            qWarning("missing child %s", qPrintable(name));
        return c;
    }

    static void click(QWidget *parent, const QString &name)
    {
        auto *b = child<QAbstractButton>(parent, name);
        QVERIFY(b);
        QVERIFY(b->isEnabled());
        b->click();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString error = m_fx.open();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void wizard_walkThrough_answerSkipBackFinish()
    {
        ui::MainWindow w(m_fx.services);
        w.resize(1280, 820);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.showPage(u"wizard"_s);
        auto *wizard = qobject_cast<ui::WizardPage *>(w.page(u"wizard"_s));
        QVERIFY(wizard);
        QVERIFY(wizard->isOnStartPage());
        // The options at a glance stay on the start page.
        QVERIFY(child<QListWidget>(wizard, u"wizardOptionList"_s)->count() >= 12);
        auto *live = child<QListWidget>(wizard, u"wizardLiveRanking"_s);
        QCOMPARE(live->count(), 9);
        shot(&w, u"wizard-start"_s);

        click(wizard, u"wizardStart"_s);
        QCOMPARE(wizard->currentQuestionId(), u"cloud"_s);
        QVERIFY(child<QLabel>(wizard, u"wizardGuideLink"_s)->text().contains(u".md#"_s));
        QVERIFY(!child<QLabel>(wizard, u"wizardHelp"_s)->text().isEmpty());
        click(wizard, u"wizardChoice_gcp"_s);
        QCOMPARE(wizard->answers().choice(u"cloud"_s), u"gcp"_s);
        // The live panel: three Google Cloud options, then the excluded count.
        QCOMPARE(live->count(), 4);
        QVERIFY(live->item(3)->text().contains(u"6 excluded"_s));
        click(wizard, u"wizardNext"_s);

        QCOMPARE(wizard->currentQuestionId(), u"model_family"_s);
        click(wizard, u"wizardChoice_custom_weights"_s);
        shot(&w, u"wizard-question"_s);
        click(wizard, u"wizardNext"_s);

        QCOMPARE(wizard->currentQuestionId(), u"custom_weights"_s);
        click(wizard, u"wizardSkip"_s); // no preference
        QCOMPARE(wizard->currentQuestionId(), u"model_size"_s);
        click(wizard, u"wizardBack"_s);
        QCOMPARE(wizard->currentQuestionId(), u"custom_weights"_s);
        QVERIFY(child<QRadioButton>(wizard, u"wizardNoPreference"_s)->isChecked()); // the skipped answer
        QVERIFY(!wizard->answers().has(u"custom_weights"_s));
        click(wizard, u"wizardChoice_full"_s);
        click(wizard, u"wizardNext"_s);

        QCOMPARE(wizard->currentQuestionId(), u"model_size"_s);
        wizard->chooseAnswer(u"small"_s);
        click(wizard, u"wizardNext"_s);
        QCOMPARE(wizard->currentQuestionId(), u"ops_maturity"_s);
        wizard->chooseAnswer(u"containers"_s);
        click(wizard, u"wizardNext"_s);
        click(wizard, u"wizardSkip"_s); // existing_kubernetes
        QCOMPARE(wizard->currentQuestionId(), u"traffic_pattern"_s);
        wizard->chooseAnswer(u"spiky"_s);
        click(wizard, u"wizardNext"_s);
        QCOMPARE(wizard->currentQuestionId(), u"monthly_tokens_millions"_s);
        wizard->chooseAnswer(u"300"_s);
        QCOMPARE(wizard->answers().value(u"monthly_tokens_millions"_s)->number.value_or(-1), 300.0);
        click(wizard, u"wizardNext"_s);
        QCOMPARE(wizard->currentQuestionId(), u"scale_to_zero"_s);
        wizard->chooseAnswer(u"yes"_s);

        click(wizard, u"wizardFinish"_s);
        QVERIFY(wizard->isOnResultPage());
        QCOMPARE(wizard->evaluation().top()->optionId, u"gcp-cloud-run"_s);
        const QString result = child<QTextBrowser>(wizard, u"wizardResult"_s)->toPlainText();
        QVERIFY(result.contains(u"Cloud Run"_s));
        QVERIFY(result.contains(u"recommended"_s));
        QVERIFY(result.contains(u"runner-up"_s));
        QVERIFY(result.contains(u"What would change the answer"_s));
        // Reasons name the answers that drove them in the words of the wizard, never as ids.
        QVERIFY2(result.contains(u"Traffic pattern: “Spiky"_s), qPrintable(result));
        QVERIFY2(!result.contains(u"traffic_pattern"_s) && !result.contains(u"monthly_tokens_millions"_s),
                 qPrintable(result));
        QVERIFY(!result.contains(u" 1 points"_s));
        QVERIFY(result.contains(u"Estimate"_s));
        QVERIFY(result.contains(u"Read about it in the guide"_s));
        shot(&w, u"wizard-result"_s);

        // Save, start over, reopen and edit.
        QString error;
        auto *savedList = child<QListWidget>(wizard, u"wizardSavedAnswers"_s);
        QCOMPARE(savedList->count(), 1); // the "no saved answers yet" hint, which cannot be chosen
        QCOMPARE(savedList->item(0)->flags(), Qt::NoItemFlags);
        QVERIFY2(wizard->saveAnswers(u"walk-through"_s, &error), qPrintable(error));
        wizard->restart();
        QVERIFY(wizard->isOnStartPage());
        QVERIFY(wizard->answers().isEmpty());
        QCOMPARE(savedList->count(), 1);
        QCOMPARE(savedList->item(0)->text(), u"walk-through"_s);
        QVERIFY2(wizard->openSavedAnswers(u"walk-through"_s, &error), qPrintable(error));
        QCOMPARE(wizard->currentQuestionId(), u"cloud"_s);
        QVERIFY(child<QRadioButton>(wizard, u"wizardChoice_gcp"_s)->isChecked());
        QCOMPARE(wizard->answers().choice(u"custom_weights"_s), u"full"_s);
        wizard->finish();

        // The decision record.
        const QString md = m_dir.filePath(u"record.md"_s);
        QVERIFY2(wizard->exportDecisionRecord(md, &error), qPrintable(error));
        QFile f(md);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.contains("We will use **Cloud Run with NVIDIA L4 GPUs**"));
        QVERIFY(text.contains("## What would change this decision"));
        const QString pdf = m_dir.filePath(u"record.pdf"_s);
        QVERIFY2(wizard->exportDecisionRecord(pdf, &error), qPrintable(error));
        QVERIFY(QFileInfo(pdf).size() > 2000);

        // "Compare these" opens the Compare page with the top options as columns.
        const QStringList candidates = wizard->compareCandidates();
        QCOMPARE(candidates.size(), 3);
        click(wizard, u"wizardCompare"_s);
        QCOMPARE(w.currentPageId(), u"compare"_s);
        auto *compare = qobject_cast<ui::ComparePage *>(w.page(u"compare"_s));
        QVERIFY(compare);
        QCOMPARE(compare->chosenOptions().size(), 3);
        auto *table = child<QTableView>(compare, u"compareTable"_s);
        QCOMPARE(table->model()->columnCount(), 3);
        shot(&w, u"compare-options"_s);
    }

    void compare_filtersHighlightsAndExports()
    {
        ui::ComparePage page(m_fx.services);
        page.resize(1280, 760);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *table = child<QTableView>(&page, u"compareTable"_s);
        auto *model = qobject_cast<ui::ComparisonModel *>(table->model());
        QVERIFY(model);
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->columnCount(), 9);
        const int all = model->rowCount();
        QVERIFY(all >= 15);

        page.setChosenOptions({u"aws-bedrock"_s, u"azure-openai"_s});
        QCOMPARE(model->columnCount(), 2);
        child<QCheckBox>(&page, u"compareDifferencesOnly"_s)->setChecked(true);
        QVERIFY(model->rowCount() > 0);
        QVERIFY(model->rowCount() < all);
        for (int row = 0; row < model->rowCount(); ++row) {
            QVERIFY(model->index(row, 0).data(ui::ComparisonModel::DiffersRole).toBool());
            QVERIFY(model->index(row, 0).data(Qt::BackgroundRole).value<QColor>().isValid());
        }
        child<QCheckBox>(&page, u"compareDifferencesOnly"_s)->setChecked(false);
        auto *category = child<QComboBox>(&page, u"compareCategory"_s);
        category->setCurrentIndex(1);
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->index(row, 0).data(ui::ComparisonModel::CategoryRole).toString(),
                     category->currentData().toString());
        category->setCurrentIndex(0);
        page.setChosenOptions({});
        auto *cloud = child<QComboBox>(&page, u"compareCloud"_s);
        cloud->setCurrentIndex(cloud->findData(u"gcp"_s));
        QCOMPARE(model->columnCount(), 3);
        cloud->setCurrentIndex(0);

        QString error;
        const QString csv = m_dir.filePath(u"compare.csv"_s);
        QVERIFY(page.exportComparison(csv, ui::ComparePage::Format::Csv, &error));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readLine().startsWith("Criterion,Amazon Bedrock,"));
        QVERIFY(page.comparisonMarkdown().startsWith(u"| Criterion |"_s));
    }

    void modelPrices_searchSortAndWorkloadCost()
    {
        ui::ComparePage page(m_fx.services);
        page.resize(1280, 760);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.findChild<QTabWidget *>(u"compareTabs"_s)->setCurrentIndex(1);
        auto *view = child<QTableView>(&page, u"modelPriceTable"_s);
        QAbstractItemModel *proxy = view->model();
        auto *source = qobject_cast<ui::ModelPriceModel *>(qobject_cast<QSortFilterProxyModel *>(proxy)->sourceModel());
        QVERIFY(source);
        QAbstractItemModelTester proxyTester(proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester sourceTester(source, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int all = proxy->rowCount();
        QVERIFY(all >= 40);
        shot(&page, u"compare-models"_s);

        QTest::keyClicks(child<QLineEdit>(&page, u"modelPriceSearch"_s), u"sonnet"_s);
        QVERIFY(proxy->rowCount() > 0);
        QVERIFY(proxy->rowCount() < all);
        for (int row = 0; row < proxy->rowCount(); ++row)
            QVERIFY(proxy->index(row, 0).data().toString().contains(u"Sonnet"_s));
        child<QLineEdit>(&page, u"modelPriceSearch"_s)->clear();

        // Sort by the workload cost: known figures first, cheapest first.
        const int costColumn = int(core::decision::ModelPriceColumn::WorkloadCost);
        view->sortByColumn(costColumn, Qt::AscendingOrder);
        QVERIFY(proxy->index(0, costColumn).data().toString().startsWith(u'$'));
        QVERIFY(!proxy->index(proxy->rowCount() - 1, costColumn).data().toString().startsWith(u'$')
                || proxy->rowCount() == all);
        view->sortByColumn(costColumn, Qt::DescendingOrder);
        QVERIFY(proxy->index(0, costColumn).data().toString().startsWith(u'$'));
        const QString before = proxy->index(0, costColumn).data().toString();
        child<QSpinBox>(&page, u"workloadRequests"_s)->setValue(20000);
        QVERIFY(proxy->index(0, costColumn).data().toString() != before);
        QVERIFY(proxy->index(0, 0).data(Qt::ToolTipRole).toString().contains(u"Source:"_s));

        QString error;
        const QString md = m_dir.filePath(u"models.md"_s);
        QVERIFY(page.exportModelPrices(md, ui::ComparePage::Format::Markdown, &error));
        QVERIFY(QFileInfo(md).size() > 1000);
    }
};

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    TestWizard test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_wizard.moc"
