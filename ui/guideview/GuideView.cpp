#include "GuideView.h"

#include "GuideViewPlugin.h"
#include "guide/MarkdownRenderer.h"
#include "kb/KnowledgeBase.h"

#include <QDesktopServices>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QSplitter>
#include <QTreeWidget>
#include <QWebEnginePage>
#include <QWebEngineView>

using namespace Qt::StringLiterals;

namespace lda::ui {

namespace {

const QString kScheme = u"guide"_s;

// Follows links between guide pages itself, hands http(s) links to the system browser on a click and
// refuses everything else.
class GuideWebPage final : public QWebEnginePage
{
public:
    GuideWebPage(GuideView *view, QObject *parent)
        : QWebEnginePage(parent)
        , m_view(view)
    {
    }

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override
    {
        if (url.scheme() == u"data"_s || url.scheme() == u"about"_s)
            return true;
        if (type == NavigationTypeLinkClicked && (url.scheme() == u"http"_s || url.scheme() == u"https"_s)) {
            QDesktopServices::openUrl(url);
            return false;
        }
        if (url.scheme() == kScheme && isMainFrame) {
            const QString path = url.path().mid(1);
            if (path == m_view->currentPage() && type == NavigationTypeLinkClicked)
                return true; // an anchor on the same page
            m_view->openPage(path, url.fragment());
            return false;
        }
        return false;
    }

private:
    GuideView *m_view;
};

QString pageHtml(const QString &body, const QString &title)
{
    return u"<!DOCTYPE html><html><head><meta charset='utf-8'><title>"_s % title.toHtmlEscaped()
        % u"</title><style>"
          "body{font-family:sans-serif;max-width:52em;margin:1.5em auto;padding:0 1.5em;line-height:1.55;"
          "color:#1f2328;background:#fff}"
          "@media (prefers-color-scheme: dark){body{color:#e6edf3;background:#0d1117}a{color:#4493f8}"
          "pre,code{background:#161b22}th,td{border-color:#30363d}}"
          "pre{background:#f6f8fa;padding:.8em;overflow:auto;border-radius:6px}"
          "code{font-family:monospace;background:#f6f8fa;padding:.1em .3em;border-radius:4px}"
          "table{border-collapse:collapse}th,td{border:1px solid #d0d7de;padding:.3em .6em}"
          "</style></head><body>"_s
        % body % u"</body></html>"_s;
}

} // namespace

QWidget *GuideViewPlugin::createGuideView(const UiServices &services, QWidget *parent)
{
    return new GuideView(services, parent);
}

GuideView::GuideView(const UiServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *splitter = new QSplitter(this);
    m_contents = new QTreeWidget(splitter);
    m_contents->setObjectName(u"guideContents"_s);
    m_contents->setHeaderHidden(true);
    m_view = new QWebEngineView(splitter);
    m_view->setObjectName(u"guideWebView"_s);
    m_view->setPage(new GuideWebPage(this, m_view));
    splitter->setStretchFactor(1, 4);
    splitter->setSizes({260, 900});
    layout->addWidget(splitter);

    QHash<QString, QTreeWidgetItem *> chapters;
    const QList<core::kb::GuidePageInfo> pages = services.kb->guidePages();
    for (const core::kb::GuidePageInfo &page : pages) {
        QTreeWidgetItem *parentItem = nullptr;
        if (!page.chapter.isEmpty()) {
            parentItem = chapters.value(page.chapter);
            if (!parentItem) {
                QString label = page.chapter;
                label.replace(u'-', u' ');
                parentItem = new QTreeWidgetItem(m_contents, {label});
                parentItem->setExpanded(true);
                chapters.insert(page.chapter, parentItem);
            }
        }
        auto *item = parentItem ? new QTreeWidgetItem(parentItem, {page.title})
                                : new QTreeWidgetItem(m_contents, {page.title});
        item->setData(0, Qt::UserRole, page.path);
        item->setToolTip(0, tr("%1 — %2 words").arg(page.path).arg(page.words));
    }
    connect(m_contents, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && !item->data(0, Qt::UserRole).toString().isEmpty())
            openPage(item->data(0, Qt::UserRole).toString());
    });
    connect(m_view, &QWebEngineView::loadFinished, this, [this](bool) { Q_EMIT pageLoaded(m_current); });
    if (!pages.isEmpty())
        openPage(pages.first().path);
}

void GuideView::openPage(const QString &path, const QString &anchor)
{
    const QString clean = QDir::cleanPath(path);
    const QString markdown = m_services.kb->guidePageMarkdown(clean);
    if (markdown.isEmpty())
        return;
    m_current = clean;
    const core::guide::RenderResult rendered = core::guide::renderMarkdown(markdown);
    QUrl base;
    base.setScheme(kScheme);
    base.setPath(u'/' % clean);
    if (!anchor.isEmpty())
        base.setFragment(anchor);
    m_view->setHtml(pageHtml(rendered.html, clean), base);
    // Keep the contents tree in step without re-triggering a load.
    QTreeWidgetItemIterator it(m_contents);
    while (*it) {
        if ((*it)->data(0, Qt::UserRole).toString() == clean) {
            const QSignalBlocker blocker(m_contents);
            m_contents->setCurrentItem(*it);
            break;
        }
        ++it;
    }
}

} // namespace lda::ui
