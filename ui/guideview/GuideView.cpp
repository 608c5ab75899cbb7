#include "GuideView.h"

#include "cost/UseCaseEstimator.h"
#include "GuideWeb.h"
#include "guide/GuideBookmarks.h"
#include "guide/GuideRenderer.h"
#include "guide/LiveFacts.h"
#include "kb/KnowledgeBase.h"
#include "pricing/PriceCatalogue.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPageLayout>
#include <QPageSize>
#include <QPrintDialog>
#include <QPrinter>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QWebEngineFindTextResult>
#include <QWebEngineHistory>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace lda::ui {

namespace {

constexpr int kPathRole = Qt::UserRole;
constexpr int kAnchorRole = Qt::UserRole + 1;
const QString kZoomKey = u"guide/zoom"_s;

bool paletteIsDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace

GuideView::GuideView(const UiServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
{
    setObjectName(u"guideView"_s);
    registerGuideScheme();
    m_searchPool.setMaxThreadCount(1);
    m_searchPool.setExpiryTimeout(-1);
    // The glossary (~170 terms, two large regular expressions) loads on the search thread while the
    // WebEngine profile below starts Chromium, which blocks this thread for most of the first page.
    QFuture<core::guide::Glossary> glossary = QtConcurrent::run(&m_searchPool, [kb = services.kb] {
        core::guide::Glossary loaded = core::guide::Glossary::load(*kb);
        loaded.exactCase().optimize();
        loaded.anyCase().optimize();
        return loaded;
    });
    const core::pricing::PriceCatalogue *prices = services.prices;
    if (!prices) {
        m_ownPrices = std::make_unique<core::pricing::PriceCatalogue>(*services.kb, services.user);
        prices = m_ownPrices.get();
    }
    m_facts = std::make_unique<core::guide::LiveFactResolver>(*services.kb, *prices);
    m_facts->setUseCaseEstimator(core::cost::makeUseCaseEstimator(*services.kb, *prices));
    m_search = std::make_unique<core::guide::GuideSearch>(*services.kb);
    if (services.user)
        m_bookmarks = std::make_unique<core::guide::GuideBookmarks>(*services.user);

    // A private, off-the-record profile (no storage name): no cache or cookies on disk, and its
    // interceptor sees every request the engine makes.
    m_profile = new QWebEngineProfile(this);
    m_handler = new GuideSchemeHandler(*services.kb, m_facts.get(), std::move(glossary), this);
    m_interceptor = new GuideRequestInterceptor(this);
    m_profile->installUrlSchemeHandler(core::guide::guideScheme().toUtf8(), m_handler);
    m_profile->setUrlRequestInterceptor(m_interceptor);
    QWebEngineSettings *settings = m_profile->settings();
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    settings->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    settings->setAttribute(QWebEngineSettings::DnsPrefetchEnabled, false);
    settings->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);
    settings->setAttribute(QWebEngineSettings::JavascriptCanAccessClipboard, true);
    settings->setAttribute(QWebEngineSettings::AutoLoadIconsForPage, false);
    settings->setAttribute(QWebEngineSettings::PdfViewerEnabled, false);

    m_dark = paletteIsDark(palette());
    m_handler->setTheme(m_dark ? core::guide::Theme::Dark : core::guide::Theme::Light);
    m_zoom = qBound(0.3, QSettings().value(kZoomKey, 1.0).toReal(), 3.0);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    // Toolbar: navigation, search, bookmarks, zoom, print.
    auto *toolbar = new QToolBar(this);
    toolbar->setObjectName(u"guideToolbar"_s);
    toolbar->setIconSize(QSize(16, 16));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    const auto addButton = [&](const QString &text, const QString &tip, const QKeySequence &key, auto slot) {
        auto *action = new QAction(text, this);
        action->setToolTip(key.isEmpty() ? tip : tip % u" ("_s % key.toString(QKeySequence::NativeText) % u')');
        if (!key.isEmpty()) {
            action->setShortcut(key);
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            addAction(action);
        }
        connect(action, &QAction::triggered, this, slot);
        toolbar->addAction(action);
        return qobject_cast<QToolButton *>(toolbar->widgetForAction(action));
    };
    m_back = addButton(tr("◀ Back"), tr("Back"), QKeySequence::Back, [this] {
        if (currentView())
            currentView()->back();
    });
    m_forward = addButton(tr("Forward ▶"), tr("Forward"), QKeySequence::Forward, [this] {
        if (currentView())
            currentView()->forward();
    });
    for (QToolButton *button : {m_back, m_forward}) {
        auto *menu = new QMenu(button);
        const bool back = button == m_back;
        connect(menu, &QMenu::aboutToShow, this, [this, back] { fillHistoryMenu(back); });
        button->setMenu(menu);
        button->setPopupMode(QToolButton::DelayedPopup);
    }
    m_back->setObjectName(u"guideBack"_s);
    m_forward->setObjectName(u"guideForward"_s);
    addButton(tr("Home"), tr("The guide's first page"), QKeySequence(Qt::ALT | Qt::Key_Home), &GuideView::goHome);
    addButton(tr("New tab"), tr("Open the current page in a new tab"), QKeySequence(Qt::CTRL | Qt::Key_T), [this] {
        openPageInNewTab(currentPage().isEmpty() ? m_home : currentPage());
    });
    toolbar->addSeparator();
    m_searchField = new QLineEdit(toolbar);
    m_searchField->setObjectName(u"guideSearch"_s);
    m_searchField->setPlaceholderText(tr("Search the guide"));
    m_searchField->setClearButtonEnabled(true);
    m_searchField->setMaximumWidth(320);
    toolbar->addWidget(m_searchField);
    connect(m_searchField, &QLineEdit::textChanged, this, &GuideView::search);
    connect(m_searchField, &QLineEdit::returnPressed, this, [this] {
        if (!m_hits.isEmpty())
            openResult(0, false);
    });
    auto *focusSearch = new QAction(this);
    focusSearch->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    focusSearch->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(focusSearch, &QAction::triggered, this, [this] { m_searchField->setFocus(Qt::ShortcutFocusReason); });
    addAction(focusSearch);
    toolbar->addSeparator();
    m_bookmarkButton = addButton(tr("☆ Bookmark"), tr("Bookmark the section you are reading"),
                                 QKeySequence(Qt::CTRL | Qt::Key_D), &GuideView::bookmarkCurrentSection);
    if (m_bookmarkButton)
        m_bookmarkButton->setObjectName(u"guideBookmark"_s);
    toolbar->addSeparator();
    addButton(tr("A−"), tr("Zoom out"), QKeySequence(Qt::CTRL | Qt::Key_Minus), &GuideView::zoomOut);
    addButton(tr("A"), tr("Actual size"), QKeySequence(Qt::CTRL | Qt::Key_0), &GuideView::resetZoom);
    addButton(tr("A+"), tr("Zoom in"), QKeySequence(Qt::CTRL | Qt::Key_Plus), &GuideView::zoomIn);
    for (const QKeySequence &extra : {QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence(QKeySequence::ZoomIn)}) {
        auto *alias = new QAction(this);
        alias->setShortcut(extra);
        alias->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(alias, &QAction::triggered, this, &GuideView::zoomIn);
        addAction(alias);
    }
    toolbar->addSeparator();
    addButton(tr("Print…"), tr("Print this page"), QKeySequence::Print, &GuideView::printPage);
    addButton(tr("PDF…"), tr("Export this page to PDF"), QKeySequence(), &GuideView::askPdfPath);
    layout->addWidget(toolbar);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(u"guideSplitter"_s);
    layout->addWidget(splitter, 1);

    m_side = new QTabWidget(splitter);
    m_side->setObjectName(u"guideSidePanel"_s);
    m_side->setDocumentMode(true);
    m_contents = new QTreeWidget(m_side);
    m_contents->setObjectName(u"guideContents"_s);
    m_contents->setHeaderHidden(true);
    m_contents->setContextMenuPolicy(Qt::CustomContextMenu);
    m_side->addTab(m_contents, tr("Contents"));
    m_results = new QListWidget(m_side);
    m_results->setObjectName(u"guideSearchResults"_s);
    m_results->setWordWrap(true);
    m_results->setAlternatingRowColors(true);
    m_side->addTab(m_results, tr("Search"));
    auto *bookmarkPanel = new QWidget(m_side);
    auto *bookmarkLayout = new QVBoxLayout(bookmarkPanel);
    bookmarkLayout->setContentsMargins(0, 0, 0, 0);
    m_bookmarkList = new QListWidget(bookmarkPanel);
    m_bookmarkList->setObjectName(u"guideBookmarks"_s);
    bookmarkLayout->addWidget(m_bookmarkList);
    auto *removeBookmark = new QToolButton(bookmarkPanel);
    removeBookmark->setObjectName(u"guideRemoveBookmark"_s);
    removeBookmark->setText(tr("Remove"));
    bookmarkLayout->addWidget(removeBookmark, 0, Qt::AlignRight);
    m_side->addTab(bookmarkPanel, tr("Bookmarks"));

    auto *right = new QWidget(splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    m_tabs = new QTabWidget(right);
    m_tabs->setObjectName(u"guideTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    rightLayout->addWidget(m_tabs, 1);

    // Open the home page now: WebEngine starts its renderer process for it in the background while
    // the rest of the viewer is built below.
    const QList<core::kb::GuidePageInfo> pages = services.kb->guidePages();
    m_home = pages.isEmpty() ? QString() : pages.first().path;
    newTab();
    if (!m_home.isEmpty())
        openPage(m_home);

    // Find bar (Ctrl+F): next/previous and a match count.
    m_findBar = new QWidget(right);
    m_findBar->setObjectName(u"guideFindBar"_s);
    auto *findLayout = new QHBoxLayout(m_findBar);
    findLayout->setContentsMargins(6, 3, 6, 3);
    findLayout->addWidget(new QLabel(tr("Find:"), m_findBar));
    m_findField = new QLineEdit(m_findBar);
    m_findField->setObjectName(u"guideFind"_s);
    findLayout->addWidget(m_findField, 1);
    auto *previous = new QToolButton(m_findBar);
    previous->setText(tr("Previous"));
    auto *next = new QToolButton(m_findBar);
    next->setText(tr("Next"));
    m_findCount = new QLabel(m_findBar);
    m_findCount->setObjectName(u"guideFindCount"_s);
    m_findCount->setMinimumWidth(90);
    auto *closeFind = new QToolButton(m_findBar);
    closeFind->setText(tr("✕"));
    closeFind->setToolTip(tr("Close (Esc)"));
    findLayout->addWidget(previous);
    findLayout->addWidget(next);
    findLayout->addWidget(m_findCount);
    findLayout->addWidget(closeFind);
    m_findBar->hide();
    rightLayout->addWidget(m_findBar);
    connect(m_findField, &QLineEdit::textChanged, this, [this](const QString &text) { findInPage(text); });
    connect(m_findField, &QLineEdit::returnPressed, this, [this] { findInPage(m_findField->text()); });
    connect(next, &QToolButton::clicked, this, [this] { findInPage(m_findField->text()); });
    connect(previous, &QToolButton::clicked, this, [this] { findInPage(m_findField->text(), true); });
    const auto hideFind = [this] {
        m_findBar->hide();
        if (currentView())
            currentView()->findText(QString());
        m_findCount->clear();
    };
    connect(closeFind, &QToolButton::clicked, this, hideFind);
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, this, [this] {
        m_findBar->show();
        m_findField->setFocus(Qt::ShortcutFocusReason);
        m_findField->selectAll();
    });
    addAction(find);
    auto *findNext = new QAction(this);
    findNext->setShortcut(QKeySequence::FindNext);
    findNext->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findNext, &QAction::triggered, this, [this] { findInPage(m_findField->text()); });
    addAction(findNext);
    auto *findPrevious = new QAction(this);
    findPrevious->setShortcut(QKeySequence::FindPrevious);
    findPrevious->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(findPrevious, &QAction::triggered, this, [this] { findInPage(m_findField->text(), true); });
    addAction(findPrevious);
    auto *escape = new QAction(m_findBar);
    escape->setShortcut(QKeySequence(Qt::Key_Escape));
    escape->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QAction::triggered, this, hideFind);
    m_findBar->addAction(escape);

    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 4);
    splitter->setSizes({280, 900});

    // Contents in the guide's order.
    QHash<QString, QTreeWidgetItem *> chapters;
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
        item->setData(0, kPathRole, page.path);
        item->setToolTip(0, tr("%1 — %2 words").arg(page.path).arg(page.words));
    }
    for (const core::kb::GuidePageInfo &page : pages)
        m_warmUp.append(page.path);
    connect(m_contents, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (item && !item->data(0, kPathRole).toString().isEmpty())
            openPage(item->data(0, kPathRole).toString());
    });
    connect(m_contents, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        if (item && !item->data(0, kPathRole).toString().isEmpty()
            && QApplication::keyboardModifiers().testFlag(Qt::ControlModifier))
            openPageInNewTab(item->data(0, kPathRole).toString());
        else if (item && !item->data(0, kPathRole).toString().isEmpty())
            openPage(item->data(0, kPathRole).toString());
    });
    connect(m_contents, &QTreeWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QTreeWidgetItem *item = m_contents->itemAt(pos);
        const QString path = item ? item->data(0, kPathRole).toString() : QString();
        if (path.isEmpty())
            return;
        QMenu menu(this);
        menu.addAction(tr("Open"), this, [this, path] { openPage(path); });
        menu.addAction(tr("Open in new tab"), this, [this, path] { openPageInNewTab(path); });
        menu.exec(m_contents->viewport()->mapToGlobal(pos));
    });
    connect(m_results, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        openResult(m_results->row(item), QApplication::keyboardModifiers().testFlag(Qt::ControlModifier));
    });
    connect(m_results, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        openResult(m_results->row(item), QApplication::keyboardModifiers().testFlag(Qt::ControlModifier));
    });
    connect(m_bookmarkList, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        openPage(item->data(kPathRole).toString(), item->data(kAnchorRole).toString());
    });
    connect(removeBookmark, &QToolButton::clicked, this, [this] {
        QListWidgetItem *item = m_bookmarkList->currentItem();
        if (item && m_bookmarks && m_bookmarks->remove(item->data(kPathRole).toString(), item->data(kAnchorRole).toString())) {
            refreshBookmarks();
            Q_EMIT bookmarksChanged();
        }
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { syncWithCurrentView(); });
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (m_tabs->count() <= 1)
            return; // keep one page open
        QWidget *view = m_tabs->widget(index);
        m_tabs->removeTab(index);
        view->deleteLater();
    });
    refreshBookmarks();

    // Render the home page while its renderer process starts, so that its request is answered at once.
    if (!m_home.isEmpty())
        m_handler->prerender(m_home);
    syncWithCurrentView();
}

