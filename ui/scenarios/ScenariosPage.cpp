#include "ScenariosPage.h"

#include "PageHelpers.h"
#include "kb/KnowledgeBase.h"
#include "kb/UserDatabase.h"
#include "pricing/PriceCatalogue.h"
#include "report/BudgetReview.h"
#include "util/TextTable.h"

#include <QDate>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPageSize>
#include <QPdfWriter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QStyle>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace lda::ui {

ScenariosPage::ScenariosPage(const UiServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
{
    m_engine = std::make_unique<core::cost::CostEngine>(core::cost::PricingData::load(*services.kb, *services.prices));
    if (services.user)
        m_store = std::make_unique<core::scenario::ScenarioStore>(*services.user);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(pageTitle(tr("Scenarios"),
                                tr("The guide's four use cases ship as ready-made workloads; your saved scenarios "
                                   "follow. Select several to compare them side by side."),
                                this));
    auto *splitter = new QSplitter(this);
    auto *left = new QWidget(splitter);
    auto *lv = new QVBoxLayout(left);
    lv->setContentsMargins(0, 0, 0, 0);
    m_list = new QListWidget(left);
    m_list->setObjectName(u"scenarioList"_s);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    lv->addWidget(m_list, 1);
    auto *grid = new QGridLayout;
    auto *open = new QPushButton(tr("Open in Costs"), left);
    auto *duplicate = new QPushButton(tr("Duplicate"), left);
    m_delete = new QPushButton(tr("Delete"), left);
    m_undo = new QPushButton(tr("Undo delete"), left);
    m_undo->setEnabled(false);
    auto *import = new QPushButton(tr("Import…"), left);
    auto *exportButton = new QPushButton(tr("Export…"), left);
    grid->addWidget(open, 0, 0, 1, 2);
    grid->addWidget(duplicate, 1, 0);
    grid->addWidget(m_delete, 1, 1);
    grid->addWidget(import, 2, 0);
    grid->addWidget(exportButton, 2, 1);
    grid->addWidget(m_undo, 3, 0, 1, 2);
    lv->addLayout(grid);
    m_message = new QLabel(left);
    m_message->setWordWrap(true);
    lv->addWidget(m_message);

    m_tabs = new QTabWidget(splitter);
    auto *budgetTab = new QWidget(m_tabs);
    auto *bv = new QVBoxLayout(budgetTab);
    auto *budgetRow = new QHBoxLayout;
    m_budget = new QDoubleSpinBox(budgetTab);
    m_budget->setObjectName(u"scenarioBudget"_s);
    m_budget->setRange(0, core::scenario::MaxUsdPerMonth);
    m_budget->setPrefix(u"$"_s);
    m_budget->setDecimals(0);
    m_budget->setGroupSeparatorShown(true);
    m_budget->setSpecialValueText(tr("none"));
    auto *setBudget = new QPushButton(tr("Set budget"), budgetTab);
    budgetRow->addWidget(new QLabel(tr("Monthly budget"), budgetTab));
    budgetRow->addWidget(m_budget);
    budgetRow->addWidget(setBudget);
    budgetRow->addStretch(1);
    bv->addLayout(budgetRow);
    QLabel *budgetProblem = numberProblemLabel(budgetTab);
    bv->addWidget(budgetProblem);
    watchNumberField(m_budget, tr("Monthly budget"), budgetProblem);
    m_details = new QTextBrowser(budgetTab);
    m_details->setObjectName(u"scenarioDetails"_s);
    bv->addWidget(m_details, 1);
    m_tabs->addTab(budgetTab, tr("Budget"));
    m_compare = new QTableWidget(m_tabs);
    m_compare->setObjectName(u"scenarioCompare"_s);
    m_compare->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_compare->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_tabs->addTab(m_compare, tr("Compare"));
    auto *reviewTab = new QWidget(m_tabs);
    auto *rv = new QVBoxLayout(reviewTab);
    m_review = new QTextBrowser(reviewTab);
    m_review->setObjectName(u"budgetReview"_s);
    rv->addWidget(m_review, 1);
    auto *reviewButtons = new QHBoxLayout;
    auto *saveHtml = new QPushButton(tr("Save as HTML…"), reviewTab);
    auto *savePdf = new QPushButton(tr("Save as PDF…"), reviewTab);
    reviewButtons->addStretch(1);
    reviewButtons->addWidget(saveHtml);
    reviewButtons->addWidget(savePdf);
    rv->addLayout(reviewButtons);
    m_tabs->addTab(reviewTab, tr("Budget review"));
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({300, 900});
    layout->addWidget(splitter, 1);

    connect(m_list, &QListWidget::itemSelectionChanged, this, &ScenariosPage::selectionChanged);
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this]() {
        if (const std::optional<Entry> e = current())
            Q_EMIT openInCosts(e->workload);
    });
    connect(open, &QPushButton::clicked, this, [this]() {
        if (const std::optional<Entry> e = current())
            Q_EMIT openInCosts(e->workload);
    });
    connect(duplicate, &QPushButton::clicked, this, &ScenariosPage::duplicateCurrent);
    connect(m_delete, &QPushButton::clicked, this, &ScenariosPage::deleteCurrent);
    connect(m_undo, &QPushButton::clicked, this, &ScenariosPage::undoDelete);
    connect(setBudget, &QPushButton::clicked, this, [this]() {
        // Half-typed text is not a budget: never store the field's previous figure in its place.
        if (const QString problem = numberFieldProblem(m_budget, tr("Monthly budget")); !problem.isEmpty()) {
            message(tr("Budget not set: %1").arg(problem));
            return;
        }
        setBudgetForCurrent(m_budget->value());
    });
    connect(import, &QPushButton::clicked, this, [this]() {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import scenario"), QString(), tr("JSON (*.json)"));
        if (!path.isEmpty())
            importFile(path);
    });
    connect(exportButton, &QPushButton::clicked, this, [this]() {
        const std::optional<Entry> e = current();
        if (!e)
            return;
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export scenario"), e->name % u".ldascenario.json"_s,
            tr("LLM Deploy Advisor scenario (*.ldascenario.json);;JSON (*.json)"));
        if (!path.isEmpty())
            exportCurrent(path);
    });
    connect(saveHtml, &QPushButton::clicked, this, [this]() {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save budget review"), QString(),
                                                          tr("HTML (*.html)"));
        if (!path.isEmpty())
            saveReviewHtml(path);
    });
    connect(savePdf, &QPushButton::clicked, this, [this]() {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save budget review"), QString(), tr("PDF (*.pdf)"));
        if (!path.isEmpty())
            saveReviewPdf(path);
    });
    refresh();
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

