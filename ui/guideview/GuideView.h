#pragma once

#include "UiServices.h"
#include "guide/GuideSearch.h"

#include <QFutureWatcher>
#include <QList>
#include <QThreadPool>
#include <QWidget>

#include <atomic>
#include <memory>

class QLabel;
class QLineEdit;
class QListWidget;
class QTabWidget;
class QToolButton;
class QTreeWidget;
class QWebEngineProfile;
class QWebEngineView;

namespace lda::core::guide {
class GuideBookmarks;
class LiveFactResolver;
} // namespace lda::core::guide
namespace lda::core::pricing {
class PriceCatalogue;
}

namespace lda::ui {

class GuideRequestInterceptor;
class GuideSchemeHandler;
class GuideWebView;

// The guide reader. Left: contents (guide order, follows the current page), search results
// (as you type) and bookmarks. Right: tabs of pages served from the knowledge base through the
// guide: scheme, with back/forward/home/history, find in page, zoom, print and PDF. Every view
// shares one private off-the-record profile locked down by a request interceptor and a navigation
// policy: nothing is fetched from the network.
class GuideView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuideView)
    Q_PROPERTY(QString currentPage READ currentPage NOTIFY pageLoaded)
public:
    explicit GuideView(const UiServices &services, QWidget *parent = nullptr);
    ~GuideView() override;

    [[nodiscard]] QString currentPage() const;
    [[nodiscard]] QString homePage() const { return m_home; }
    [[nodiscard]] int tabCount() const;
    [[nodiscard]] GuideWebView *currentView() const;
    [[nodiscard]] GuideRequestInterceptor *interceptor() const { return m_interceptor; }
    [[nodiscard]] qreal zoomFactor() const { return m_zoom; }

public Q_SLOTS:
    void openPage(const QString &path, const QString &anchor = {});
    void openPageInNewTab(const QString &path, const QString &anchor = {});
    void goHome();
    void search(const QString &text);
    void findInPage(const QString &text, bool backward = false);
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void bookmarkCurrentSection();
    void exportPdf(const QString &filePath);

Q_SIGNALS:
    void pageLoaded(const QString &path); // WebEngine's loadFinished for the current tab
    // The current tab's page is loaded, its script has run (code near the viewport highlighted) and
    // it has been painted: what a reader sees as "the page is there" (tests/bench/bench_guide.cpp).
    void pageReady(const QString &path);
    void searchFinished(int results);
    void findFinished(int matches, int activeMatch);
    void bookmarksChanged();
    void pdfExported(const QString &filePath, bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    GuideWebView *newTab(bool makeCurrent = true);
    void wireView(GuideWebView *view);
    void syncWithCurrentView();
    void showResults(const QList<core::guide::SearchHit> &hits, quint64 generation);
    void openResult(int row, bool inNewTab);
    void refreshBookmarks();
    void applyTheme();
    void setZoom(qreal factor);
    void fillHistoryMenu(bool back);
    void printPage();
    void askPdfPath();
    void warmUpNextPage();

    const UiServices &m_services;
    std::unique_ptr<core::pricing::PriceCatalogue> m_ownPrices;
    std::unique_ptr<core::guide::LiveFactResolver> m_facts;
    std::unique_ptr<core::guide::GuideSearch> m_search;
    std::unique_ptr<core::guide::GuideBookmarks> m_bookmarks;
    QWebEngineProfile *m_profile = nullptr;
    GuideSchemeHandler *m_handler = nullptr;
    GuideRequestInterceptor *m_interceptor = nullptr;

    QTabWidget *m_side = nullptr;
    QTreeWidget *m_contents = nullptr;
    QListWidget *m_results = nullptr;
    QListWidget *m_bookmarkList = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_searchField = nullptr;
    QWidget *m_findBar = nullptr;
    QLineEdit *m_findField = nullptr;
    QLabel *m_findCount = nullptr;
    QToolButton *m_back = nullptr;
    QToolButton *m_forward = nullptr;
    QToolButton *m_bookmarkButton = nullptr;

    QString m_home;
    QStringList m_warmUp; // pages still to pre-render, one per idle turn of the event loop
    bool m_warmingUp = false;
    qreal m_zoom = 1.0;
    bool m_dark = false;

    // Search as you type: one worker thread (it keeps its own KB connection); a newer query makes
    // older ones stale, and stale results are dropped, never shown.
    QThreadPool m_searchPool;
    std::shared_ptr<std::atomic<quint64>> m_searchGeneration = std::make_shared<std::atomic<quint64>>(0);
    QList<core::guide::SearchHit> m_hits;
};

} // namespace lda::ui