GuideView::~GuideView()
{
    // Pages must go before their profile, or WebEngine complains and may crash at exit.
    ++*m_searchGeneration;
    m_searchPool.waitForDone();
    while (m_tabs->count() > 0) {
        QWidget *view = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete view;
    }
    delete m_profile;
    m_profile = nullptr;
}

QString GuideView::currentPage() const
{
    const GuideWebView *view = currentView();
    if (!view || view->url().scheme() != core::guide::guideScheme())
        return {};
    return core::guide::pathFromGuideUrlPath(view->url().path());
}

int GuideView::tabCount() const
{
    return m_tabs->count();
}

GuideWebView *GuideView::currentView() const
{
    return qobject_cast<GuideWebView *>(m_tabs->currentWidget());
}

GuideWebView *GuideView::newTab(bool makeCurrent)
{
    auto *view = new GuideWebView(m_profile, [this] { return newTab(true); }, m_tabs);
    view->setObjectName(u"guideWebView"_s);
    view->page()->setBackgroundColor(m_dark ? QColor(0x15, 0x19, 0x1f) : QColor(Qt::white));
    view->setZoomFactor(m_zoom);
    wireView(view);
    const int index = m_tabs->addTab(view, tr("Guide"));
    if (makeCurrent)
        m_tabs->setCurrentIndex(index);
    return view;
}

