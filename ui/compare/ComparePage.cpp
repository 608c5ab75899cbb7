#include "ComparePage.h"

#include "PageHelpers.h"
#include "cost/CostEngine.h"
#include "decision/Comparison.h"
#include "guide/MarkdownRenderer.h"
#include "kb/KnowledgeBase.h"
#include "models/ComparisonModel.h"
#include "pricing/PriceCatalogue.h"
#include "scenario/Workload.h"
#include "util/TextTable.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextDocument>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace lda::ui {

namespace {

bool writeText(const QString &path, const QString &text, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        *error = QObject::tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QString renderTable(const core::util::Table &table, ComparePage::Format format)
{
    return format == ComparePage::Format::Csv ? core::util::toCsv(table) : core::util::toMarkdownTable(table);
}

} // namespace

ComparePage::ComparePage(const UiServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(pageTitle(tr("Compare deployment options"),
                                tr("Tick the options to compare; criteria on which they differ are highlighted. "
                                   "The second tab lists every model on every option with its price."),
                                this));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"compareTabs"_s);
    m_tabs->addTab(createOptionsTab(), tr("Options side by side"));
    m_tabs->addTab(createModelsTab(), tr("Models and prices"));
    layout->addWidget(m_tabs, 1);
    refresh();
    refreshModelFilter();
}

ComparePage::~ComparePage() = default;

QWidget *ComparePage::createOptionsTab()
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    auto *bar = new QHBoxLayout;
    m_provider = providerCombo(tab);
    m_provider->setObjectName(u"compareCloud"_s);
    m_category = new QComboBox(tab);
    m_category->setObjectName(u"compareCategory"_s);
    m_category->addItem(tr("All criteria"), QString());
    const QStringList categories = core::decision::criterionCategories(m_services.kb->criteria());
    for (const QString &c : categories)
        m_category->addItem(c.left(1).toUpper() % c.mid(1), c);
    m_differencesOnly = new QCheckBox(tr("Show &differences only"), tab);
    m_differencesOnly->setObjectName(u"compareDifferencesOnly"_s);
    auto *exportButton = new QPushButton(tr("Export CSV / Markdown…"), tab);
    auto *print = new QPushButton(tr("Print…"), tab);
    bar->addWidget(new QLabel(tr("Cloud:"), tab));
    bar->addWidget(m_provider);
    bar->addWidget(new QLabel(tr("Criteria:"), tab));
    bar->addWidget(m_category);
    bar->addWidget(m_differencesOnly);
    bar->addStretch();
    bar->addWidget(exportButton);
    bar->addWidget(print);
    layout->addLayout(bar);

    auto *splitter = new QSplitter(tab);
    m_optionChecks = new QListWidget(splitter);
    m_optionChecks->setObjectName(u"compareOptionChecks"_s);
    m_optionChecks->setAccessibleName(tr("Options to compare"));
    const QList<core::kb::DeploymentOption> options = m_services.kb->options();
    for (const core::kb::DeploymentOption &o : options) {
        auto *item = new QListWidgetItem(o.name, m_optionChecks);
        item->setData(Qt::UserRole, o.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
        item->setToolTip(o.summary);
    }
    m_model = new ComparisonModel(this);
    m_view = new QTableView(splitter);
    m_view->setObjectName(u"compareTable"_s);
    m_view->setModel(m_model);
    m_view->setWordWrap(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    // Long option names wrap in the header instead of being cut off.
    m_view->horizontalHeader()->setDefaultAlignment(
        Qt::Alignment::fromInt(int(Qt::AlignCenter) | int(Qt::TextWordWrap)));
    m_view->horizontalHeader()->setMinimumHeight(m_view->fontMetrics().height() * 4 + 8);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Criterion names wrap in a narrow row header, so the options get the width.
    m_view->verticalHeader()->setDefaultAlignment(
        Qt::Alignment::fromInt(int(Qt::AlignLeft) | int(Qt::AlignVCenter) | int(Qt::TextWordWrap)));
    m_view->verticalHeader()->setMaximumWidth(m_view->fontMetrics().averageCharWidth() * 18);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 6);
    splitter->setSizes({190, 1000});
    layout->addWidget(splitter, 1);

    // Double-clicking an option's column header opens its section of the guide.
    connect(m_view->horizontalHeader(), &QHeaderView::sectionDoubleClicked, this, [this](int section) {
        if (section >= 0 && section < m_model->options().size() && !m_model->options().at(section).guide.isEmpty())
            Q_EMIT guideRequested(m_model->options().at(section).guide);
    });
    connect(m_provider, &QComboBox::currentIndexChanged, this, &ComparePage::refresh);
    connect(m_category, &QComboBox::currentIndexChanged, this, &ComparePage::refresh);
    connect(m_differencesOnly, &QCheckBox::toggled, this, &ComparePage::refresh);
    connect(m_optionChecks, &QListWidget::itemChanged, this, &ComparePage::refresh);
    connect(exportButton, &QPushButton::clicked, this, [this]() { exportWithDialog(true); });
    connect(print, &QPushButton::clicked, this, [this]() { printWithDialog(true); });
    return tab;
}

