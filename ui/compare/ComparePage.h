#pragma once

#include "UiServices.h"

#include <QStringList>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QListWidget;
class QPrinter;
class QSpinBox;
class QTabWidget;
class QTableView;

namespace lda::core::cost {
class CostEngine;
}

namespace lda::ui {

class ComparisonModel;
class ModelPriceModel;
class ModelPriceProxy;

// Compare: the chosen options side by side over the criteria (differences highlighted, filters by cloud
// and category, differences only), and every model x option with prices and the cost of your workload.
// Both tables export as CSV or Markdown and print.
class ComparePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComparePage)
public:
    enum class Format { Csv, Markdown };

    explicit ComparePage(const UiServices &services, QWidget *parent = nullptr);
    ~ComparePage() override;

    // The options shown as columns (checked in the list); empty = all.
    void setChosenOptions(const QStringList &optionIds);
    [[nodiscard]] QStringList chosenOptions() const;
    void showOptionsTab();

    // Test seams for the export and print buttons (the buttons only add a file or print dialog).
    bool exportComparison(const QString &path, Format format, QString *error) const;
    bool exportModelPrices(const QString &path, Format format, QString *error) const;
    [[nodiscard]] QString comparisonMarkdown() const;
    [[nodiscard]] QString modelPricesMarkdown() const;

Q_SIGNALS:
    void guideRequested(const QString &target); // "page.md#anchor": an option's section of the guide

private:
    QWidget *createOptionsTab();
    QWidget *createModelsTab();
    void refresh();
    void refreshModelFilter();
    void recomputeWorkloadCosts();
    void exportWithDialog(bool comparison);
    void printWithDialog(bool comparison);

    const UiServices &m_services;
    QTabWidget *m_tabs = nullptr;
    QListWidget *m_optionChecks = nullptr;
    ComparisonModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QComboBox *m_provider = nullptr;
    QComboBox *m_category = nullptr;
    QCheckBox *m_differencesOnly = nullptr;

    ModelPriceModel *m_prices = nullptr;
    ModelPriceProxy *m_priceProxy = nullptr;
    QTableView *m_priceView = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_priceProvider = nullptr;
    QSpinBox *m_requestsPerDay = nullptr;
    QSpinBox *m_inputTokens = nullptr;
    QSpinBox *m_outputTokens = nullptr;
    std::unique_ptr<core::cost::CostEngine> m_engine;
};

} // namespace lda::ui
