#pragma once

#include "PricesPageDialogs.h"
#include "UiServices.h"
#include "pricing/LiteLlmImporter.h"

#include <QFutureWatcher>
#include <QWidget>

class QLabel;
class QLineEdit;
class QComboBox;
class QChart;
class QChartView;
class QLineSeries;
class QProgressBar;
class QPushButton;
class QTableView;

namespace lda::ui {

class PriceTableModel;
class PriceFilterProxy;

// Prices: every resolved per-token price with its source, as-of date, origin and flags; LiteLLM import
// (parsed on a worker thread), which snapshot to use, overrides, export and a model's price history.
class PricesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PricesPage)
public:
    explicit PricesPage(const UiServices &services, QWidget *parent = nullptr);

    void setDialogs(PricesPageDialogs dialogs) { m_dialogs = std::move(dialogs); }
    [[nodiscard]] bool isImporting() const { return m_importWatcher->isRunning(); }
    [[nodiscard]] const core::pricing::ImportSummary &lastImport() const { return m_lastImport; }

    void importFile(const QString &path); // starts a background import; importFinished() follows
    bool exportTo(const QString &path);   // .json or .csv of the resolved table
    void chooseImport();                  // the Import button: file dialog, then importFile
    void chooseExport();
    void editOverride();                  // of the selected row
    void resetOverride();                 // of the selected row
    void selectPrice(const QString &optionId, const QString &modelId);

Q_SIGNALS:
    void importFinished(bool ok, const QString &summary);
    void pricesChanged();

private:
    void applyFilter();
    void reload();
    void reloadSnapshots();
    void snapshotChosen();
    void importParsed();
    void updateSelection();
    [[nodiscard]] const core::pricing::Price *selectedPrice() const;

    UiServices m_services;
    PricesPageDialogs m_dialogs = PricesPageDialogs::standard();
    core::pricing::ModelIndex m_modelIndex;
    QHash<QString, QString> m_optionNames;
    QHash<QString, QString> m_modelNames;
    QHash<QString, QString> m_providers;
    core::pricing::ImportSummary m_lastImport;
    PriceTableModel *m_model = nullptr;
    PriceFilterProxy *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_provider = nullptr;
    QComboBox *m_snapshot = nullptr;
    QLabel *m_count = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_override = nullptr;
    QPushButton *m_reset = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QChart *m_chart = nullptr;
    QChartView *m_chartView = nullptr;
    QLineSeries *m_inputSeries = nullptr;
    QLineSeries *m_outputSeries = nullptr;
    QFutureWatcher<core::pricing::LiteLlmFileRead> *m_importWatcher = nullptr;
};

} // namespace lda::ui
