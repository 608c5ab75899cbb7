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

// Wizard: the nine deployment options at a glance, grouped by cloud, with their trade-offs.
class WizardPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WizardPage)
public:
    explicit WizardPage(const UiServices &services, QWidget *parent = nullptr);

private:
    void showOption(const QString &id);
    const UiServices &m_services;
    QListWidget *m_list = nullptr;
    QTextBrowser *m_details = nullptr;
};

} // namespace lda::ui
