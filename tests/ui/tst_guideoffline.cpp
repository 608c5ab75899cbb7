// The whole shipped guide offline: every page of the knowledge base opened in the real viewer, and the
// profile's request interceptor must have seen nothing but guide: and qrc: (DESIGN.md §4 "Guide":
// nothing is ever fetched from the network).
#include "GuideTestSupport.h"
#include "UiTestServices.h"
#include "GuideView.h"
#include "GuideWeb.h"
#include "kb/KnowledgeBase.h"
#include "kb/UserDatabase.h"
#include "pricing/PriceCatalogue.h"

#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QWebEngineView>

using namespace Qt::StringLiterals;
using namespace lda;

class TestGuideOffline : public QObject
{
    Q_OBJECT
private:
    UiTestServices m_fx;
    QList<QUrl> m_opened;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        const QString error = m_fx.open();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        ui::GuideWebPage::setExternalOpener([this](const QUrl &url) { m_opened.append(url); });
        QVERIFY(ui::registerGuideScheme());
    }

    void everyPage_onlyGuideAndQrcRequests()
    {
        const QList<core::kb::GuidePageInfo> pages = m_fx.kb->guidePages();
        // The whole guide: as many pages as data/guide has Markdown files.
        int sources = 0;
        QDirIterator it(QStringLiteral(LDA_SOURCE_DIR "/data/guide"), {u"*.md"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            ++sources;
        }
        QVERIFY(sources > 0);
        QCOMPARE(int(pages.size()), sources);

        ui::GuideView view(m_fx.services);
        view.resize(1200, 800);
        view.show();
        QVERIFY(waitForPage(view, view.homePage()));
        ui::GuideRequestInterceptor *interceptor = view.interceptor();
        QVERIFY(interceptor);

        QElapsedTimer total;
        total.start();
        int visited = 0;
        for (const core::kb::GuidePageInfo &page : pages) {
            if (page.path != view.currentPage()) {
                view.openPage(page.path);
                QVERIFY2(waitForPage(view, page.path), qPrintable(page.path));
            }
            ++visited;
            QVERIFY2(view.currentView()->url().scheme() == u"guide"_s, qPrintable(view.currentView()->url().toString()));
        }
        // Late subresources (images, highlight.js, fonts) of the last page get a moment to try.
        QTest::qWait(500);
        qInfo("visited %d pages in %lld ms", visited, total.elapsed());
        QCOMPARE(visited, int(pages.size()));

        const QList<QUrl> blocked = interceptor->blocked();
        QString blockedList;
        for (const QUrl &url : blocked)
            blockedList += url.toString() + u' ';
        QVERIFY2(blocked.isEmpty(), qPrintable(u"blocked requests: "_s + blockedList));

        const QList<QUrl> allowed = interceptor->allowedOffline();
        QVERIFY(!allowed.isEmpty());
        bool sawGuide = false;
        for (const QUrl &url : allowed) {
            const QString scheme = url.scheme();
            QVERIFY2(scheme == u"guide"_s || scheme == u"qrc"_s, qPrintable(url.toString()));
            sawGuide = sawGuide || scheme == u"guide"_s;
        }
        QVERIFY(sawGuide);
        // Nothing was handed to the system browser either.
        QVERIFY(m_opened.isEmpty());
    }
};

int main(int argc, char *argv[])
{
    // As in the app: QtWebEngine needs shared GL contexts, set before QApplication.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"lda-tests"_s);
    QCoreApplication::setApplicationName(u"tst_guideoffline"_s);
    TestGuideOffline test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_guideoffline.moc"