QWidget *ComparePage::createModelsTab()
{
    auto *tab = new QWidget(this);
    auto *layout = new QVBoxLayout(tab);
    auto *bar = new QHBoxLayout;
    m_search = new QLineEdit(tab);
    m_search->setObjectName(u"modelPriceSearch"_s);
    m_search->setPlaceholderText(tr("Search models, vendors and options…"));
    m_search->setClearButtonEnabled(true);
    m_priceProvider = providerCombo(tab);
    const auto spin = [tab](int max, int value, const QString &suffix, const QString &name) {
        auto *s = new QSpinBox(tab);
        s->setRange(0, max);
        s->setValue(value);
        s->setSuffix(suffix);
        s->setGroupSeparatorShown(true);
        s->setObjectName(name);
        return s;
    };
    // The same limits as a workload file (and the Costs page), so the two pages and the CLI agree.
    m_requestsPerDay = spin(int(core::scenario::MaxRequestsPerDay), 10'000, tr(" req/day"), u"workloadRequests"_s);
    m_inputTokens = spin(int(core::scenario::MaxTokensPerRequest), 1'500, tr(" in"), u"workloadInput"_s);
    m_outputTokens = spin(int(core::scenario::MaxTokensPerRequest), 400, tr(" out"), u"workloadOutput"_s);
    auto *csv = new QPushButton(tr("Export CSV / Markdown…"), tab);
    auto *print = new QPushButton(tr("Print…"), tab);
    bar->addWidget(m_search, 2);
    bar->addWidget(m_priceProvider);
    bar->addWidget(new QLabel(tr("My workload:"), tab));
    bar->addWidget(m_requestsPerDay);
    bar->addWidget(m_inputTokens);
    bar->addWidget(m_outputTokens);
    bar->addWidget(csv);
    bar->addWidget(print);
    layout->addLayout(bar);
    QLabel *workloadProblem = numberProblemLabel(tab);
    layout->addWidget(workloadProblem);
    watchNumberField(m_requestsPerDay, tr("Requests per day"), workloadProblem);
    watchNumberField(m_inputTokens, tr("Input tokens per request"), workloadProblem);
    watchNumberField(m_outputTokens, tr("Output tokens per request"), workloadProblem);

    m_prices = new ModelPriceModel(this);
    m_priceProxy = new ModelPriceProxy(this);
    m_priceProxy->setSourceModel(m_prices);
    m_priceProxy->setDynamicSortFilter(true);
    m_priceView = new QTableView(tab);
    m_priceView->setObjectName(u"modelPriceTable"_s);
    m_priceView->setModel(m_priceProxy);
    m_priceView->setSortingEnabled(true);
    m_priceView->sortByColumn(0, Qt::AscendingOrder);
    m_priceView->setAlternatingRowColors(true);
    m_priceView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_priceView->horizontalHeader()->setStretchLastSection(true);
    m_priceView->verticalHeader()->hide();
    layout->addWidget(m_priceView, 1);
    auto *note = new QLabel(tr("Cost for my workload: the cost engine's monthly estimate of this model on this option "
                               "(per-token price × tokens where it does not price the option); unknown without a "
                               "published per-token price."),
                            tab);
    note->setWordWrap(true);
    layout->addWidget(note);

    if (m_services.prices)
        m_engine = std::make_unique<core::cost::CostEngine>(
            core::cost::PricingData::load(*m_services.kb, *m_services.prices));
    const QList<core::pricing::Price> prices = m_services.prices
        ? m_services.prices->resolvedPrices()
        : core::pricing::PriceCatalogue(*m_services.kb, nullptr).resolvedPrices();
    m_prices->setRows(core::decision::modelPriceRows(m_services.kb->models(), m_services.kb->options(), prices));
    recomputeWorkloadCosts();
    m_priceView->resizeColumnsToContents();
    m_priceView->setColumnWidth(int(core::decision::ModelPriceColumn::Option), 230);

    connect(m_search, &QLineEdit::textChanged, this, &ComparePage::refreshModelFilter);
    connect(m_priceProvider, &QComboBox::currentIndexChanged, this, &ComparePage::refreshModelFilter);
    for (QSpinBox *s : {m_requestsPerDay, m_inputTokens, m_outputTokens})
        connect(s, &QSpinBox::valueChanged, this, &ComparePage::recomputeWorkloadCosts);
    connect(csv, &QPushButton::clicked, this, [this]() { exportWithDialog(false); });
    connect(print, &QPushButton::clicked, this, [this]() { printWithDialog(false); });
    return tab;
}

void ComparePage::setChosenOptions(const QStringList &optionIds)
{
    const QSignalBlocker blocker(m_optionChecks);
    for (int i = 0; i < m_optionChecks->count(); ++i) {
        QListWidgetItem *item = m_optionChecks->item(i);
        const bool on = optionIds.isEmpty() || optionIds.contains(item->data(Qt::UserRole).toString());
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
    m_provider->setCurrentIndex(0);
    refresh();
}

QStringList ComparePage::chosenOptions() const
{
    QStringList ids;
    for (int i = 0; i < m_optionChecks->count(); ++i) {
        if (m_optionChecks->item(i)->checkState() == Qt::Checked)
            ids.append(m_optionChecks->item(i)->data(Qt::UserRole).toString());
    }
    return ids;
}

void ComparePage::showOptionsTab()
{
    m_tabs->setCurrentIndex(0);
}

void ComparePage::refresh()
{
    const QString provider = m_provider->currentData().toString();
    const QStringList chosen = chosenOptions();
    const QList<core::kb::DeploymentOption> options =
        chosen.isEmpty() ? QList<core::kb::DeploymentOption>()
                         : core::decision::selectOptions(m_services.kb->options(), chosen, provider);
    core::decision::ComparisonFilter filter;
    filter.category = m_category->currentData().toString();
    filter.differencesOnly = m_differencesOnly->isChecked();
    m_model->setRows(options, core::decision::comparisonRows(options, m_services.kb->criteria(), filter));
}

void ComparePage::refreshModelFilter()
{
    m_priceProxy->setFilter({m_search->text(), m_priceProvider->currentData().toString(), {}});
}

void ComparePage::recomputeWorkloadCosts()
{
    core::scenario::Workload w;
    w.requestsPerDay = m_requestsPerDay->value();
    w.inputTokensPerRequest = m_inputTokens->value();
    w.outputTokensPerRequest = m_outputTokens->value();
    QList<std::optional<double>> costs;
    for (const core::decision::ModelPriceRow &r : m_prices->rows())
        costs.append(core::decision::workloadCost(r, w, m_engine.get()));
    m_prices->setWorkloadCosts(costs);
}

QString ComparePage::comparisonMarkdown() const
{
    return core::util::toMarkdownTable(core::decision::comparisonTable(m_model->options(), m_model->rows()));
}

QString ComparePage::modelPricesMarkdown() const
{
    return core::util::toMarkdownTable(core::decision::modelPriceTable(m_priceProxy->visibleRows()));
}

bool ComparePage::exportComparison(const QString &path, Format format, QString *error) const
{
    return writeText(path, renderTable(core::decision::comparisonTable(m_model->options(), m_model->rows()), format),
                     error);
}

bool ComparePage::exportModelPrices(const QString &path, Format format, QString *error) const
{
    return writeText(path, renderTable(core::decision::modelPriceTable(m_priceProxy->visibleRows()), format), error);
}

void ComparePage::exportWithDialog(bool comparison)
{
    QString selected;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export table"),
                                                      comparison ? u"comparison.csv"_s : u"models-and-prices.csv"_s,
                                                      tr("CSV (*.csv);;Markdown (*.md)"), &selected);
    if (path.isEmpty())
        return;
    const Format format = path.endsWith(u".md"_s) || selected.contains(u"*.md"_s) ? Format::Markdown : Format::Csv;
    QString error;
    const bool ok = comparison ? exportComparison(path, format, &error) : exportModelPrices(path, format, &error);
    if (!ok)
        QMessageBox::warning(this, tr("Export"), error);
}

void ComparePage::printWithDialog(bool comparison)
{
    QPrinter printer;
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QTextDocument doc;
    doc.setHtml(core::guide::renderMarkdown(comparison ? comparisonMarkdown() : modelPricesMarkdown()).html);
    doc.print(&printer);
}

} // namespace lda::ui
