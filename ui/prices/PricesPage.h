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

// Prices: every resolved per-token price with its source, as-of date and origin.
class PricesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PricesPage)
public:
    explicit PricesPage(const UiServices &services, QWidget *parent = nullptr);

private:
    void applyFilter();
    PriceTableModel *m_model = nullptr;
    PriceFilterProxy *m_proxy = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_provider = nullptr;
    QLabel *m_count = nullptr;
};

} // namespace lda::ui
