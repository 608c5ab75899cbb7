#pragma once

#include "guide/GuideRenderer.h"

#include <QFuture>
#include <QMutex>
#include <QStringList>
#include <QUrl>
#include <QWebEnginePage>
#include <QWebEngineUrlRequestInterceptor>
#include <QWebEngineUrlSchemeHandler>
#include <QWebEngineView>

#include <functional>
#include <memory>

class QWebEngineProfile;

namespace lda::core::kb {
class KnowledgeBase;
}
namespace lda::core::guide {
class LiveFactResolver;
}

namespace lda::ui {

// Registers the guide: scheme with WebEngine's URL parser and security model (secure, local, host
// syntax: every page is guide://guide/PATH, one origin, so that Chromium keeps one renderer process
// for all pages; with path syntax each page is its own site and every load() starts a new renderer,
// ~0.5 s). Chromium reads the scheme list when the WebEngine context starts, i.e. when the first
// profile or page is created - not when the library is loaded and not with QApplication - so calling
// this before the plugin creates its first WebEngine object is early enough (tst_guideview and
// tst_mainwindow prove it with the plugin loaded after QApplication). Idempotent; returns whether
// the scheme is registered.
bool registerGuideScheme();

// Serves guide://guide/PATH.md as a rendered page (live facts, glossary links, rewritten links),
// guide:/_assets/* from the compiled-in resources and guide:/images/* from the knowledge base.
class GuideSchemeHandler final : public QWebEngineUrlSchemeHandler
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuideSchemeHandler)
public:
    // glossary: the glossary being loaded (e.g. on a worker thread while WebEngine starts); the first
    // page rendered waits for it. An invalid future: loaded here, now.
    GuideSchemeHandler(const core::kb::KnowledgeBase &kb, const core::guide::LiveFactResolver *facts,
                       QFuture<core::guide::Glossary> glossary = {}, QObject *parent = nullptr);
    ~GuideSchemeHandler() override;

    void requestStarted(QWebEngineUrlRequestJob *job) override;
    // Renders a page into the cache ahead of its first visit (the viewer does this when idle).
    void prerender(const QString &path);
    void setTheme(core::guide::Theme theme) { m_theme = theme; }
    [[nodiscard]] core::guide::Theme theme() const { return m_theme; }

private:
    const core::guide::RenderedPage *rendered(const QString &path);
    const core::guide::Glossary *glossary();
    const core::kb::KnowledgeBase &m_kb;
    const core::guide::LiveFactResolver *m_facts = nullptr;
    QFuture<core::guide::Glossary> m_glossaryLoading;
    std::unique_ptr<core::guide::Glossary> m_glossary;
    QHash<QString, core::guide::RenderedPage> m_cache; // pages rendered once per viewer
    core::guide::Theme m_theme = core::guide::Theme::Light;
};

// The profile-wide first lock: every request the engine makes passes here; only guide:, qrc: and
// inline data: are let through. Everything else is blocked and recorded (for tests and the log).
class GuideRequestInterceptor final : public QWebEngineUrlRequestInterceptor
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuideRequestInterceptor)
public:
    explicit GuideRequestInterceptor(QObject *parent = nullptr);
    void interceptRequest(QWebEngineUrlRequestInfo &info) override;

    [[nodiscard]] static bool isAllowed(const QUrl &url);
    [[nodiscard]] QList<QUrl> blocked() const;
    [[nodiscard]] QList<QUrl> allowedOffline() const; // every request that was let through
    void clear();

private:
    mutable QMutex m_mutex;
    QList<QUrl> m_blocked;
    QList<QUrl> m_allowed;
};

// The second lock: navigation policy. guide: and qrc: navigate; an http(s) link opens in the system
// browser only when the user clicked it; anything else is refused.
class GuideWebPage final : public QWebEnginePage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuideWebPage)
public:
    using ExternalOpener = std::function<void(const QUrl &)>;
    explicit GuideWebPage(QWebEngineProfile *profile, QObject *parent = nullptr);
    // Test seam: what happens to a clicked external link (default: QDesktopServices::openUrl).
    static void setExternalOpener(ExternalOpener opener);

Q_SIGNALS:
    // The page's own script (guide.js) reports the page loaded, highlighted near the viewport and
    // painted (its "lda:ready" console line).
    void scriptReady(const QUrl &url);

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override;
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString &message, int lineNumber,
                                  const QString &sourceID) override;
};

// A view whose "open in new tab" requests (middle click, Ctrl+click, target=_blank) go to the viewer.
class GuideWebView final : public QWebEngineView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuideWebView)
public:
    using TabFactory = std::function<GuideWebView *()>;
    GuideWebView(QWebEngineProfile *profile, TabFactory newTab, QWidget *parent = nullptr);

protected:
    QWebEngineView *createWindow(QWebEnginePage::WebWindowType type) override;

private:
    TabFactory m_newTab;
};

// "guide://guide/dir/page.md#anchor" for a guide-relative path.
[[nodiscard]] QUrl guideUrl(const QString &path, const QString &anchor = {});

} // namespace lda::ui