void GuideView::wireView(GuideWebView *view)
{
    connect(view, &QWebEngineView::titleChanged, this, [this, view](const QString &title) {
        const int index = m_tabs->indexOf(view);
        if (index >= 0) {
            m_tabs->setTabText(index, title.size() > 28 ? title.left(26) % u'…' : title);
            m_tabs->setTabToolTip(index, title);
        }
    });

    // pageReady needs both WebEngine's loadFinished and the page script's "ready" for the same
    // document, in either order. A jump to an anchor of the page shown is loaded again but runs no
    // script: the document reported ready already.
    struct Readiness
    {
        bool loaded = false;
        bool reported = false;
        QUrl readyDocument; // the document (URL without fragment) whose script said "ready" last
    };
    auto readiness = std::make_shared<Readiness>();
    const auto maybeReady = [this, view, readiness] {
        if (!readiness->loaded || readiness->reported
            || readiness->readyDocument != view->url().adjusted(QUrl::RemoveFragment))
            return;
        readiness->reported = true;
        if (view == currentView())
            Q_EMIT pageReady(currentPage());
        // Render the other pages now that this one is on screen, not while it is being loaded.
        if (!m_warmUp.isEmpty() && !m_warmingUp) {
            m_warmingUp = true;
            QTimer::singleShot(0, this, &GuideView::warmUpNextPage);
        }
    };
    connect(view, &QWebEngineView::urlChanged, this, [this, view, readiness] {
        if (view != currentView())
            return;
        syncWithCurrentView();
        // A jump within the page shown (no load, no script run): it is ready as it is.
        if (readiness->loaded && readiness->reported
            && readiness->readyDocument == view->url().adjusted(QUrl::RemoveFragment))
            Q_EMIT pageReady(currentPage());
    });
    connect(view, &QWebEngineView::loadStarted, this, [readiness] {
        readiness->loaded = false;
        readiness->reported = false;
    });
    connect(view, &QWebEngineView::loadFinished, this, [this, view, readiness, maybeReady](bool) {
        if (view == currentView()) {
            syncWithCurrentView();
            Q_EMIT pageLoaded(currentPage());
        }
        readiness->loaded = true;
        maybeReady();
    });
    if (auto *page = qobject_cast<GuideWebPage *>(view->page())) {
        connect(page, &GuideWebPage::scriptReady, this, [readiness, maybeReady](const QUrl &url) {
            readiness->readyDocument = url.adjusted(QUrl::RemoveFragment);
            maybeReady();
        });
    }
    connect(view->page(), &QWebEnginePage::pdfPrintingFinished, this, &GuideView::pdfExported);
}

