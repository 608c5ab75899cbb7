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

// Scenarios: the guide's use cases (shipped) and the user's saved scenarios.
class ScenariosPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScenariosPage)
public:
    explicit ScenariosPage(const UiServices &services, QWidget *parent = nullptr);

private:
    void showScenario(int row);
    const UiServices &m_services;
    QListWidget *m_list = nullptr;
    QTextBrowser *m_details = nullptr;
    QStringList m_workloads;
};

} // namespace lda::ui