ScenariosPage::~ScenariosPage() = default;

void ScenariosPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh(); // scenarios saved on the Costs page appear without a restart
}

void ScenariosPage::refresh()
{
    const QString selected = current() ? current()->key : QString();
    m_entries.clear();
    const QList<core::kb::UseCase> useCases = m_services.kb->useCases();
    for (const core::kb::UseCase &u : useCases) {
        const core::scenario::WorkloadResult r = core::scenario::workloadFromJson(u.workloadJson.toUtf8(), u.id);
        if (!r.ok())
            continue;
        Entry e{true, 0, u.id, u.name, u.summary, *r.workload};
        e.workload.option = u.optionId;
        m_entries.append(e);
    }
    if (m_store) {
        const QList<core::scenario::Scenario> saved = m_store->list();
        for (const core::scenario::Scenario &s : saved)
            m_entries.append({false, s.id, u"saved:"_s % QString::number(s.id), s.name, s.notes, s.workload});
    }
    const QSignalBlocker block(m_list);
    m_list->clear();
    for (const Entry &e : std::as_const(m_entries)) {
        auto *item = new QListWidgetItem(e.shipped ? tr("%1 (guide use case)").arg(e.name) : e.name, m_list);
        item->setToolTip(e.summary);
        item->setData(Qt::UserRole, e.key);
        if (e.shipped)
            item->setIcon(style()->standardIcon(QStyle::SP_FileDialogInfoView));
        if (e.key == selected)
            item->setSelected(true), m_list->setCurrentItem(item);
    }
    selectionChanged();
}

std::optional<ScenariosPage::Entry> ScenariosPage::current() const
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item || !item->isSelected())
        return std::nullopt;
    const QString key = item->data(Qt::UserRole).toString();
    for (const Entry &e : m_entries) {
        if (e.key == key)
            return e;
    }
    return std::nullopt;
}