void GuideView::syncWithCurrentView()
{
    const QString path = currentPage();
    GuideWebView *view = currentView();
    m_back->setEnabled(view && view->history()->canGoBack());
    m_forward->setEnabled(view && view->history()->canGoForward());
    QTreeWidgetItemIterator it(m_contents);
    while (*it) {
        if ((*it)->data(0, kPathRole).toString() == path) {
            const QSignalBlocker blocker(m_contents);
            m_contents->setCurrentItem(*it);
            m_contents->scrollToItem(*it);
            break;
        }
        ++it;
    }
}

void GuideView::warmUpNextPage()
{
    // Render the remaining pages in the background, one per event-loop turn, so that the first visit
    // of each only lays out HTML (rendering costs 5-30 ms per page).
    if (m_warmUp.isEmpty())
        return;
    m_handler->prerender(m_warmUp.takeFirst());
    if (!m_warmUp.isEmpty())
        QTimer::singleShot(0, this, &GuideView::warmUpNextPage);
}

void GuideView::openPage(const QString &path, const QString &anchor)
{
    if (!currentView())
        newTab();
    GuideWebView *view = currentView();
    view->load(guideUrl(core::guide::pathFromGuideUrlPath(path), anchor));
    view->setFocus();
}

void GuideView::openPageInNewTab(const QString &path, const QString &anchor)
{
    GuideWebView *view = newTab(true);
    view->load(guideUrl(core::guide::pathFromGuideUrlPath(path), anchor));
}

