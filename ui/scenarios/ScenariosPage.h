#pragma once

#include "UiServices.h"
#include "cost/CostEngine.h"
#include "scenario/ScenarioStore.h"
#include "scenario/Workload.h"

#include <QWidget>

#include <memory>

class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;
class QTabWidget;
class QTextBrowser;

namespace lda::ui {

// Scenarios: the guide's four use cases (shipped, read-only) and the user's saved scenarios (user.db).
// Open one in Costs, duplicate, compare side by side, delete with undo, import/export a workload file,
// set a monthly budget and see whether it fits and which levers would bring it under, and print a
// budget review (HTML or PDF).
class ScenariosPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScenariosPage)
public:
    explicit ScenariosPage(const UiServices &services, QWidget *parent = nullptr);
    ~ScenariosPage() override;

    struct Entry
    {
        bool shipped = false;
        qint64 id = 0;     // saved scenarios
        QString key;       // use-case id or "saved:<id>"
        QString name;
        QString summary;
        core::scenario::Workload workload;
    };

    void refresh();
    [[nodiscard]] const QList<Entry> &entries() const { return m_entries; }
    bool selectByName(const QString &name);
    [[nodiscard]] std::optional<Entry> current() const;

    qint64 duplicateCurrent();
    bool deleteCurrent();
    bool undoDelete();
    bool setBudgetForCurrent(double usdPerMonth);
    bool importFile(const QString &path);
    bool exportCurrent(const QString &path);
    bool saveReviewHtml(const QString &path);
    bool saveReviewPdf(const QString &path);
    [[nodiscard]] QString reviewHtml() const;
    [[nodiscard]] QString lastMessage() const;

Q_SIGNALS:
    void openInCosts(const lda::core::scenario::Workload &workload);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void selectionChanged();
    void showDetails();
    void showComparison();
    void message(const QString &text);
    [[nodiscard]] QString freeName(const QString &name) const;
    [[nodiscard]] std::optional<core::cost::Estimate> plannedEstimate(const core::scenario::Workload &w) const;

    UiServices m_services;
    std::unique_ptr<core::cost::CostEngine> m_engine;
    std::unique_ptr<core::scenario::ScenarioStore> m_store;
    QList<Entry> m_entries;
    qint64 m_lastDeleted = 0;

    QListWidget *m_list = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTextBrowser *m_details = nullptr;
    QTableWidget *m_compare = nullptr;
    QTextBrowser *m_review = nullptr;
    QDoubleSpinBox *m_budget = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_undo = nullptr;
    QPushButton *m_delete = nullptr;
};

} // namespace lda::ui