bool ScenariosPage::selectByName(const QString &name)
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).name == name) {
            m_list->clearSelection();
            m_list->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

QString ScenariosPage::freeName(const QString &name) const
{
    static const QRegularExpression copySuffix(uR"( \(copy( [0-9]+)?\)$)"_s);
    const QString base = QString(name).remove(copySuffix);
    // Unique among the shipped use cases and the saved scenarios alike.
    const auto taken = [this](const QString &candidate) {
        return std::any_of(m_entries.cbegin(), m_entries.cend(), [&](const Entry &e) { return e.name == candidate; })
            || (m_store && m_store->findByName(candidate));
    };
    if (!taken(base))
        return base;
    for (int i = 1;; ++i) {
        const QString candidate =
            i == 1 ? QString(base % u" (copy)"_s) : QString(base % u" (copy "_s % QString::number(i) % u')');
        if (!taken(candidate))
            return candidate;
    }
}

QString ScenariosPage::lastMessage() const
{
    return m_message->text();
}

void ScenariosPage::message(const QString &text)
{
    m_message->setText(text);
}

std::optional<core::cost::Estimate> ScenariosPage::plannedEstimate(const core::scenario::Workload &w) const
{
    // The option the scenario is planned on; without one, the cheapest option for it.
    if (!w.option.isEmpty()) {
        if (std::optional<core::cost::Estimate> e = m_engine->estimate(w, w.option))
            return e;
    }
    const core::cost::EstimateSet set = m_engine->estimateAll(w);
    std::optional<core::cost::Estimate> best;
    for (const core::cost::Estimate &e : set.estimates) {
        if (!best || e.monthlyUsd < best->monthlyUsd)
            best = e;
    }
    return best;
}

void ScenariosPage::selectionChanged()
{
    const std::optional<Entry> e = current();
    m_delete->setEnabled(e && !e->shipped);
    showDetails();
    showComparison();
    m_review->setHtml(reviewHtml());
}

void ScenariosPage::showDetails()
{
    const std::optional<Entry> entry = current();
    if (!entry) {
        m_details->setHtml(tr("<p>Select a scenario.</p>"));
        return;
    }
    const core::scenario::Workload &w = entry->workload;
    {
        const QSignalBlocker block(m_budget);
        m_budget->setValue(w.budgetUsdPerMonth.value_or(0));
    }
    const std::optional<core::cost::Estimate> e = plannedEstimate(w);
    QString html = u"<h2>"_s % entry->name.toHtmlEscaped() % u"</h2><p>"_s % entry->summary.toHtmlEscaped() % u"</p>"_s;
    if (!e) {
        m_details->setHtml(html % tr("<p>No option can price this workload.</p>"));
        return;
    }
    const std::optional<core::cost::Optimisation> o = m_engine->optimise(w, e->optionId, core::report::defaultLevers());
    const core::report::BudgetStatus s = core::report::budgetStatus(w, *e, o);
    html += u"<table cellpadding='3'>"_s;
    const auto row = [&](const QString &k, const QString &v) {
        html += u"<tr><td><b>"_s % k.toHtmlEscaped() % u"</b></td><td>"_s % v % u"</td></tr>"_s;
    };
    row(tr("Option"), QString(e->optionName % u" — "_s % e->modelId).toHtmlEscaped());
    row(tr("Volume"), tr("%1 requests/day, %2 in / %3 out tokens")
                          .arg(QLocale().toString(w.requestsPerDay, 'f', 0))
                          .arg(w.inputTokensPerRequest)
                          .arg(w.outputTokensPerRequest));
    row(tr("Monthly cost"), u"<b>"_s % core::util::formatUsd(e->monthlyUsd, 2) % u"</b>"_s);
    if (s.hasBudget) {
        row(tr("Budget"), core::util::formatUsd(s.budgetUsd, 0));
        row(tr("Verdict"), s.fits()
                               ? u"<span style='color:#1b5e20'><b>"_s
                                     % tr("Fits, %1 to spare").arg(core::util::formatUsd(-s.overByUsd, 2)) % u"</b></span>"_s
                               : u"<span style='color:#b00020'><b>"_s
                                     % tr("Over by %1").arg(core::util::formatUsd(s.overByUsd, 2)) % u"</b></span>"_s);
    } else {
        row(tr("Budget"), tr("none set"));
    }
    html += u"</table>"_s;
    if (o) {
        html += u"<h3>"_s % tr("Levers") % u"</h3><ul>"_s;
        for (const core::cost::LeverEffect &l : o->levers) {
            const bool fits = s.leversThatFit.contains(l.label);
            html += u"<li>"_s % l.label.toHtmlEscaped() % u": "_s
                % (l.savingsUsd >= 0 ? tr("saves %1").arg(core::util::formatUsd(l.savingsUsd, 2))
                                     : tr("costs %1 more").arg(core::util::formatUsd(-l.savingsUsd, 2)))
                % (fits ? u" — <b>"_s % tr("alone brings it under budget") % u"</b>"_s : QString()) % u"</li>"_s;
        }
        html += u"</ul><p>"_s
            % tr("All levers together: %1 a month%2.")
                  .arg(core::util::formatUsd(o->after.monthlyUsd, 2),
                       s.hasBudget ? (s.allLeversFit ? tr(", under budget") : tr(", still over budget")) : QString())
            % u"</p>"_s;
    }
    m_details->setHtml(html);
}

void ScenariosPage::showComparison()
{
    QList<Entry> selected;
    const QList<QListWidgetItem *> items = m_list->selectedItems();
    for (const QListWidgetItem *item : items) {
        for (const Entry &e : std::as_const(m_entries)) {
            if (e.key == item->data(Qt::UserRole).toString())
                selected.append(e);
        }
    }
    const QStringList rows = {tr("Option"), tr("Model"), tr("Requests / day"), tr("Tokens in / out"),
                              tr("Cache hit rate"), tr("Batch share"), tr("Monthly cost"), tr("Per 1,000 requests"),
                              tr("Budget"), tr("Verdict"), tr("Cheapest option"), tr("Price date")};
    m_compare->clear();
    m_compare->setRowCount(int(rows.size()));
    m_compare->setColumnCount(int(selected.size()));
    m_compare->setVerticalHeaderLabels(rows);
    QStringList headers;
    for (int c = 0; c < selected.size(); ++c) {
        const Entry &entry = selected.at(c);
        headers.append(entry.name);
        const core::scenario::Workload &w = entry.workload;
        const std::optional<core::cost::Estimate> e = plannedEstimate(w);
        const core::cost::EstimateSet all = m_engine->estimateAll(w);
        const core::cost::Estimate *cheapest = nullptr;
        for (const core::cost::Estimate &x : all.estimates) {
            if (!cheapest || x.monthlyUsd < cheapest->monthlyUsd)
                cheapest = &x;
        }
        const core::report::BudgetStatus s = e ? core::report::budgetStatus(w, *e, std::nullopt)
                                               : core::report::BudgetStatus{};
        const QStringList values = {
            e ? e->optionId : QString(),
            e ? e->modelId : QString(),
            QLocale().toString(w.requestsPerDay, 'f', 0),
            QString::number(w.inputTokensPerRequest) % u" / "_s % QString::number(w.outputTokensPerRequest),
            QString::number(w.cacheHitRate * 100) % u" %"_s,
            QString::number(w.batchShare * 100) % u" %"_s,
            e ? core::util::formatUsd(e->monthlyUsd, 2) : tr("n/a"),
            e ? core::util::formatUsd(e->per1kRequestsUsd, 4) : tr("n/a"),
            s.hasBudget ? core::util::formatUsd(s.budgetUsd, 0) : tr("none"),
            !s.hasBudget ? QString()
                         : (s.fits() ? tr("fits (%1 spare)").arg(core::util::formatUsd(-s.overByUsd, 0))
                                     : tr("over by %1").arg(core::util::formatUsd(s.overByUsd, 0))),
            cheapest ? cheapest->optionId % u" "_s % core::util::formatUsd(cheapest->monthlyUsd, 0) : QString(),
            e ? e->priceAsOf : QString(),
        };
        for (int r = 0; r < values.size(); ++r)
            m_compare->setItem(r, c, new QTableWidgetItem(values.at(r)));
    }
    m_compare->setHorizontalHeaderLabels(headers);
}

QString ScenariosPage::reviewHtml() const
{
    const std::optional<Entry> entry = current();
    if (!entry)
        return tr("<p>Select a scenario to see its budget review.</p>");
    const std::optional<core::cost::Estimate> e = plannedEstimate(entry->workload);
    if (!e)
        return tr("<p>No option can price this workload.</p>");
    core::report::ReviewInput in;
    in.title = entry->name;
    in.workload = entry->workload;
    in.estimate = *e;
    in.optimisation = m_engine->optimise(entry->workload, e->optionId, core::report::defaultLevers());
    in.all = m_engine->estimateAll(entry->workload);
    in.pricesAsOf = m_services.kb->meta().pricesAsOf;
    in.generatedOn = QDate::currentDate().toString(Qt::ISODate);
    return core::report::budgetReviewHtml(in);
}

qint64 ScenariosPage::duplicateCurrent()
{
    const std::optional<Entry> e = current();
    if (!e || !m_store)
        return 0;
    QString error;
    // Named against the use cases too, so a copy never shares a name with one.
    const qint64 id = m_store->save(freeName(e->name), e->workload, e->summary, &error);
    if (id <= 0) {
        message(tr("Not duplicated: %1").arg(error));
        return 0;
    }
    refresh();
    for (const Entry &x : std::as_const(m_entries)) {
        if (x.id == id)
            selectByName(x.name);
    }
    message(tr("Duplicated."));
    return id;
}

bool ScenariosPage::deleteCurrent()
{
    const std::optional<Entry> e = current();
    if (!e || e->shipped || !m_store)
        return false;
    QString error;
    if (!m_store->softDelete(e->id, &error)) {
        message(tr("Not deleted: %1").arg(error));
        return false;
    }
    m_lastDeleted = e->id;
    m_undo->setEnabled(true);
    m_undo->setText(tr("Undo delete of “%1”").arg(e->name));
    refresh();
    message(tr("Deleted “%1”.").arg(e->name));
    return true;
}

bool ScenariosPage::undoDelete()
{
    if (!m_store || m_lastDeleted == 0)
        return false;
    QString error;
    const qint64 restored = m_lastDeleted;
    const bool ok = m_store->undoDelete(restored, &error);
    m_lastDeleted = 0;
    m_undo->setEnabled(false);
    m_undo->setText(tr("Undo delete"));
    refresh();
    for (const Entry &e : std::as_const(m_entries)) {
        if (!e.shipped && e.id == restored)
            selectByName(e.name);
    }
    message(ok ? tr("Restored.") : tr("Not restored: %1").arg(error));
    return ok;
}

bool ScenariosPage::setBudgetForCurrent(double usdPerMonth)
{
    const std::optional<Entry> e = current();
    if (!e || !m_store)
        return false;
    core::scenario::Workload w = e->workload;
    // 0 is "no budget"; anything else, even a negative or non-finite figure, goes to the store's validation
    // so that it is refused with the field named instead of silently clearing the budget.
    w.budgetUsdPerMonth = usdPerMonth == 0 ? std::nullopt : std::optional<double>(usdPerMonth);
    // A shipped use case is read-only: the budget goes on the user's own copy.
    const QString name = e->shipped ? freeName(e->name) : e->name;
    QString error;
    if (m_store->save(name, w, e->summary, &error) <= 0) {
        message(tr("Not saved: %1").arg(error));
        return false;
    }
    refresh();
    selectByName(name);
    message(e->shipped ? tr("Saved as your scenario “%1”.").arg(name) : tr("Budget saved."));
    return true;
}

bool ScenariosPage::importFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        message(tr("Could not read %1: %2").arg(path, f.errorString()));
        return false;
    }
    const core::scenario::WorkloadResult r = core::scenario::workloadFromJson(f.read(4 * 1024 * 1024), path);
    if (!r.ok()) {
        message(tr("Not imported: %1").arg(r.errors.first().toString()));
        return false;
    }
    if (!m_store)
        return false;
    const QString base = r.workload->name.isEmpty() ? QFileInfo(path).completeBaseName() : r.workload->name;
    const QString name = freeName(base);
    QString error;
    if (m_store->save(name, *r.workload, tr("Imported from %1").arg(path), &error) <= 0) {
        message(tr("Not imported: %1").arg(error));
        return false;
    }
    refresh();
    selectByName(name);
    message(tr("Imported “%1”.").arg(name));
    return true;
}

bool ScenariosPage::exportCurrent(const QString &path)
{
    const std::optional<Entry> e = current();
    if (!e)
        return false;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        message(tr("Could not write %1: %2").arg(path, f.errorString()));
        return false;
    }
    core::scenario::Workload w = e->workload;
    w.name = e->name;
    f.write(QJsonDocument(core::scenario::workloadToJson(w)).toJson());
    message(tr("Exported to %1").arg(path));
    return true;
}

bool ScenariosPage::saveReviewHtml(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        message(tr("Could not write %1: %2").arg(path, f.errorString()));
        return false;
    }
    f.write(reviewHtml().toUtf8());
    message(tr("Budget review saved to %1").arg(path));
    return true;
}

bool ScenariosPage::saveReviewPdf(const QString &path)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(96);
    writer.setTitle(tr("Budget review"));
    writer.setCreator(QStringLiteral(LDA_APP_NAME));
    QTextDocument doc;
    doc.setHtml(reviewHtml());
    doc.print(&writer);
    const bool ok = QFileInfo(path).size() > 0;
    message(ok ? tr("Budget review saved to %1").arg(path) : tr("Could not write %1").arg(path));
    return ok;
}

} // namespace lda::ui