void GuideView::goHome()
{
    if (!m_home.isEmpty())
        openPage(m_home);
}

void GuideView::search(const QString &text)
{
    const quint64 generation = ++*m_searchGeneration;
    if (text.trimmed().isEmpty()) {
        m_hits.clear();
        m_results->clear();
        m_side->setCurrentIndex(0);
        Q_EMIT searchFinished(0);
        return;
    }
    auto *watcher = new QFutureWatcher<QList<core::guide::SearchHit>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_searchGeneration->load() && !watcher->isCanceled())
            showResults(watcher->result(), generation);
    });
    const core::guide::GuideSearch *engine = m_search.get();
    const auto current = m_searchGeneration;
    watcher->setFuture(QtConcurrent::run(&m_searchPool, [engine, text, generation, current] {
        // Queued behind a newer query: skip the work, the result would be thrown away.
        if (generation != current->load())
            return QList<core::guide::SearchHit>();
        return engine->search(text, 50);
    }));
}

void GuideView::showResults(const QList<core::guide::SearchHit> &hits, quint64 generation)
{
    Q_UNUSED(generation)
    m_hits = hits;
    m_results->clear();
    for (const core::guide::SearchHit &hit : hits) {
        const QString kind = hit.kind == core::guide::SearchHit::Kind::Glossary ? tr("Glossary")
            : hit.kind == core::guide::SearchHit::Kind::PageTitle               ? tr("Page")
                                                                                : QString();
        auto *item = new QListWidgetItem(m_results);
        const QString heading = hit.section.isEmpty() || hit.section == hit.title ? hit.title
                                                                                  : hit.title % u" › "_s % hit.section;
        item->setText((kind.isEmpty() ? QString() : u'[' % kind % u"] "_s) % heading % u'\n'
                      % core::guide::snippetText(hit.snippet, u"", u"").simplified());
        item->setToolTip(u"<b>"_s % heading.toHtmlEscaped() % u"</b><br>"_s % core::guide::snippetHtml(hit.snippet));
        item->setData(kPathRole, hit.page);
        item->setData(kAnchorRole, hit.anchor);
    }
    m_side->setCurrentIndex(1);
    Q_EMIT searchFinished(int(hits.size()));
}

