// The main window opening a file as `llm-deploy-advisor FILE` and the file manager do (a workload on the
// Costs page, wizard answers in the wizard's result), refusing bad files with a message naming the
// problem, and the wizard's guide links opening the guide viewer plugin at that page and heading.
#include "UiTestServices.h"
#include "MainWindow.h"
#include "costs/CostsPage.h"
#include "guideview/GuidePage.h"
#include "scenario/InputFile.h"
#include "wizard/WizardPage.h"

#include <QApplication>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPluginLoader>
#include <QRegularExpression>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QWebEnginePage>
#include <QWebEngineView>

using namespace Qt::StringLiterals;
using namespace lda;

class TestOpenFile : public QObject
{
    Q_OBJECT
private:
    UiTestServices m_fx;
    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(content) != content.size())
            return {};
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString error = m_fx.open(QStringLiteral(LDA_TEST_PLUGIN_DIR));
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void workloadFile_opensOnTheCostsPageWithItsValues()
    {
        const QString path = write(u"support.ldascenario.json"_s,
                                   R"({"name": "Night shift bot", "requests_per_day": 4321,
                                       "input_tokens_per_request": 777, "output_tokens_per_request": 222})");
        ui::MainWindow w(m_fx.services);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QString error;
        QVERIFY2(w.openFile(path, &error), qPrintable(error));
        QCOMPARE(w.currentPageId(), u"costs"_s);
        auto *costs = qobject_cast<ui::CostsPage *>(w.page(u"costs"_s));
        QVERIFY(costs && costs->isVisible());
        QCOMPARE(costs->workload().requestsPerDay, 4321.0);
        // What the user sees: the editor's fields carry the file's values.
        QCOMPARE(costs->findChild<QLineEdit *>(u"workloadName"_s)->text(), u"Night shift bot"_s);
        QCOMPARE(costs->findChild<QDoubleSpinBox *>(u"requestsPerDay"_s)->value(), 4321.0);
        QCOMPARE(costs->findChild<QDoubleSpinBox *>(u"inputTokens"_s)->value(), 777.0);
        QCOMPARE(costs->findChild<QDoubleSpinBox *>(u"outputTokens"_s)->value(), 222.0);
    }

    // A plain .json (as the Scenarios page exports) is recognised from its keys.
    void workloadFile_isRecognisedByContentWithoutTheRegisteredSuffix()
    {
        const QString path = write(u"exported.json"_s,
                                   R"({"requests_per_day": 50, "input_tokens_per_request": 10,
                                       "output_tokens_per_request": 5, "budget_usd_per_month": 90})");
        ui::MainWindow w(m_fx.services);
        w.show();
        QString error;
        QVERIFY2(w.openFile(path, &error), qPrintable(error));
        QCOMPARE(w.currentPageId(), u"costs"_s);
        QCOMPARE(qobject_cast<ui::CostsPage *>(w.page(u"costs"_s))->workload().budgetUsdPerMonth, 90.0);
    }

    void answersFile_opensTheWizardResultForThoseAnswers()
    {
        const QString path = write(u"answers.json"_s, R"({"cloud": "gcp", "ops_maturity": "none",
                                                          "budget_usd_per_month": 2000})");
        ui::MainWindow w(m_fx.services);
        w.showPage(u"prices"_s);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QString error;
        QVERIFY2(w.openFile(path, &error), qPrintable(error));
        QCOMPARE(w.currentPageId(), u"wizard"_s);
        auto *wizard = qobject_cast<ui::WizardPage *>(w.page(u"wizard"_s));
        QVERIFY(wizard && wizard->isOnResultPage());
        QCOMPARE(wizard->answers().choice(u"cloud"_s), u"gcp"_s);
        QCOMPARE(wizard->answers().choice(u"ops_maturity"_s), u"none"_s);
        QCOMPARE(*wizard->answers().value(u"budget_usd_per_month"_s)->number, 2000.0);
        QVERIFY(!wizard->evaluation().ranked.isEmpty());
        QVERIFY2(wizard->evaluation().ranked.first().optionId.startsWith(u"gcp-"_s),
                 qPrintable(wizard->evaluation().ranked.first().optionId));
        const QString shown = w.findChild<QTextBrowser *>(u"wizardResult"_s)->toPlainText();
        QVERIFY2(shown.contains(u"recommended"_s), qPrintable(shown.left(300)));
    }

    void badFile_isRefusedWithAMessageNamingTheProblem_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content"); // empty name: the file does not exist
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing") << QString() << QByteArray() << u"no such file"_s;
        QTest::newRow("malformed JSON") << u"broken.json"_s << QByteArray("{\n \"requests_per_day\": 10,\n oops }")
                                        << u"line 3"_s;
        QTest::newRow("array") << u"list.json"_s << QByteArray("[1, 2]") << u"expected a JSON object"_s;
        QTest::newRow("neither kind") << u"other.json"_s << QByteArray(R"({"colour": "blue"})")
                                      << u"neither a workload"_s;
        QTest::newRow("bad workload value") << u"neg.json"_s
                                            << QByteArray(R"({"requests_per_day": -5, "input_tokens_per_request": 1,
                                                              "output_tokens_per_request": 1})")
                                            << u"requests_per_day"_s;
        QTest::newRow("workload missing a field") << u"short.ldascenario.json"_s
                                                  << QByteArray(R"({"requests_per_day": 5})")
                                                  << u"input_tokens_per_request"_s;
        QTest::newRow("bad answer value") << u"bad-answers.json"_s << QByteArray(R"({"cloud": "mars"})")
                                          << u"'cloud': unknown value 'mars'"_s;
        QTest::newRow("binary") << u"image.json"_s << QByteArray("\x89PNG\r\n\x1a\n\0\0", 10) << u"line 1"_s;
    }

    void badFile_isRefusedWithAMessageNamingTheProblem()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        const QString path = name.isEmpty() ? m_dir.filePath(u"does-not-exist.json"_s) : write(name, content);
        QVERIFY(!path.isEmpty());
        ui::MainWindow w(m_fx.services);
        w.showPage(u"prices"_s);
        w.show();
        QString error;
        QVERIFY(!w.openFile(path, &error));
        QVERIFY2(error.startsWith(path), qPrintable(error)); // names the file ...
        QVERIFY2(error.contains(expected), qPrintable(error)); // ... and what is wrong
        QVERIFY(!error.contains(u'\n'));
        QCOMPARE(w.currentPageId(), u"prices"_s); // the window stays as it was
        if (auto *costs = qobject_cast<ui::CostsPage *>(w.page(u"costs"_s)))
            QVERIFY(costs->workload().requestsPerDay != 4321);
    }

    void folder_isRefused()
    {
        ui::MainWindow w(m_fx.services);
        QString error;
        QVERIFY(!w.openFile(m_dir.path(), &error));
        QVERIFY2(error.contains(u"folder"_s), qPrintable(error));
    }

    // A user clicks "Read about it in the guide" under the top option of the wizard's result: the Guide
    // page opens (loading the viewer plugin) on that page, scrolled to that heading.
    void wizardResultGuideLink_opensTheGuideAtThatPageAndAnchor()
    {
        ui::MainWindow w(m_fx.services);
        w.resize(1200, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(!w.page(u"guide"_s));
        auto *wizard = qobject_cast<ui::WizardPage *>(w.page(u"wizard"_s));
        QVERIFY(wizard);
        core::decision::Answers answers;
        answers.setChoice(u"cloud"_s, u"aws"_s);
        wizard->setAnswers(answers);
        wizard->finish();
        auto *result = w.findChild<QTextBrowser *>(u"wizardResult"_s);
        QVERIFY(result && result->isVisible());

        // The first guide link in the result, as the user sees it.
        QString href;
        QTextCursor linkCursor(result->document());
        for (QTextBlock b = result->document()->begin(); b.isValid() && href.isEmpty(); b = b.next()) {
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                const QTextFragment f = it.fragment();
                if (f.charFormat().anchorHref().startsWith(u"guide:"_s)) {
                    href = f.charFormat().anchorHref();
                    linkCursor.setPosition(f.position() + f.length() / 2);
                    break;
                }
            }
        }
        QVERIFY2(href.contains(u'#'), qPrintable(href));
        const QString target = href.mid(6);
        const QString page = target.left(target.indexOf(u'#'));
        const QString anchor = target.mid(target.indexOf(u'#') + 1);
        QCOMPARE(page, u"02-AWS/01-AWS-Options-Overview.md"_s); // the top AWS option's section

        result->setTextCursor(linkCursor);
        result->ensureCursorVisible();
        const QPoint at = result->cursorRect(linkCursor).center();
        QCOMPARE(result->anchorAt(at), href);
        QTest::mouseClick(result->viewport(), Qt::LeftButton, {}, at);

        QCOMPARE(w.currentPageId(), u"guide"_s);
        auto *guide = qobject_cast<ui::GuidePage *>(w.page(u"guide"_s));
        QVERIFY(guide);
        QTRY_VERIFY_WITH_TIMEOUT(guide->viewerLoaded(), 20000);
        auto *viewer = w.findChild<QWidget *>(u"guideView"_s);
        QVERIFY(viewer);
        QTRY_COMPARE_WITH_TIMEOUT(viewer->property("currentPage").toString(), page, 20000);
        auto *web = viewer->findChild<QWebEngineView *>();
        QVERIFY(web);
        QTRY_COMPARE_WITH_TIMEOUT(web->url().fragment(), anchor, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!web->page()->isLoading(), 20000);

        // A second link while the viewer is loaded goes straight to it.
        w.showPage(u"wizard"_s);
        w.openGuide(u"QUICK-REFERENCE.md#decision-tree"_s);
        QCOMPARE(w.currentPageId(), u"guide"_s);
        QTRY_COMPARE_WITH_TIMEOUT(viewer->property("currentPage").toString(), u"QUICK-REFERENCE.md"_s, 20000);
        web = viewer->findChild<QWebEngineView *>();
        QTRY_COMPARE_WITH_TIMEOUT(web->url().fragment(), u"decision-tree"_s, 20000);
    }

    // The question page's "Read more in the guide" link goes the same way.
    void wizardQuestionGuideLink_opensTheGuide()
    {
        ui::MainWindow w(m_fx.services);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        auto *wizard = qobject_cast<ui::WizardPage *>(w.page(u"wizard"_s));
        wizard->start();
        auto *link = w.findChild<QLabel *>(u"wizardGuideLink"_s);
        QVERIFY(link && link->isVisible());
        const QRegularExpressionMatch m = QRegularExpression(uR"re(href="guide:([^"#]+)#([^"]+)")re"_s).match(link->text());
        QVERIFY2(m.hasMatch(), qPrintable(link->text()));
        QMetaObject::invokeMethod(link, "linkActivated", Q_ARG(QString, u"guide:"_s % m.captured(1) % u'#' % m.captured(2)));
        QCOMPARE(w.currentPageId(), u"guide"_s);
        auto *guide = qobject_cast<ui::GuidePage *>(w.page(u"guide"_s));
        QTRY_VERIFY_WITH_TIMEOUT(guide->viewerLoaded(), 20000);
        auto *viewer = w.findChild<QWidget *>(u"guideView"_s);
        QTRY_COMPARE_WITH_TIMEOUT(viewer->property("currentPage").toString(), m.captured(1), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(viewer->findChild<QWebEngineView *>()->url().fragment(), m.captured(2), 20000);
    }

    // Compare: double-clicking an option's column header opens that option's section of the guide.
    void compareHeaderDoubleClick_opensTheOptionsGuideSection()
    {
        ui::MainWindow w(m_fx.services);
        w.resize(1200, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.showPage(u"compare"_s);
        auto *table = w.findChild<QTableView *>(u"compareTable"_s);
        QVERIFY(table && table->isVisible());
        QHeaderView *header = table->horizontalHeader();
        const QString optionId = table->model()->headerData(0, Qt::Horizontal, Qt::DisplayRole).toString();
        QVERIFY(!optionId.isEmpty());
        QVERIFY(table->model()->headerData(0, Qt::Horizontal, Qt::ToolTipRole).toString().contains(u"guide"_s));
        const QPoint at(header->sectionViewportPosition(0) + header->sectionSize(0) / 2, header->height() / 2);
        QTest::mouseDClick(header->viewport(), Qt::LeftButton, {}, at);

        QCOMPARE(w.currentPageId(), u"guide"_s);
        auto *guide = qobject_cast<ui::GuidePage *>(w.page(u"guide"_s));
        QTRY_VERIFY_WITH_TIMEOUT(guide->viewerLoaded(), 20000);
        auto *viewer = w.findChild<QWidget *>(u"guideView"_s);
        // The first column is Amazon Bedrock (data/kb/options.kb: guide = ...#amazon-bedrock).
        QTRY_COMPARE_WITH_TIMEOUT(viewer->property("currentPage").toString(), u"02-AWS/01-AWS-Options-Overview.md"_s,
                                  20000);
        QTRY_COMPARE_WITH_TIMEOUT(viewer->findChild<QWebEngineView *>()->url().fragment(), u"amazon-bedrock"_s, 20000);
    }

    // No plugin where it is looked for: the page says which file it tried.
    void missingPlugin_messageNamesThePathTried()
    {
        ui::UiServices services = m_fx.services;
        services.pluginDir = m_dir.filePath(u"no-plugins-here"_s);
        ui::GuidePage page(services);
        page.openPage(u"README.md"_s); // waits for a viewer that never comes; no crash
        page.show();
        QVERIFY(!page.viewerLoaded());
        const QList<QLabel *> labels = page.findChildren<QLabel *>();
        QVERIFY(!labels.isEmpty());
        const QString text = labels.first()->text();
        QVERIFY2(text.contains(QDir::toNativeSeparators(ui::GuidePage::pluginBaseName(services.pluginDir))),
                 qPrintable(text));
        QVERIFY2(text.contains(u".so"_s) || text.contains(u".dll"_s), qPrintable(text));
    }

    void pluginIsFoundByBaseName()
    {
        QPluginLoader loader(ui::GuidePage::pluginBaseName(QStringLiteral(LDA_TEST_PLUGIN_DIR)));
        QVERIFY2(!loader.fileName().isEmpty(), "no file matched the base name");
        QVERIFY2(loader.fileName().endsWith(u"liblda_guideview.so"_s), qPrintable(loader.fileName()));
        QVERIFY2(loader.instance(), qPrintable(loader.errorString()));
    }
};

int main(int argc, char *argv[])
{
    // As in the app: the guide viewer plugin brings QtWebEngine, which needs shared GL contexts.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    TestOpenFile test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_openfile.moc"
