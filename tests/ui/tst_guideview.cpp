// The guide viewer offscreen: the guide: scheme registered after QApplication, opening a page,
// search as you type, following links, find in page, zoom, tabs, bookmarks, PDF, the offline
// lock-down (a page with remote images/scripts makes no network request), every page reporting
// ready, and screenshots in both themes. (Timings: tests/bench/bench_guide.cpp.)
#include "GuideTestSupport.h"
#include "UiTestServices.h"
#include "GuideView.h"
#include "GuideWeb.h"
#include "guide/GuideBookmarks.h"
#include "kb/KnowledgeBase.h"
#include "kb/UserDatabase.h"
#include "pricing/PriceCatalogue.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QWebEngineHistory>
#include <QWebEngineSettings>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace lda;

namespace {

QVariant runJs(QWebEngineView *view, const QString &script)
{
    QVariant result;
    bool done = false;
    view->page()->runJavaScript(script, [&](const QVariant &v) {
        result = v;
        done = true;
    });
    QElapsedTimer t;
    t.start();
    while (!done && t.elapsed() < 10000)
        QTest::qWait(10);
    if (!done)
        qWarning("runJavaScript timed out: %s", qPrintable(script));
    return result;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2f, 0x36));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xed, 0xf3));
    p.setColor(QPalette::Base, QColor(0x1d, 0x23, 0x2b));
    p.setColor(QPalette::AlternateBase, QColor(0x25, 0x2b, 0x33));
    p.setColor(QPalette::Text, QColor(0xe6, 0xed, 0xf3));
    p.setColor(QPalette::Button, QColor(0x33, 0x38, 0x40));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xed, 0xf3));
    p.setColor(QPalette::Highlight, QColor(0x44, 0x93, 0xf8));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa5, 0xb1));
    return p;
}

} // namespace

