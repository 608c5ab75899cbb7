#include "GuideWeb.h"

#include "guide/LiveFacts.h"
#include "kb/KnowledgeBase.h"

#include <QBuffer>
#include <QDesktopServices>
#include <QFile>
#include <QLoggingCategory>
#include <QMutexLocker>
#include <QSqlQuery>
#include <QWebEngineProfile>
#include <QWebEngineUrlRequestInfo>
#include <QWebEngineUrlRequestJob>
#include <QWebEngineUrlScheme>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcGuideView, "lda.ui.guideview")

namespace lda::ui {

namespace {

GuideWebPage::ExternalOpener &externalOpener()
{
    static GuideWebPage::ExternalOpener opener = [](const QUrl &url) { QDesktopServices::openUrl(url); };
    return opener;
}

void reply(QWebEngineUrlRequestJob *job, const QByteArray &mime, const QByteArray &data)
{
    auto *buffer = new QBuffer(job);
    buffer->setData(data);
    buffer->open(QIODevice::ReadOnly);
    job->reply(mime, buffer);
}

} // namespace

bool registerGuideScheme()
{
    const QByteArray name = core::guide::guideScheme().toUtf8();
    if (QWebEngineUrlScheme::schemeByName(name).name() == name)
        return true;
    QWebEngineUrlScheme scheme(name);
    scheme.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    // Secure: a secure context (clipboard API for the copy buttons). Local + LocalAccessAllowed: the
    // guide may use qrc: and is treated like file:, never like a web origin.
    scheme.setFlags(QWebEngineUrlScheme::SecureScheme | QWebEngineUrlScheme::LocalScheme
                    | QWebEngineUrlScheme::LocalAccessAllowed);
    QWebEngineUrlScheme::registerScheme(scheme);
    const bool ok = QWebEngineUrlScheme::schemeByName(name).name() == name;
    if (!ok)
        qCWarning(lcGuideView) << "could not register the guide: scheme";
    return ok;
}

QUrl guideUrl(const QString &path, const QString &anchor)
{
    QUrl url;
    url.setScheme(core::guide::guideScheme());
    url.setHost(core::guide::guideHost());
    url.setPath(u'/' % path);
    if (!anchor.isEmpty())
        url.setFragment(anchor);
    return url;
}

GuideSchemeHandler::GuideSchemeHandler(const core::kb::KnowledgeBase &kb, const core::guide::LiveFactResolver *facts,
                                       QFuture<core::guide::Glossary> glossary, QObject *parent)
    : QWebEngineUrlSchemeHandler(parent)
    , m_kb(kb)
    , m_facts(facts)
    , m_glossaryLoading(std::move(glossary))
{
}

GuideSchemeHandler::~GuideSchemeHandler()
{
    m_glossaryLoading.waitForFinished();
}

const core::guide::Glossary *GuideSchemeHandler::glossary()
{
    if (!m_glossary) {
        m_glossary = std::make_unique<core::guide::Glossary>(
            m_glossaryLoading.isValid() ? m_glossaryLoading.result() : core::guide::Glossary::load(m_kb));
    }
    return m_glossary.get();
}

const core::guide::RenderedPage *GuideSchemeHandler::rendered(const QString &path)
{
    auto it = m_cache.find(path);
    if (it == m_cache.end()) {
        const QString markdown = m_kb.guidePageMarkdown(path);
        if (markdown.isEmpty())
            return nullptr;
        it = m_cache.insert(path, core::guide::renderPage(path, markdown,
                                                          {core::guide::LinkStyle::Scheme, m_facts, glossary()}));
    }
    return &it.value();
}

void GuideSchemeHandler::prerender(const QString &path)
{
    (void)rendered(path);
}

void GuideSchemeHandler::requestStarted(QWebEngineUrlRequestJob *job)
{
    const QString path = core::guide::pathFromGuideUrlPath(job->requestUrl().path());
    if (path.startsWith(u"_assets/"_s)) {
        const QString name = path.mid(8);
        const auto assets = core::guide::documentAssets();
        for (const auto &[file, resource] : assets) {
            if (file != name)
                continue;
            QFile f(resource);
            if (f.open(QIODevice::ReadOnly)) {
                const QByteArray mime = file.endsWith(u".css"_s) ? "text/css"
                    : file.endsWith(u".js"_s)                     ? "application/javascript"
                                                                  : "text/plain";
                reply(job, mime, f.readAll());
                return;
            }
        }
        job->fail(QWebEngineUrlRequestJob::UrlNotFound);
        return;
    }
    if (path.endsWith(u".md"_s)) {
        const core::guide::RenderedPage *page = rendered(path);
        if (!page) {
            job->fail(QWebEngineUrlRequestJob::UrlNotFound);
            return;
        }
        const QString html = core::guide::pageDocument(*page, {core::guide::LinkStyle::Scheme, m_theme});
        reply(job, "text/html", html.toUtf8());
        return;
    }
    QSqlQuery q(m_kb.database());
    q.prepare(u"SELECT mime, data FROM guide_assets WHERE path = ?"_s);
    q.addBindValue(path);
    if (q.exec() && q.next()) {
        reply(job, q.value(0).toString().toUtf8(), q.value(1).toByteArray());
        return;
    }
    job->fail(QWebEngineUrlRequestJob::UrlNotFound);
}

GuideRequestInterceptor::GuideRequestInterceptor(QObject *parent)
    : QWebEngineUrlRequestInterceptor(parent)
{
}

bool GuideRequestInterceptor::isAllowed(const QUrl &url)
{
    const QString scheme = url.scheme();
    return scheme == core::guide::guideScheme() || scheme == u"qrc"_s || scheme == u"data"_s
        || url == QUrl(u"about:blank"_s);
}

void GuideRequestInterceptor::interceptRequest(QWebEngineUrlRequestInfo &info)
{
    const bool allowed = isAllowed(info.requestUrl());
    {
        const QMutexLocker lock(&m_mutex);
        (allowed ? m_allowed : m_blocked).append(info.requestUrl());
    }
    if (!allowed) {
        qCDebug(lcGuideView) << "blocked" << info.requestUrl();
        info.block(true);
    }
}

QList<QUrl> GuideRequestInterceptor::blocked() const
{
    const QMutexLocker lock(&m_mutex);
    return m_blocked;
}

QList<QUrl> GuideRequestInterceptor::allowedOffline() const
{
    const QMutexLocker lock(&m_mutex);
    return m_allowed;
}

void GuideRequestInterceptor::clear()
{
    const QMutexLocker lock(&m_mutex);
    m_blocked.clear();
    m_allowed.clear();
}

GuideWebPage::GuideWebPage(QWebEngineProfile *profile, QObject *parent)
    : QWebEnginePage(profile, parent)
{
}

void GuideWebPage::setExternalOpener(ExternalOpener opener)
{
    externalOpener() = std::move(opener);
}

bool GuideWebPage::acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame)
{
    const QString scheme = url.scheme();
    if (scheme == core::guide::guideScheme() || scheme == u"qrc"_s)
        return true;
    if (url == QUrl(u"about:blank"_s) || (scheme == u"data"_s && (!isMainFrame || type == NavigationTypeTyped)))
        return true;
    if ((scheme == u"http"_s || scheme == u"https"_s || scheme == u"mailto"_s) && type == NavigationTypeLinkClicked
        && isMainFrame) {
        externalOpener()(url);
        return false;
    }
    qCDebug(lcGuideView) << "refused navigation to" << url;
    return false;
}

void GuideWebPage::javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message,
                                            int lineNumber, const QString &sourceID)
{
    // guide.js, inline in a guide: page, says "ready"; the page's CSP runs no other inline script.
    const QUrl source(sourceID);
    if (level == InfoMessageLevel && message == u"lda:ready"_s && source.scheme() == core::guide::guideScheme()
        && source.adjusted(QUrl::RemoveFragment) == url().adjusted(QUrl::RemoveFragment)) {
        Q_EMIT scriptReady(url());
        return;
    }
    QWebEnginePage::javaScriptConsoleMessage(level, message, lineNumber, sourceID);
}

GuideWebView::GuideWebView(QWebEngineProfile *profile, TabFactory newTab, QWidget *parent)
    : QWebEngineView(parent)
    , m_newTab(std::move(newTab))
{
    setPage(new GuideWebPage(profile, this));
}

QWebEngineView *GuideWebView::createWindow(QWebEnginePage::WebWindowType type)
{
    if (type == QWebEnginePage::WebDialog || !m_newTab)
        return nullptr;
    return m_newTab();
}

} // namespace lda::ui
