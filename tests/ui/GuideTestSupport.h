#pragma once

// Shared by the guide-viewer GUI tests: wait until the viewer shows a page and WebEngine has loaded it.
#include "GuideView.h"
#include "GuideWeb.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QWebEnginePage>
#include <QWebEngineView>

inline bool waitForPage(lda::ui::GuideView &view, const QString &path, int timeoutMs = 15000)
{
    QElapsedTimer t;
    t.start();
    QSignalSpy spy(&view, &lda::ui::GuideView::pageLoaded);
    while (t.elapsed() < timeoutMs) {
        if (view.currentPage() == path && !view.currentView()->page()->isLoading() && spy.count() > 0)
            return true;
        spy.wait(50);
        if (view.currentPage() == path && !spy.isEmpty())
            return true;
    }
    return false;
}