class TestGuideView : public QObject
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
    }

    // Runs first: QApplication exists, no WebEngine object does yet - exactly the plugin's situation.
    void scheme_registersAfterQApplicationAndServesPages()
    {
        QVERIFY(ui::registerGuideScheme());
        ui::GuideView view(m_fx.services);
        QSignalSpy ready(&view, &ui::GuideView::pageReady);
        view.resize(1200, 800);
        view.show();
        QVERIFY(waitForPage(view, view.homePage()));
        QVERIFY(runJs(view.currentView(), u"document.querySelector('main.lda-page h1') !== null"_s).toBool());
        // The page script reports the page ready (pageReady) once it has run; highlight.js is loaded.
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 10000);
        QCOMPARE(ready.first().at(0).toString(), view.homePage());
        QCOMPARE(runJs(view.currentView(), u"typeof hljs"_s).toString(), u"object"_s);
        QCOMPARE(view.currentView()->url().scheme(), u"guide"_s);
    }

    void viewer_opensSearchesAndFollowsALink()
    {
        ui::GuideView view(m_fx.services);
        view.resize(1200, 800);
        view.show();
        QVERIFY(waitForPage(view, view.homePage()));

        // Search as you type; the result opens at its section.
        auto *field = view.findChild<QLineEdit *>(u"guideSearch"_s);
        auto *results = view.findChild<QListWidget *>(u"guideSearchResults"_s);
        QVERIFY(field && results);
        QSignalSpy searched(&view, &ui::GuideView::searchFinished);
        QTest::keyClicks(field, u"bedrock quick"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!searched.isEmpty() && searched.last().at(0).toInt() > 0 && results->count() > 0, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(results->count(), searched.last().at(0).toInt(), 5000);
        QListWidgetItem *first = results->item(0);
        const QString target = first->data(Qt::UserRole).toString();
        QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, results->visualItemRect(first).center());
        QVERIFY(waitForPage(view, target));

        // The contents tree follows the current page.
        auto *contents = view.findChild<QTreeWidget *>(u"guideContents"_s);
        QVERIFY(contents && contents->currentItem());
        QCOMPARE(contents->currentItem()->data(0, Qt::UserRole).toString(), target);

        // Follow a relative link to another page (rewritten to guide:) with a real click, then go back.
        const QVariantList link =
            runJs(view.currentView(),
                  u"(function(){var a=[].slice.call(document.querySelectorAll('main a[href^=\"guide://guide/\"]'))"
                  ".filter(function(x){return x.getAttribute('href').split('#')[0]!==location.href.split('#')[0]"
                  "&&!x.classList.contains('lda-term');})[0];if(!a)return [];a.scrollIntoView({block:'center'});"
                  "var r=a.getClientRects()[0];return [a.getAttribute('href'),r.left+Math.min(4,r.width/2),r.top+r.height/2];})()"_s)
                .toList();
        QVERIFY2(link.size() == 3, "no link to another page");
        const QString href = link.at(0).toString();
        QTest::qWait(200);
        QWidget *surface = view.currentView()->focusProxy() ? view.currentView()->focusProxy() : view.currentView();
        QTest::mouseClick(surface, Qt::LeftButton, {}, QPoint(qRound(link.at(1).toDouble()), qRound(link.at(2).toDouble())));
        const QString linked = core::guide::pathFromGuideUrlPath(QUrl(href).path());
        QVERIFY(waitForPage(view, linked));
        QCOMPARE(contents->currentItem()->data(0, Qt::UserRole).toString(), linked);
        QVERIFY(view.currentView()->history()->canGoBack());
        view.currentView()->back();
        QTRY_COMPARE_WITH_TIMEOUT(view.currentPage(), target, 10000);
    }

    void viewer_findZoomTabsBookmarksPdf()
    {
        ui::GuideView view(m_fx.services);
        view.resize(1200, 800);
        view.show();
        QVERIFY(waitForPage(view, view.homePage()));

        QSignalSpy found(&view, &ui::GuideView::findFinished);
        QTest::keyClick(view.currentView()->focusProxy() ? view.currentView()->focusProxy() : view.currentView(),
                        Qt::Key_F, Qt::ControlModifier);
        auto *find = view.findChild<QLineEdit *>(u"guideFind"_s);
        QVERIFY(find);
        QTRY_VERIFY(find->isVisible());
        QTest::keyClicks(find, u"guide"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!found.isEmpty() && found.last().at(0).toInt() > 1, 10000);
        const int matches = found.last().at(0).toInt();
        QTest::keyClick(find, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(found.last().at(1).toInt() == 2, 10000);
        QCOMPARE(found.last().at(0).toInt(), matches);

        view.resetZoom();
        view.zoomIn();
        QVERIFY(qAbs(view.zoomFactor() - 1.1) < 1e-6);
        QVERIFY(qAbs(QSettings().value(u"guide/zoom"_s).toReal() - 1.1) < 1e-6);
        QVERIFY(qAbs(view.currentView()->zoomFactor() - 1.1) < 1e-3);
        view.resetZoom();
        QCOMPARE(QSettings().value(u"guide/zoom"_s).toReal(), 1.0);

        view.openPageInNewTab(u"GLOSSARY.md"_s, u"context-window"_s);
        QCOMPARE(view.tabCount(), 2);
        QVERIFY(waitForPage(view, u"GLOSSARY.md"_s));
        QTRY_VERIFY_WITH_TIMEOUT(runJs(view.currentView(), u"window.scrollY"_s).toInt() > 0, 10000);

        QSignalSpy bookmarked(&view, &ui::GuideView::bookmarksChanged);
        view.bookmarkCurrentSection();
        QTRY_VERIFY_WITH_TIMEOUT(!bookmarked.isEmpty(), 10000);
        const QList<core::guide::Bookmark> all = core::guide::GuideBookmarks(*m_fx.user).all();
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().page, u"GLOSSARY.md"_s);
        QCOMPARE(all.first().anchor, u"context-window"_s);
        QVERIFY(all.first().title.contains(u"Context window"_s));

        QTemporaryDir dir;
        const QString pdf = dir.filePath(u"page.pdf"_s);
        QSignalSpy printed(&view, &ui::GuideView::pdfExported);
        view.exportPdf(pdf);
        QTRY_VERIFY_WITH_TIMEOUT(!printed.isEmpty(), 30000);
        QVERIFY(printed.first().at(1).toBool());
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");
    }

    void lockdown_remoteContentMakesNoNetworkRequest()
    {
        ui::GuideView view(m_fx.services);
        view.resize(900, 600);
        view.show();
        QVERIFY(waitForPage(view, view.homePage()));
        ui::GuideRequestInterceptor *interceptor = view.interceptor();
        interceptor->clear();

        // Raw HTML with every kind of remote reference, loaded in the locked-down profile.
        const QString hostile =
            u"<html><head><link rel=stylesheet href='https://cdn.example.com/x.css'>"
            "<script src='https://cdn.example.com/x.js'></script></head><body><h1>hostile</h1>"
            "<img src='http://tracker.example.com/pixel.png'><img src='https://images.example.com/a.svg'>"
            "<iframe src='https://frame.example.com/'></iframe>"
            "<script>fetch('https://api.example.com/beacon').catch(function(){});"
            "var x=new XMLHttpRequest();try{x.open('GET','http://api.example.com/xhr');x.send();}catch(e){}"
            "navigator.sendBeacon && navigator.sendBeacon('https://api.example.com/b','x');</script>"
            "<a id=ext href='https://example.com/docs'>docs</a></body></html>"_s;
        // Chromium's own "local content cannot reach remote URLs" rule would stop most of these before
        // the interceptor sees them; lift it for this page so that the interceptor alone is tested.
        view.currentView()->settings()->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, true);
        QSignalSpy loaded(view.currentView(), &QWebEngineView::loadFinished);
        view.currentView()->setHtml(hostile, QUrl(u"guide://guide/lockdown-test.md"_s));
        QVERIFY(loaded.wait(15000));
        QTest::qWait(1000); // let late subresources and the beacon try
        const QList<QUrl> blocked = interceptor->blocked();
        const QList<QUrl> allowed = interceptor->allowedOffline();
        for (const QUrl &url : allowed)
            QVERIFY2(ui::GuideRequestInterceptor::isAllowed(url), qPrintable(url.toString()));
        QVERIFY2(std::none_of(allowed.cbegin(), allowed.cend(),
                              [](const QUrl &u) { return u.scheme().startsWith(u"http"_s); }),
                 "a network request got through");
        QVERIFY2(blocked.size() >= 4, qPrintable(QString::number(blocked.size())));
        QVERIFY(blocked.contains(QUrl(u"http://tracker.example.com/pixel.png"_s)));
        QVERIFY(blocked.contains(QUrl(u"https://cdn.example.com/x.js"_s)));

        // A programmatic navigation to the web is refused and opens nothing; a click on an external
        // link goes to the system browser and the viewer stays where it is.
        m_opened.clear();
        view.currentView()->load(QUrl(u"https://example.com/"_s));
        QTest::qWait(500);
        QVERIFY(view.currentView()->url().scheme() != u"https"_s);
        QVERIFY(m_opened.isEmpty());
        view.openPage(u"01-Fundamentals/01-LLM-Basics.md"_s);
        QVERIFY(waitForPage(view, u"01-Fundamentals/01-LLM-Basics.md"_s));
        const QString external =
            runJs(view.currentView(), u"(function(){var a=document.querySelector('a.lda-external');if(!a)return '';"
                                      "a.click();return a.href;})()"_s)
                .toString();
        QVERIFY(!external.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), 1, 5000);
        QCOMPARE(m_opened.first(), QUrl(external));
        QCOMPARE(view.currentPage(), u"01-Fundamentals/01-LLM-Basics.md"_s);

        // A whole real page: everything it loads is local.
        for (const QUrl &url : interceptor->allowedOffline())
            QVERIFY2(ui::GuideRequestInterceptor::isAllowed(url), qPrintable(url.toString()));
    }

    // Every page of the guide opens from the contents and reports ready (loaded, its script run, its
    // code near the top highlighted, painted); a jump to an anchor on the same page is ready at once.
    void navigation_everyPageReportsReady()
    {
        ui::GuideView view(m_fx.services);
        view.resize(1200, 800);
        view.show();
        QVERIFY(waitForPage(view, view.homePage()));
        QSignalSpy ready(&view, &ui::GuideView::pageReady);
        const QList<core::kb::GuidePageInfo> pages = m_fx.kb->guidePages();
        QVERIFY(pages.size() > 2);
        for (const core::kb::GuidePageInfo &page : pages) {
            if (page.path == view.currentPage())
                continue;
            ready.clear();
            view.openPage(page.path);
            QTRY_VERIFY2_WITH_TIMEOUT(!ready.isEmpty() && ready.last().at(0).toString() == page.path,
                                      qPrintable(page.path), 15000);
            QCOMPARE(view.currentPage(), page.path);
            const QVariantList blocks = runJs(view.currentView(),
                                              u"[document.querySelectorAll('pre > code').length,"
                                              "document.querySelectorAll('pre > code.hljs, pre > code.nohighlight').length,"
                                              "document.querySelectorAll('pre > button.lda-copy').length]"_s)
                                            .toList();
            QCOMPARE(blocks.size(), 3);
            // Copy buttons on every block; highlighting has begun wherever there is code (the first
            // block may be far down, so at least none is highlighted only if there is no code).
            QCOMPARE(blocks.at(2).toInt(), blocks.at(0).toInt());
            QVERIFY(blocks.at(1).toInt() <= blocks.at(0).toInt());
        }
        ready.clear();
        view.openPage(u"GLOSSARY.md"_s, u"context-window"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 15000);
        ready.clear();
        view.openPage(u"GLOSSARY.md"_s, u"gpu"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 15000);
        QCOMPARE(ready.last().at(0).toString(), u"GLOSSARY.md"_s);
    }

    void screenshots_lightAndDark()
    {
        for (const bool dark : {false, true}) {
            ui::GuideView view(m_fx.services);
            if (dark)
                view.setPalette(darkPalette());
            view.resize(1280, 860);
            view.show();
            QVERIFY(waitForPage(view, view.homePage()));
            view.openPage(u"02-AWS/03-EC2-vLLM-Self-Hosting.md"_s);
            QVERIFY(waitForPage(view, u"02-AWS/03-EC2-vLLM-Self-Hosting.md"_s));
            QCOMPARE(runJs(view.currentView(), u"document.documentElement.className"_s).toString(),
                     dark ? u"dark"_s : u"light"_s);
            runJs(view.currentView(),
                  u"(function(){var p=document.querySelector('pre > code.language-bash')||document.querySelector('pre');p.scrollIntoView();window.scrollBy(0,-120);return 1;})()"_s);
            QTest::qWait(600);
            QTRY_VERIFY_WITH_TIMEOUT(runJs(view.currentView(), u"document.querySelectorAll('code.hljs').length"_s).toInt() > 0, 10000);
            const QString file = dark ? u"/tmp/guide-dark.png"_s : u"/tmp/guide-light.png"_s;
            QVERIFY(view.grab().save(file));
            runJs(view.currentView(),
                  u"(function(){var t=document.querySelector('table');if(t)t.scrollIntoView();window.scrollBy(0,-80);return 1;})()"_s);
            QTest::qWait(400);
            QVERIFY(view.grab().save(dark ? u"/tmp/guide-dark-table.png"_s : u"/tmp/guide-light-table.png"_s));
            runJs(view.currentView(),
                  u"(function(){var f=document.querySelector('.lda-fact');if(f)f.scrollIntoView();window.scrollBy(0,-200);return 1;})()"_s);
            QTest::qWait(400);
            QVERIFY(view.grab().save(dark ? u"/tmp/guide-dark-facts.png"_s : u"/tmp/guide-light-facts.png"_s));
        }
    }
};

int main(int argc, char *argv[])
{
    // As in the app: QtWebEngine needs shared GL contexts, set before QApplication.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"lda-tests"_s);
    QCoreApplication::setApplicationName(u"tst_guideview"_s);
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    TestGuideView test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_guideview.moc"