void GuideView::openResult(int row, bool inNewTab)
{
    if (row < 0 || row >= m_hits.size())
        return;
    const core::guide::SearchHit &hit = m_hits.at(row);
    if (inNewTab)
        openPageInNewTab(hit.page, hit.anchor);
    else
        openPage(hit.page, hit.anchor);
}

void GuideView::findInPage(const QString &text, bool backward)
{
    GuideWebView *view = currentView();
    if (!view)
        return;
    if (text.isEmpty()) {
        view->findText(QString());
        m_findCount->clear();
        Q_EMIT findFinished(0, 0);
        return;
    }
    const QWebEnginePage::FindFlags flags = backward ? QWebEnginePage::FindBackward : QWebEnginePage::FindFlags();
    view->findText(text, flags, [this](const QWebEngineFindTextResult &result) {
        m_findCount->setText(result.numberOfMatches() == 0
                                 ? tr("No matches")
                                 : tr("%1 of %2").arg(result.activeMatch()).arg(result.numberOfMatches()));
        Q_EMIT findFinished(result.numberOfMatches(), result.activeMatch());
    });
}

void GuideView::setZoom(qreal factor)
{
    m_zoom = qBound(0.3, factor, 3.0);
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto *view = qobject_cast<QWebEngineView *>(m_tabs->widget(i)))
            view->setZoomFactor(m_zoom);
    }
    QSettings().setValue(kZoomKey, m_zoom);
}

void GuideView::zoomIn()
{
    setZoom(m_zoom + 0.1);
}

void GuideView::zoomOut()
{
    setZoom(m_zoom - 0.1);
}

