#pragma once

#include "UiServices.h"
#include "cost/CostEngine.h"
#include "kb/KnowledgeBase.h"
#include "scenario/Workload.h"

#include <QHash>
#include <QSet>
#include <QWidget>

#include <memory>

class QBarSeries;
class QChart;
class QChartView;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSlider;
class QSpinBox;
class QTabWidget;
class QTableWidget;
class QTimer;

namespace lda::ui {

// Costs: a workload editor (form and JSON, validated as you type) and three charts over the cost engine -
// monthly cost per option stacked by line item, cost against volume with break-even points, and
// before/after optimisation - each with the budget line, tooltips, legend toggles and PNG/SVG/CSV export.
// The GPU rate table and the throughput basis are on their own tabs.
class CostsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CostsPage)
public:
    explicit CostsPage(const UiServices &services, QWidget *parent = nullptr);
    ~CostsPage() override;

    void setWorkload(const core::scenario::Workload &workload);
    [[nodiscard]] core::scenario::Workload workload() const { return m_workload; }
    [[nodiscard]] const core::cost::EstimateSet &estimates() const { return m_set; }
    [[nodiscard]] QChart *optionChart() const;
    [[nodiscard]] QChart *volumeChart() const;
    [[nodiscard]] QChart *optimisationChart() const;
    [[nodiscard]] QString validationMessage() const;

    // Exports of the chart on the current tab; return false with a message in the status label.
    bool exportChartPng(const QString &path);
    bool exportChartSvg(const QString &path);
    bool exportCsv(const QString &path);
    // Saves the current workload as a scenario in user.db; returns its id or 0 (message in the status label).
    qint64 saveScenarioAs(const QString &name);

Q_SIGNALS:
    void workloadChanged();
    void scenarioSaved(qint64 id);

private:
    QWidget *createEditor();
    QWidget *createCharts();
    QWidget *createGpuTab();
    QWidget *createThroughputTab();
    void formChanged();
    void jsonEdited();
    void loadForm(const core::scenario::Workload &w);
    void scheduleRecompute();
    void recompute();
    void updateVisibleChart();
    void updateOptionChart();
    void updateVolumeChart();
    void updateOptimisation();
    void updateDetails();
    void saveScenario();
    void importWorkload();
    void exportWorkload();
    void exportChartInteractive();
    void exportCsvInteractive();
    [[nodiscard]] QChartView *currentChartView() const;
    [[nodiscard]] core::cost::Levers levers() const;

    UiServices m_services;
    std::unique_ptr<core::cost::CostEngine> m_engine;
    core::scenario::Workload m_workload;
    core::cost::EstimateSet m_set;
    QList<core::cost::SeriesLine> m_series;
    std::optional<core::cost::Optimisation> m_optimisation;
    bool m_loading = false;
    QSet<QString> m_hiddenItems;   // line items switched off in the legend of the option chart
    QStringList m_barOptions;      // categories currently in the option chart
    QHash<QString, core::kb::DeploymentOption> m_optionsById; // read once: names for the charts
    QSet<int> m_stale;             // chart tabs not redrawn since the last recompute

    QTimer *m_recomputeTimer = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_model = nullptr;
    QDoubleSpinBox *m_requests = nullptr;
    QSlider *m_volumeSlider = nullptr;
    QDoubleSpinBox *m_input = nullptr;
    QDoubleSpinBox *m_output = nullptr;
    QDoubleSpinBox *m_days = nullptr;
    QDoubleSpinBox *m_peak = nullptr;
    QDoubleSpinBox *m_cache = nullptr;
    QDoubleSpinBox *m_batch = nullptr;
    QComboBox *m_deployment = nullptr;
    QComboBox *m_term = nullptr;
    QDoubleSpinBox *m_budget = nullptr;
    QComboBox *m_instance = nullptr;
    QSpinBox *m_count = nullptr;
    QDoubleSpinBox *m_hours = nullptr;
    QComboBox *m_pricing = nullptr;
    QDoubleSpinBox *m_utilisation = nullptr;
    QDoubleSpinBox *m_storage = nullptr;
    QDoubleSpinBox *m_networking = nullptr;
    QDoubleSpinBox *m_monitoring = nullptr;
    QDoubleSpinBox *m_other = nullptr;
    QPlainTextEdit *m_json = nullptr;
    QLabel *m_validation = nullptr;
    QLabel *m_status = nullptr;

    QTabWidget *m_chartTabs = nullptr;
    QChartView *m_optionView = nullptr;
    QChartView *m_volumeView = nullptr;
    QChartView *m_optView = nullptr;
    QTableWidget *m_details = nullptr;
    QTableWidget *m_leverTable = nullptr;
    QComboBox *m_optOption = nullptr;
    QDoubleSpinBox *m_leverCache = nullptr;
    QDoubleSpinBox *m_leverBatch = nullptr;
    QDoubleSpinBox *m_leverRoute = nullptr;
    QComboBox *m_leverRouteModel = nullptr;
    QComboBox *m_leverCommitment = nullptr;
    QLabel *m_optSummary = nullptr;
};

} // namespace lda::ui
