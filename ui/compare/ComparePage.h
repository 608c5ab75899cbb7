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

// Compare: options side by side over the comparison criteria.
class ComparePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComparePage)
public:
    explicit ComparePage(const UiServices &services, QWidget *parent = nullptr);

private:
    void refresh();
    const UiServices &m_services;
    ComparisonModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QComboBox *m_provider = nullptr;
    QCheckBox *m_differencesOnly = nullptr;
};

} // namespace lda::ui