void GuideView::resetZoom()
{
    setZoom(1.0);
}

void GuideView::bookmarkCurrentSection()
{
    GuideWebView *view = currentView();
    const QString path = currentPage();
    if (!view || path.isEmpty() || !m_bookmarks)
        return;
    const QString pageTitle = view->title();
    view->page()->runJavaScript(u"window.ldaCurrentSection ? window.ldaCurrentSection() : {id: '', title: ''}"_s,
                                [this, path, pageTitle](const QVariant &result) {
                                    const QVariantMap section = result.toMap();
                                    const QString anchor = section.value(u"id"_s).toString();
                                    const QString sectionTitle = section.value(u"title"_s).toString();
                                    const QString title = anchor.isEmpty() || sectionTitle == pageTitle
                                        ? pageTitle
                                        : pageTitle % u" › "_s % sectionTitle;
                                    if (m_bookmarks->add(path, anchor, title)) {
                                        refreshBookmarks();
                                        m_side->setCurrentIndex(2);
                                        Q_EMIT bookmarksChanged();
                                    }
                                });
}

void GuideView::refreshBookmarks()
{
    m_bookmarkList->clear();
    if (!m_bookmarks)
        return;
    const QList<core::guide::Bookmark> all = m_bookmarks->all();
    for (const core::guide::Bookmark &b : all) {
        auto *item = new QListWidgetItem(b.title, m_bookmarkList);
        item->setToolTip(b.page % (b.anchor.isEmpty() ? QString() : u'#' % b.anchor));
        item->setData(kPathRole, b.page);
        item->setData(kAnchorRole, b.anchor);
    }
}

void GuideView::fillHistoryMenu(bool back)
{
    QMenu *menu = (back ? m_back : m_forward)->menu();
    menu->clear();
    GuideWebView *view = currentView();
    if (!view)
        return;
    QWebEngineHistory *history = view->history();
    const QList<QWebEngineHistoryItem> items = back ? history->backItems(20) : history->forwardItems(20);
    for (qsizetype i = back ? items.size() - 1 : 0; back ? i >= 0 : i < items.size(); back ? --i : ++i) {
        const QWebEngineHistoryItem item = items.at(i);
        menu->addAction(item.title().isEmpty() ? item.url().path() : item.title(), this,
                        [view, item] { view->history()->goToItem(item); });
    }
}

void GuideView::exportPdf(const QString &filePath)
{
    if (GuideWebView *view = currentView())
        view->page()->printToPdf(filePath, QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                                       QMarginsF(15, 15, 15, 15)));
}

void GuideView::askPdfPath()
{
    const QString suggested = QFileInfo(currentPage()).completeBaseName() % u".pdf"_s;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export page to PDF"), suggested, tr("PDF (*.pdf)"));
    if (!path.isEmpty())
        exportPdf(path);
}

void GuideView::printPage()
{
    GuideWebView *view = currentView();
    if (!view)
        return;
    auto *printer = new QPrinter(QPrinter::HighResolution);
    QPrintDialog dialog(printer, this);
    if (dialog.exec() != QDialog::Accepted) {
        delete printer;
        return;
    }
    connect(view, &QWebEngineView::printFinished, this, [printer] { delete printer; }, Qt::SingleShotConnection);
    view->print(printer);
}

void GuideView::applyTheme()
{
    const bool dark = paletteIsDark(palette());
    if (dark == m_dark)
        return;
    m_dark = dark;
    m_handler->setTheme(dark ? core::guide::Theme::Dark : core::guide::Theme::Light);
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto *view = qobject_cast<QWebEngineView *>(m_tabs->widget(i))) {
            view->page()->setBackgroundColor(dark ? QColor(0x15, 0x19, 0x1f) : QColor(Qt::white));
            view->page()->runJavaScript(dark ? u"window.ldaSetTheme && ldaSetTheme(true)"_s
                                             : u"window.ldaSetTheme && ldaSetTheme(false)"_s);
        }
    }
}

void GuideView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyTheme();
}

} // namespace lda::ui
