#pragma once

#include "UiServices.h"

#include <QWidget>

class QTreeWidget;
class QTreeWidgetItem;
class QWebEngineView;

namespace lda::ui {

// The guide reader: contents in the guide's order on the left, the rendered page on the right.
// Pages come from the knowledge base; links between pages are followed inside the viewer and
// nothing is ever loaded from the network.
class GuideView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuideView)
public:
    explicit GuideView(const UiServices &services, QWidget *parent = nullptr);
    void openPage(const QString &path, const QString &anchor = {});
    [[nodiscard]] QString currentPage() const { return m_current; }

Q_SIGNALS:
    void pageLoaded(const QString &path);

private:
    const UiServices &m_services;
    QTreeWidget *m_contents = nullptr;
    QWebEngineView *m_view = nullptr;
    QString m_current;
};

} // namespace lda::ui
