#pragma once

#include "UiServices.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QComboBox;
class QCheckBox;
class QTableView;
class QTextBrowser;
class QListWidget;
class QSortFilterProxyModel;
class QVBoxLayout;

namespace lda::ui {

class ComparisonModel;
class PriceTableModel;
class PriceFilterProxy;

// Guide: loads the WebEngine viewer plugin on first show.
class GuidePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuidePage)
public:
    explicit GuidePage(const UiServices &services, QWidget *parent = nullptr);
    [[nodiscard]] bool viewerLoaded() const { return m_viewer != nullptr; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    void loadViewer();
    const UiServices &m_services;
    QVBoxLayout *m_layout = nullptr;
    QLabel *m_status = nullptr;
    QWidget *m_viewer = nullptr;
};

} // namespace lda::ui
