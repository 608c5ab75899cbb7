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

// Costs: GPU instance rates (hourly and per month at 730 h) and the self-hosting throughput basis.
class CostsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CostsPage)
public:
    explicit CostsPage(const UiServices &services, QWidget *parent = nullptr);
};

} // namespace lda::ui
