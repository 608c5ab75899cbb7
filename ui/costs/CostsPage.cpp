#include "CostsPage.h"

#include "PageHelpers.h"
#include "cost/EstimateExport.h"
#include "kb/KnowledgeBase.h"
#include "kb/UserDatabase.h"
#include "pricing/PriceCatalogue.h"
#include "report/BudgetReview.h"
#include "scenario/ScenarioStore.h"
#include "util/TextTable.h"

#include <QBarCategoryAxis>
#include <QHash>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGraphicsLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineEdit>
#include <QLineSeries>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScatterSeries>
#include <QScrollArea>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedBarSeries>
#include <QStandardItemModel>
#include <QSvgGenerator>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

using namespace Qt::StringLiterals;

namespace lda::ui {

namespace {

// Nothing non-finite or negative ever reaches a chart.
double safe(double v)
{
    return std::isfinite(v) && v > 0 ? v : 0.0;
}

QString itemLabel(const QString &item)
{
    static const QHash<QString, QString> labels = {
        {u"input_tokens"_s, CostsPage::tr("Input tokens")},
        {u"cached_input_tokens"_s, CostsPage::tr("Cached input")},
        {u"output_tokens"_s, CostsPage::tr("Output tokens")},
        {u"provisioned_throughput"_s, CostsPage::tr("Provisioned throughput")},
        {u"compute"_s, CostsPage::tr("GPU compute")},
        {u"storage"_s, CostsPage::tr("Storage")},
        {u"networking"_s, CostsPage::tr("Networking")},
        {u"monitoring"_s, CostsPage::tr("Monitoring")},
        {u"other"_s, CostsPage::tr("Other")},
    };
    return labels.value(item, item);
}

QColor itemColour(const QString &item)
{
    static const QHash<QString, QColor> colours = {
        {u"input_tokens"_s, QColor(0x1f, 0x77, 0xb4)},  {u"cached_input_tokens"_s, QColor(0x9e, 0xc9, 0xe2)},
        {u"output_tokens"_s, QColor(0xff, 0x7f, 0x0e)}, {u"provisioned_throughput"_s, QColor(0x94, 0x67, 0xbd)},
        {u"compute"_s, QColor(0x2c, 0xa0, 0x2c)},       {u"storage"_s, QColor(0x8c, 0x56, 0x4b)},
        {u"networking"_s, QColor(0xe3, 0x77, 0xc2)},    {u"monitoring"_s, QColor(0x7f, 0x7f, 0x7f)},
        {u"other"_s, QColor(0xbc, 0xbd, 0x22)},
    };
    return colours.value(item, Qt::darkGray);
}

QString usd(double v)
{
    return core::util::formatUsd(v, v < 100 ? 2 : 0);
}

QDoubleSpinBox *spin(QWidget *parent, double min, double max, int decimals, const QString &suffix = {},
                     const QString &special = {})
{
    auto *s = new QDoubleSpinBox(parent);
    s->setRange(min, max);
    s->setDecimals(decimals);
    s->setSuffix(suffix);
    s->setKeyboardTracking(true);
    s->setGroupSeparatorShown(true);
    if (!special.isEmpty())
        s->setSpecialValueText(special);
    return s;
}

QChartView *chartView(const QString &objectName, QWidget *parent)
{
    auto *chart = new QChart;
    chart->setObjectName(objectName);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setObjectName(objectName % u"View"_s);
    return view;
}

QLineSeries *budgetLine(QChart *chart, double budget, double x0, double x1)
{
    auto *line = new QLineSeries(chart);
    line->setName(CostsPage::tr("Budget %1").arg(core::util::formatUsd(budget, 0)));
    QPen pen(QColor(0xc6, 0x28, 0x28));
    pen.setWidth(2);
    pen.setStyle(Qt::DashLine);
    line->setPen(pen);
    line->append(x0, budget);
    line->append(x1, budget);
    return line;
}

// What QValueAxis::setRange(0, max) followed by applyNiceNumbers() ends with (the "loose nice numbers" of
// QtCharts: a range and step of 1, 2 or 5 x 10^n, the tick count following from them), applied only where
// it differs. Each range change makes QtCharts lay out every axis label again, twice with
// applyNiceNumbers(); while the volume slider is dragged the nice range mostly stays the same.
// 1, 2 or 5 x 10^n: rounded up (ceiling) or to the nearest.
double niceNumber(double x, bool ceiling)
{
    const double z = std::pow(10.0, std::floor(std::log10(x)));
    const double q = x / z;
    if (ceiling)
        return (q <= 1.0 ? 1.0 : q <= 2.0 ? 2.0 : q <= 5.0 ? 5.0 : 10.0) * z;
    return (q < 1.5 ? 1.0 : q < 3.0 ? 2.0 : q < 7.0 ? 5.0 : 10.0) * z;
}

void setNiceRange(QValueAxis *axis, double max)
{
    double lo = 0;
    double hi = max > 0 && std::isfinite(max) ? max : 1;
    const double step = niceNumber(niceNumber(hi - lo, true) / (axis->tickCount() - 1), false);
    lo = std::floor(lo / step);
    hi = std::ceil(hi / step);
    const int ticks = int(hi - lo) + 1;
    lo *= step;
    hi *= step;
    if (axis->min() != lo || axis->max() != hi)
        axis->setRange(lo, hi);
    if (axis->tickCount() != ticks)
        axis->setTickCount(ticks);
}

// Setting a chart's title re-lays out its rich text even when it is the same.
void setTitle(QChart *chart, const QString &title)
{
    if (chart->title() != title)
        chart->setTitle(title);
}

// Clicking a legend entry hides or shows its series; the entry stays, greyed out.
void makeLegendToggle(QChart *chart, QObject *context, const std::function<void(QLegendMarker *)> &onClick)
{
    const QList<QLegendMarker *> markers = chart->legend()->markers();
    for (QLegendMarker *m : markers) {
        QObject::connect(m, &QLegendMarker::clicked, context, [m, onClick]() { onClick(m); });
    }
}

} // namespace

CostsPage::CostsPage(const UiServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
{
    m_engine = std::make_unique<core::cost::CostEngine>(
        core::cost::PricingData::load(*services.kb, *services.prices));
    const QList<core::kb::DeploymentOption> options = services.kb->options();
    for (const core::kb::DeploymentOption &o : options)
        m_optionsById.insert(o.id, o);
    m_recomputeTimer = new QTimer(this);
    m_recomputeTimer->setSingleShot(true);
    m_recomputeTimer->setInterval(0);
    connect(m_recomputeTimer, &QTimer::timeout, this, &CostsPage::recompute);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(pageTitle(tr("Costs"),
                                tr("Price a workload on every option: per token, provisioned throughput or "
                                   "self-hosted GPUs, with break-even volumes, optimisation levers and your budget. "
                                   "Every figure lists its assumptions and price date."),
                                this));
    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(u"costTabs"_s);
    auto *estimate = new QSplitter(Qt::Horizontal, tabs);
    estimate->addWidget(createEditor());
    estimate->addWidget(createCharts());
    estimate->setStretchFactor(0, 0);
    estimate->setStretchFactor(1, 1);
    estimate->setSizes({430, 900});
    tabs->addTab(estimate, tr("Estimate"));
    tabs->addTab(createGpuTab(), tr("GPU rates"));
    tabs->addTab(createThroughputTab(), tr("Throughput basis"));
    layout->addWidget(tabs, 1);

    // Start from the guide's first use case, so the page opens with real figures.
    const QList<core::kb::UseCase> useCases = services.kb->useCases();
    core::scenario::Workload start;
    start.name = tr("New workload");
    start.requestsPerDay = 10000;
    start.inputTokensPerRequest = 1500;
    start.outputTokensPerRequest = 400;
    if (!useCases.isEmpty()) {
        const core::scenario::WorkloadResult r = core::scenario::workloadFromJson(useCases.first().workloadJson.toUtf8());
        if (r.ok()) {
            start = *r.workload;
            start.option = useCases.first().optionId;
        }
    }
    setWorkload(start);
}

CostsPage::~CostsPage() = default;

QWidget *CostsPage::createEditor()
{
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(360);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *box = new QWidget(scroll);
    auto *v = new QVBoxLayout(box);

    auto *workloadBox = new QGroupBox(tr("Workload"), box);
    auto *form = new QFormLayout(workloadBox);
    m_name = new QLineEdit(workloadBox);
    m_name->setObjectName(u"workloadName"_s);
    form->addRow(tr("Name"), m_name);
    m_model = new QComboBox(workloadBox);
    m_model->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_model->setMinimumContentsLength(14);
    m_model->setObjectName(u"workloadModel"_s);
    m_model->addItem(tr("(any: nearest price per option)"), QString());
    const QList<core::kb::Model> models = m_services.kb->models();
    for (const core::kb::Model &m : models)
        m_model->addItem(m.name % u"  ("_s % m.id % u')', m.id);
    m_model->setMaxVisibleItems(20);
    form->addRow(tr("Model"), m_model);
    m_requests = spin(workloadBox, 0, core::scenario::MaxRequestsPerDay, 0);
    m_requests->setObjectName(u"requestsPerDay"_s);
    form->addRow(tr("Requests / day"), m_requests);
    m_volumeSlider = new QSlider(Qt::Horizontal, workloadBox);
    m_volumeSlider->setObjectName(u"volumeSlider"_s);
    m_volumeSlider->setRange(0, 1000); // log scale: 1 .. 10 million requests/day
    m_volumeSlider->setToolTip(tr("Drag to change the volume (logarithmic, 1 to 10 million requests a day)"));
    form->addRow(QString(), m_volumeSlider);
    m_input = spin(workloadBox, 0, core::scenario::MaxTokensPerRequest, 0);
    m_input->setObjectName(u"inputTokens"_s);
    form->addRow(tr("Input tokens / request"), m_input);
    m_output = spin(workloadBox, 0, core::scenario::MaxTokensPerRequest, 0);
    m_output->setObjectName(u"outputTokens"_s);
    form->addRow(tr("Output tokens / request"), m_output);
    m_days = spin(workloadBox, 1, 31, 0);
    form->addRow(tr("Days / month"), m_days);
    m_peak = spin(workloadBox, 0, 1e6, 1, tr(" /s"), tr("none"));
    m_peak->setToolTip(tr("Peak requests per second; sizes GPUs and provisioned units (none = the average rate)"));
    form->addRow(tr("Peak requests"), m_peak);
    m_cache = spin(workloadBox, 0, 100, 1, u" %"_s);
    m_cache->setObjectName(u"cacheHitRate"_s);
    form->addRow(tr("Cache hit rate"), m_cache);
    m_batch = spin(workloadBox, 0, 100, 1, u" %"_s);
    form->addRow(tr("Batch share"), m_batch);
    m_deployment = new QComboBox(workloadBox);
    m_deployment->addItem(tr("Global (cross-region)"), u"global"_s);
    m_deployment->addItem(tr("Regional / data zone (+premium)"), u"regional"_s);
    form->addRow(tr("Deployment"), m_deployment);
    m_term = new QComboBox(workloadBox);
    m_term->addItem(tr("Pay per token"), QString());
    for (const QString &t : core::scenario::provisionedTerms())
        m_term->addItem(tr("Provisioned, %1").arg(t), t);
    m_term->setToolTip(tr("Price managed options with provisioned throughput (Azure PTU, Vertex GSU) where the "
                          "knowledge base has a rate with capacity for the model"));
    form->addRow(tr("Managed pricing"), m_term);
    m_budget = spin(workloadBox, 0, core::scenario::MaxUsdPerMonth, 0, QString(), tr("none"));
    m_budget->setPrefix(u"$"_s);
    m_budget->setObjectName(u"budget"_s);
    form->addRow(tr("Monthly budget"), m_budget);
    v->addWidget(workloadBox);

    auto *selfBox = new QGroupBox(tr("Self-hosted GPUs"), box);
    auto *sf = new QFormLayout(selfBox);
    m_instance = new QComboBox(selfBox);
    m_instance->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_instance->setMinimumContentsLength(14);
    m_instance->addItem(tr("(sized from the throughput table)"), QString());
    const QList<core::kb::GpuInstance> gpus = m_services.kb->gpuInstances();
    for (const core::kb::GpuInstance &g : gpus)
        m_instance->addItem(g.id % u"  ("_s % QString::number(g.gpuCount) % u"x "_s % g.gpuModel % u')', g.id);
    sf->addRow(tr("Instance"), m_instance);
    m_count = new QSpinBox(selfBox);
    m_count->setRange(0, 100000);
    m_count->setSpecialValueText(tr("auto"));
    sf->addRow(tr("Instances"), m_count);
    m_hours = spin(selfBox, 0, 24, 1, tr(" h/day"));
    sf->addRow(tr("Running"), m_hours);
    m_pricing = new QComboBox(selfBox);
    for (const QString &p : core::scenario::selfHostedPricings())
        m_pricing->addItem(p, p);
    sf->addRow(tr("Pricing"), m_pricing);
    m_utilisation = spin(selfBox, 1, 100, 0, u" %"_s);
    m_utilisation->setToolTip(tr("Average load as a share of the capacity bought (FACTS: 20-40% is typical)"));
    sf->addRow(tr("Utilisation"), m_utilisation);
    v->addWidget(selfBox);

    auto *overBox = new QGroupBox(tr("Fixed overheads (USD / month)"), box);
    auto *of = new QFormLayout(overBox);
    m_storage = spin(overBox, 0, core::scenario::MaxUsdPerMonth, 2);
    m_networking = spin(overBox, 0, core::scenario::MaxUsdPerMonth, 2);
    m_monitoring = spin(overBox, 0, core::scenario::MaxUsdPerMonth, 2);
    m_other = spin(overBox, 0, core::scenario::MaxUsdPerMonth, 2);
    of->addRow(tr("Storage"), m_storage);
    of->addRow(tr("Networking"), m_networking);
    of->addRow(tr("Monitoring"), m_monitoring);
    of->addRow(tr("Other"), m_other);
    v->addWidget(overBox);

    auto *jsonBox = new QGroupBox(tr("Workload file (JSON, checked as you type)"), box);
    auto *jv = new QVBoxLayout(jsonBox);
    m_json = new QPlainTextEdit(jsonBox);
    m_json->setObjectName(u"workloadJson"_s);
    m_json->setMinimumHeight(140);
    m_json->setFont(QFont(u"monospace"_s));
    jv->addWidget(m_json);
    m_validation = new QLabel(jsonBox);
    m_validation->setObjectName(u"workloadValidation"_s);
    m_validation->setWordWrap(true);
    jv->addWidget(m_validation);
    v->addWidget(jsonBox);

    auto *buttons = new QGridLayout;
    auto *save = new QPushButton(tr("Save as scenario…"), box);
    auto *import = new QPushButton(tr("Import…"), box);
    auto *exportJson = new QPushButton(tr("Export…"), box);
    auto *exportChart = new QPushButton(tr("Chart as PNG/SVG…"), box);
    auto *exportCsvButton = new QPushButton(tr("Data as CSV…"), box);
    buttons->addWidget(save, 0, 0);
    buttons->addWidget(import, 0, 1);
    buttons->addWidget(exportJson, 0, 2);
    buttons->addWidget(exportChart, 1, 0, 1, 2);
    buttons->addWidget(exportCsvButton, 1, 2);
    v->addLayout(buttons);
    m_status = new QLabel(box);
    m_status->setWordWrap(true);
    v->addWidget(m_status);
    v->addStretch(1);
    scroll->setWidget(box);

    connect(save, &QPushButton::clicked, this, &CostsPage::saveScenario);
    connect(import, &QPushButton::clicked, this, &CostsPage::importWorkload);
    connect(exportJson, &QPushButton::clicked, this, &CostsPage::exportWorkload);
    connect(exportChart, &QPushButton::clicked, this, &CostsPage::exportChartInteractive);
    connect(exportCsvButton, &QPushButton::clicked, this, &CostsPage::exportCsvInteractive);

    for (QDoubleSpinBox *s : {m_requests, m_input, m_output, m_days, m_peak, m_cache, m_batch, m_budget, m_hours,
                              m_utilisation, m_storage, m_networking, m_monitoring, m_other})
        connect(s, &QDoubleSpinBox::valueChanged, this, &CostsPage::formChanged);
    for (QComboBox *c : {m_model, m_deployment, m_term, m_instance, m_pricing})
        connect(c, &QComboBox::currentIndexChanged, this, &CostsPage::formChanged);
    connect(m_count, &QSpinBox::valueChanged, this, &CostsPage::formChanged);
    connect(m_name, &QLineEdit::textEdited, this, &CostsPage::formChanged);
    // An emptied or half-typed number is named under its field; the figures keep the last valid value.
    for (QFormLayout *f : {form, sf, of})
        watchFormNumberFields(f, [this]() { formChanged(); });
    connect(m_json, &QPlainTextEdit::textChanged, this, &CostsPage::jsonEdited);
    connect(m_volumeSlider, &QSlider::valueChanged, this, [this](int value) {
        if (m_loading)
            return;
        m_requests->setValue(std::round(std::pow(10.0, value / 1000.0 * 7.0)));
    });
    return scroll;
}

QWidget *CostsPage::createCharts()
{
    auto *box = new QWidget(this);
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    m_chartTabs = new QTabWidget(box);
    m_chartTabs->setObjectName(u"chartTabs"_s);
    m_optionView = chartView(u"costByOptionChart"_s, m_chartTabs);
    // Eight line items do not fit in one row under the bars at the default width: list them beside the chart.
    m_optionView->chart()->legend()->setAlignment(Qt::AlignRight);
    m_volumeView = chartView(u"costVsVolumeChart"_s, m_chartTabs);
    m_volumeView->chart()->legend()->setAlignment(Qt::AlignRight);
    m_chartTabs->addTab(m_optionView, tr("Cost by option"));
    m_chartTabs->addTab(m_volumeView, tr("Cost vs volume"));

    auto *opt = new QWidget(m_chartTabs);
    auto *ov = new QVBoxLayout(opt);
    auto *controls = new QHBoxLayout;
    m_optOption = new QComboBox(opt);
    m_optOption->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_optOption->setMinimumContentsLength(14);
    m_optOption->setObjectName(u"optimisationOption"_s);
    controls->addWidget(new QLabel(tr("Option"), opt));
    controls->addWidget(m_optOption, 1);
    const core::cost::Levers defaults = core::report::defaultLevers();
    m_leverCache = spin(opt, 0, 100, 0, u" %"_s);
    m_leverCache->setValue(*defaults.cacheHitRate * 100);
    m_leverCache->setToolTip(tr("Prompt caching: share of input tokens read from the cache"));
    m_leverBatch = spin(opt, 0, 100, 0, u" %"_s);
    m_leverBatch->setValue(*defaults.batchShare * 100);
    m_leverBatch->setToolTip(tr("Share of requests sent through the batch API"));
    m_leverRoute = spin(opt, 0, 100, 0, u" %"_s);
    m_leverRoute->setValue(defaults.routeShare * 100);
    m_leverRoute->setToolTip(tr("Share of requests routed to a cheaper model"));
    m_leverRouteModel = new QComboBox(opt);
    m_leverRouteModel->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_leverRouteModel->setMinimumContentsLength(14);
    m_leverRouteModel->setToolTip(tr("The cheaper model (default: the cheapest of the same vendor here)"));
    m_leverCommitment = new QComboBox(opt);
    m_leverCommitment->addItem(tr("no commitment"), QString());
    m_leverCommitment->addItem(tr("1-year"), u"1y"_s);
    m_leverCommitment->addItem(tr("3-year"), u"3y"_s);
    m_leverCommitment->setCurrentIndex(1);
    auto *levers = new QHBoxLayout;
    levers->addWidget(new QLabel(tr("Cache"), opt));
    levers->addWidget(m_leverCache);
    levers->addWidget(new QLabel(tr("Batch"), opt));
    levers->addWidget(m_leverBatch);
    levers->addWidget(new QLabel(tr("Route"), opt));
    levers->addWidget(m_leverRoute);
    levers->addWidget(m_leverRouteModel, 1);
    auto *commitRow = new QHBoxLayout;
    commitRow->addWidget(new QLabel(tr("Commitment"), opt));
    commitRow->addWidget(m_leverCommitment);
    commitRow->addStretch(1);
    ov->addLayout(controls);
    ov->addLayout(levers);
    ov->addLayout(commitRow);
    m_optView = chartView(u"optimisationChart"_s, opt);
    ov->addWidget(m_optView, 1);
    m_optSummary = new QLabel(opt);
    m_optSummary->setWordWrap(true);
    ov->addWidget(m_optSummary);
    m_leverTable = new QTableWidget(opt);
    m_leverTable->setObjectName(u"leverTable"_s);
    m_leverTable->setColumnCount(2);
    m_leverTable->setHorizontalHeaderLabels({tr("Lever"), tr("Saving / month (alone)")});
    m_leverTable->horizontalHeader()->setStretchLastSection(true);
    m_leverTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_leverTable->verticalHeader()->hide();
    m_leverTable->setMaximumHeight(130);
    m_leverTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    ov->addWidget(m_leverTable);
    m_chartTabs->addTab(opt, tr("Optimisation"));
    const auto leversChanged = [this]() {
        if (m_loading)
            return;
        m_stale.insert(2);
        updateVisibleChart();
    };
    for (QDoubleSpinBox *s : {m_leverCache, m_leverBatch, m_leverRoute})
        connect(s, &QDoubleSpinBox::valueChanged, this, leversChanged);
    for (QComboBox *c : {m_optOption, m_leverRouteModel, m_leverCommitment})
        connect(c, &QComboBox::currentIndexChanged, this, leversChanged);
    connect(m_chartTabs, &QTabWidget::currentChanged, this, &CostsPage::updateVisibleChart);

    v->addWidget(m_chartTabs, 3);
    m_details = new QTableWidget(box);
    m_details->setObjectName(u"estimateTable"_s);
    m_details->setColumnCount(6);
    m_details->setHorizontalHeaderLabels(
        {tr("Option"), tr("Model"), tr("How"), tr("USD / month"), tr("Per 1,000 requests"), tr("Prices as of")});
    m_details->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_details->horizontalHeader()->setStretchLastSection(true);
    m_details->verticalHeader()->hide();
    m_details->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_details->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_details->setToolTip(tr("Hover a row for its assumptions"));
    v->addWidget(m_details, 2);
    return box;
}

QWidget *CostsPage::createGpuTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(wrappedLabel(tr("GPU instances for self-hosted models: hourly rates and the monthly cost of one "
                                    "instance running all month (730 hours). Hover a row for its source."),
                                 page));
    auto *model = new QStandardItemModel(page);
    model->setHorizontalHeaderLabels({tr("Instance"), tr("Cloud"), tr("GPUs"), tr("GPU memory"), tr("On-demand $/h"),
                                      tr("Per month"), tr("Spot $/h"), tr("3-year $/h"), tr("As of")});
    const QList<core::kb::GpuInstance> gpus = m_services.kb->gpuInstances();
    const auto cell = [](const QString &text, const QString &tip) {
        auto *item = new QStandardItem(text);
        item->setEditable(false);
        item->setToolTip(tip);
        return item;
    };
    for (const core::kb::GpuInstance &g : gpus) {
        const QString tip = tr("Source: %1\nRegion: %2, confidence %3%4")
                                .arg(g.source, g.region, g.confidence, g.note.isEmpty() ? QString() : u"\n"_s % g.note);
        const auto rate = [](const std::optional<double> &v) {
            return v ? core::util::formatUsd(*v, 3) : QObject::tr("—");
        };
        model->appendRow({cell(g.name, tip), cell(providerName(g.provider), tip),
                          cell(QString::number(g.gpuCount) % u" × "_s % g.gpuModel, tip),
                          cell(QString::number(g.gpuMemoryGb) % u" GB"_s, tip),
                          cell(core::util::formatUsd(g.onDemandHour, 3), tip),
                          cell(core::util::formatUsd(g.onDemandHour * core::cost::HoursPerMonth, 0), tip),
                          cell(rate(g.spotHour), tip), cell(rate(g.ri3yHour), tip), cell(g.asOf, tip)});
    }
    auto *view = new QTableView(page);
    view->setObjectName(u"gpuTable"_s);
    auto *proxy = new QSortFilterProxyModel(page);
    proxy->setSourceModel(model);
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(view, 1);
    return page;
}

QWidget *CostsPage::createThroughputTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(wrappedLabel(tr("<b>Throughput basis</b> — sustained output tokens per second per instance at an "
                                    "interactive operating point (vLLM); the range is the spread of the evidence. "
                                    "The calculator sizes self-hosted options from these rows at the utilisation "
                                    "you set."),
                                 page));
    auto *tmodel = new QStandardItemModel(page);
    tmodel->setHorizontalHeaderLabels({tr("Model size"), tr("GPUs"), tr("Tokens/s"), tr("Range"), tr("Basis")});
    const QList<core::kb::ThroughputRow> rows = m_services.kb->throughput();
    for (const core::kb::ThroughputRow &t : rows) {
        QList<QStandardItem *> items = {new QStandardItem(t.sizeClass),
                                        new QStandardItem(QString::number(t.gpuCount) % u" × "_s % t.gpuModel),
                                        new QStandardItem(QString::number(t.tokensPerSecond)),
                                        new QStandardItem(QString::number(t.low) % u"–"_s % QString::number(t.high)),
                                        new QStandardItem(t.basis)};
        for (QStandardItem *i : items) {
            i->setEditable(false);
            i->setToolTip(t.source);
        }
        tmodel->appendRow(items);
    }
    auto *tview = new QTableView(page);
    tview->setObjectName(u"throughputTable"_s);
    tview->setModel(tmodel);
    tview->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    tview->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(tview, 1);
    return page;
}

QChart *CostsPage::optionChart() const
{
    return m_optionView->chart();
}

QChart *CostsPage::volumeChart() const
{
    return m_volumeView->chart();
}

QChart *CostsPage::optimisationChart() const
{
    return m_optView->chart();
}

QString CostsPage::validationMessage() const
{
    return m_validation->text();
}

void CostsPage::setWorkload(const core::scenario::Workload &workload)
{
    m_workload = workload;
    loadForm(workload);
    m_loading = true;
    m_json->setPlainText(QString::fromUtf8(QJsonDocument(core::scenario::workloadToJson(workload)).toJson()));
    m_loading = false;
    m_validation->setText(tr("✓ valid workload"));
    m_validation->setStyleSheet(u"color: #1b5e20"_s);
    recompute();
}

void CostsPage::loadForm(const core::scenario::Workload &w)
{
    m_loading = true;
    m_name->setText(w.name);
    const int model = m_model->findData(w.model);
    m_model->setCurrentIndex(model < 0 ? 0 : model);
    m_requests->setValue(w.requestsPerDay);
    m_volumeSlider->setValue(int(std::round(std::log10(std::max(1.0, w.requestsPerDay)) / 7.0 * 1000.0)));
    m_input->setValue(w.inputTokensPerRequest);
    m_output->setValue(w.outputTokensPerRequest);
    m_days->setValue(w.daysPerMonth);
    m_peak->setValue(w.peakRequestsPerSecond.value_or(0));
    m_cache->setValue(w.cacheHitRate * 100);
    m_batch->setValue(w.batchShare * 100);
    m_deployment->setCurrentIndex(std::max(0, m_deployment->findData(w.deployment)));
    m_term->setCurrentIndex(std::max(0, m_term->findData(w.provisionedTerm)));
    m_budget->setValue(w.budgetUsdPerMonth.value_or(0));
    const core::scenario::SelfHosted self = w.selfHosted.value_or(core::scenario::SelfHosted{});
    m_instance->setCurrentIndex(std::max(0, m_instance->findData(self.instance)));
    m_count->setValue(int(self.count.value_or(0)));
    m_hours->setValue(self.hoursPerDay);
    m_pricing->setCurrentIndex(std::max(0, m_pricing->findData(self.pricing)));
    m_utilisation->setValue(self.utilisation * 100);
    m_storage->setValue(w.overheads.storage);
    m_networking->setValue(w.overheads.networking);
    m_monitoring->setValue(w.overheads.monitoring);
    m_other->setValue(w.overheads.other);
    m_loading = false;
}

void CostsPage::formChanged()
{
    if (m_loading)
        return;
    core::scenario::Workload w = m_workload;
    w.name = m_name->text();
    w.model = m_model->currentData().toString();
    w.requestsPerDay = m_requests->value();
    w.inputTokensPerRequest = m_input->value();
    w.outputTokensPerRequest = m_output->value();
    w.daysPerMonth = m_days->value();
    w.peakRequestsPerSecond = m_peak->value() > 0 ? std::optional<double>(m_peak->value()) : std::nullopt;
    w.cacheHitRate = m_cache->value() / 100.0;
    w.batchShare = m_batch->value() / 100.0;
    w.deployment = m_deployment->currentData().toString();
    w.provisionedTerm = m_term->currentData().toString();
    w.budgetUsdPerMonth = m_budget->value() > 0 ? std::optional<double>(m_budget->value()) : std::nullopt;
    core::scenario::SelfHosted self = w.selfHosted.value_or(core::scenario::SelfHosted{});
    self.instance = m_instance->currentData().toString();
    self.count = m_count->value() > 0 ? std::optional<double>(m_count->value()) : std::nullopt;
    self.hoursPerDay = m_hours->value();
    self.pricing = m_pricing->currentData().toString();
    self.utilisation = m_utilisation->value() / 100.0;
    w.selfHosted = self == core::scenario::SelfHosted{} ? std::nullopt : std::optional(self);
    w.overheads = {m_storage->value(), m_networking->value(), m_monitoring->value(), m_other->value()};
    m_loading = true;
    m_volumeSlider->setValue(int(std::round(std::log10(std::max(1.0, w.requestsPerDay)) / 7.0 * 1000.0)));
    m_loading = false;

    const QList<core::scenario::WorkloadError> errors = core::scenario::validateWorkload(w);
    if (!errors.isEmpty()) {
        m_validation->setText(u"✗ "_s % errors.first().toString());
        m_validation->setStyleSheet(u"color: #b00020"_s);
        return; // keep the last valid figures on screen
    }
    m_workload = w;
    m_loading = true;
    m_json->setPlainText(QString::fromUtf8(QJsonDocument(core::scenario::workloadToJson(w)).toJson()));
    m_loading = false;
    m_validation->setText(tr("✓ valid workload"));
    m_validation->setStyleSheet(u"color: #1b5e20"_s);
    scheduleRecompute();
}

void CostsPage::jsonEdited()
{
    if (m_loading)
        return;
    const core::scenario::WorkloadResult r =
        core::scenario::workloadFromJson(m_json->toPlainText().toUtf8(), tr("workload"));
    QString problem;
    if (!r.ok()) {
        problem = r.errors.first().toString();
    } else if (!r.workload->model.isEmpty() && m_model->findData(r.workload->model) < 0) {
        problem = tr("workload: model: unknown model id '%1'").arg(r.workload->model);
    } else if (r.workload->selfHosted && !r.workload->selfHosted->instance.isEmpty()
               && m_instance->findData(r.workload->selfHosted->instance) < 0) {
        problem = tr("workload: self_hosted.instance: unknown GPU instance '%1'").arg(r.workload->selfHosted->instance);
    }
    if (!problem.isEmpty()) {
        m_validation->setText(u"✗ "_s % problem);
        m_validation->setStyleSheet(u"color: #b00020"_s);
        return;
    }
    m_workload = *r.workload;
    loadForm(m_workload);
    m_validation->setText(tr("✓ valid workload"));
    m_validation->setStyleSheet(u"color: #1b5e20"_s);
    scheduleRecompute();
}

void CostsPage::scheduleRecompute()
{
    if (!m_loading)
        m_recomputeTimer->start();
}

void CostsPage::recompute()
{
    m_set = m_engine->estimateAll(m_workload);
    QStringList ids;
    for (const core::cost::Estimate &e : std::as_const(m_set.estimates))
        ids.append(e.optionId);
    // Up to about three times today's volume, ending on a round number so that the axis ticks are round too.
    const double maxVolume = niceNumber(std::max(1000.0, 3.0 * m_workload.requestsPerDay), true);
    m_series = m_engine->costVsVolume(m_workload, ids, maxVolume, 100);
    // Only the chart on screen is redrawn (dragging the volume slider stays smooth); the others catch
    // up when their tab is shown.
    m_stale = {0, 1, 2};
    updateVisibleChart();
    updateDetails();
    Q_EMIT workloadChanged();
}

void CostsPage::updateVisibleChart()
{
    const int tab = m_chartTabs->currentIndex();
    if (!m_stale.remove(tab))
        return;
    if (tab == 1)
        updateVolumeChart();
    else if (tab == 2)
        updateOptimisation();
    else
        updateOptionChart();
}

void CostsPage::updateOptionChart()
{
    QChart *chart = m_optionView->chart();
    QStringList categories;
    for (const core::cost::Estimate &e : std::as_const(m_set.estimates))
        categories.append(e.optionId);
    auto *series = chart->series().isEmpty() ? nullptr : qobject_cast<QStackedBarSeries *>(chart->series().first());
    const bool rebuild = !series || categories != m_barOptions;
    if (rebuild) {
        chart->removeAllSeries();
        const QList<QAbstractAxis *> axes = chart->axes();
        for (QAbstractAxis *a : axes) {
            chart->removeAxis(a);
            delete a;
        }
        series = new QStackedBarSeries(chart);
        for (const QString &item : core::cost::lineItemNames()) {
            auto *set = new QBarSet(itemLabel(item), series);
            set->setObjectName(item);
            set->setColor(itemColour(item));
            set->setBorderColor(itemColour(item).darker(120));
            for (qsizetype i = 0; i < categories.size(); ++i)
                set->append(0.0);
            series->append(set);
        }
        chart->addSeries(series);
        // Short names ("Bedrock", "EC2 + vLLM") fit under a bar; the tooltip gives the full name.
        QStringList labels;
        for (const QString &id : std::as_const(categories))
            labels.append(m_optionsById.value(id).shortName);
        auto *x = new QBarCategoryAxis(chart);
        x->append(labels);
        x->setLabelsAngle(-90);
        auto *y = new QValueAxis(chart);
        y->setLabelFormat(u"$%.0f"_s);
        y->setTitleText(tr("USD per month"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(x);
        series->attachAxis(y);
        m_barOptions = categories;
        connect(series, &QStackedBarSeries::hovered, this, [this](bool status, int index, QBarSet *set) {
            if (!status || index < 0 || index >= m_set.estimates.size()) {
                QToolTip::hideText();
                return;
            }
            const core::cost::Estimate &e = m_set.estimates.at(index);
            QToolTip::showText(QCursor::pos(), tr("%1 (%2)\n%3: %4\nTotal: %5 a month, %6 per 1,000 requests")
                                                   .arg(e.optionName, e.modelId, set->label(),
                                                        core::util::formatUsd(e.usd(set->objectName()), 2),
                                                        core::util::formatUsd(e.monthlyUsd, 2),
                                                        core::util::formatUsd(e.per1kRequestsUsd, 4)));
        });
        makeLegendToggle(chart, this, [this](QLegendMarker *marker) {
            // A bar set cannot be hidden on its own: its values are zeroed instead, and the entry greyed.
            const QString label = marker->label();
            for (const QString &item : core::cost::lineItemNames()) {
                if (itemLabel(item) != label)
                    continue;
                if (m_hiddenItems.contains(item))
                    m_hiddenItems.remove(item);
                else
                    m_hiddenItems.insert(item);
            }
            updateOptionChart();
        });
    }
    const QList<QBarSet *> sets = series->barSets();
    double maxTotal = 0;
    for (qsizetype i = 0; i < categories.size(); ++i) {
        double total = 0;
        for (QBarSet *set : sets) {
            const double v = m_hiddenItems.contains(set->objectName()) ? 0.0
                                                                       : safe(m_set.estimates.at(i).usd(set->objectName()));
            set->replace(int(i), v);
            total += v;
        }
        maxTotal = std::max(maxTotal, total);
    }
    // Legend: empty line items are hidden, switched-off ones greyed.
    QStringList legendState; // what the legend shows; it is laid out again when this changes
    const QList<QLegendMarker *> markers = chart->legend()->markers(series);
    for (qsizetype i = 0; i < markers.size() && i < sets.size(); ++i) {
        const QString item = sets.at(i)->objectName();
        double sum = 0;
        for (const core::cost::Estimate &e : std::as_const(m_set.estimates))
            sum += safe(e.usd(item));
        // The font and brush setters re-lay out the legend: only what changed is set.
        QLegendMarker *marker = markers.at(i);
        const bool hidden = m_hiddenItems.contains(item);
        const bool visible = sum > 0 || hidden;
        marker->setVisible(visible);
        legendState.append(item % (visible ? u"+"_s : u"-"_s) % (hidden ? u"h"_s : QString()));
        QFont f = marker->font();
        if (f.strikeOut() != hidden) {
            f.setStrikeOut(hidden);
            marker->setFont(f);
        }
        const QBrush brush(hidden ? Qt::gray : Qt::black);
        if (marker->labelBrush() != brush)
            marker->setLabelBrush(brush);
    }
    // The budget line, across every category: kept while there is a budget (adding a series re-lays out
    // the chart and its legend), its points and name updated.
    QLineSeries *line = nullptr;
    const QList<QAbstractSeries *> all = chart->series();
    for (QAbstractSeries *s : all) {
        if (s == series)
            continue;
        if (!line && m_workload.budgetUsdPerMonth && qobject_cast<QLineSeries *>(s)) {
            line = static_cast<QLineSeries *>(s);
            continue;
        }
        chart->removeSeries(s);
        delete s;
    }
    const QList<QAbstractAxis *> xs = chart->axes(Qt::Horizontal);
    const QList<QAbstractAxis *> ys = chart->axes(Qt::Vertical);
    if (m_workload.budgetUsdPerMonth && !xs.isEmpty() && !ys.isEmpty()) {
        const double budget = safe(*m_workload.budgetUsdPerMonth);
        if (!line) {
            line = budgetLine(chart, budget, -0.5, categories.size() - 0.5);
            chart->addSeries(line);
            line->attachAxis(xs.first());
            line->attachAxis(ys.first());
        }
        const QString name = tr("Budget %1").arg(core::util::formatUsd(budget, 0));
        if (line->name() != name)
            line->setName(name);
        const QList<QPointF> points = {QPointF(-0.5, budget), QPointF(categories.size() - 0.5, budget)};
        if (line->points() != points)
            line->replace(points);
        maxTotal = std::max(maxTotal, budget);
        legendState.append(name);
    }
    // Hiding a marker does not lay the legend out again by itself (the labels would stay truncated to the
    // room they had before); done once when what it shows changes, not on every frame of a drag.
    if (rebuild || chart->property("lda_legend").toStringList() != legendState) {
        chart->setProperty("lda_legend", legendState);
        if (QGraphicsLayout *layout = chart->legend()->layout())
            layout->invalidate();
    }
    if (!ys.isEmpty())
        setNiceRange(qobject_cast<QValueAxis *>(ys.first()), maxTotal > 0 ? maxTotal * 1.08 : 1);
    setTitle(chart, tr("Monthly cost per option — %1").arg(m_workload.name.toHtmlEscaped()));
}

void CostsPage::updateVolumeChart()
{
    QChart *chart = m_volumeView->chart();
    QHash<QString, QLineSeries *> existing;
    const QList<QAbstractSeries *> current = chart->series();
    for (QAbstractSeries *s : current) {
        if (auto *l = qobject_cast<QLineSeries *>(s); l && !l->objectName().isEmpty())
            existing.insert(l->objectName(), l);
    }
    QStringList wanted;
    for (const core::cost::SeriesLine &line : std::as_const(m_series))
        wanted.append(line.optionId);
    const bool rebuild = existing.size() != wanted.size()
        || !std::all_of(wanted.cbegin(), wanted.cend(), [&](const QString &id) { return existing.contains(id); })
        || chart->axes().isEmpty();
    double maxY = 0;
    for (const core::cost::SeriesLine &line : std::as_const(m_series)) {
        for (const QPointF &p : line.points)
            maxY = std::max(maxY, safe(p.y()));
    }
    const double maxX = m_series.isEmpty() || m_series.first().points.isEmpty() ? 1
                                                                                : safe(m_series.first().points.last().x());
    if (rebuild) {
        chart->removeAllSeries();
        const QList<QAbstractAxis *> axes = chart->axes();
        for (QAbstractAxis *a : axes) {
            chart->removeAxis(a);
            delete a;
        }
        auto *x = new QValueAxis(chart);
        x->setTitleText(tr("Requests per day"));
        x->setLabelFormat(u"%.0f"_s);
        auto *y = new QValueAxis(chart);
        y->setTitleText(tr("USD per month"));
        y->setLabelFormat(u"$%.0f"_s);
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        existing.clear();
        for (const QString &id : std::as_const(wanted)) {
            auto *s = new QLineSeries(chart);
            s->setObjectName(id);
            // The legend shows the short name; the tooltip the full one.
            const core::kb::DeploymentOption option = m_optionsById.value(id);
            s->setName(option.shortName);
            s->setProperty("fullName", option.name);
            // Ten distinct colours (Tableau 10): the theme's five repeat within nine options.
            static const QRgb lineColours[] = {0x4e79a7, 0xf28e2b, 0x59a14f, 0xe15759, 0x76b7b2,
                                               0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};
            QPen linePen{QColor(lineColours[existing.size() % std::size(lineColours)])};
            linePen.setWidth(2);
            s->setPen(linePen);
            chart->addSeries(s);
            s->attachAxis(x);
            s->attachAxis(y);
            existing.insert(id, s);
            connect(s, &QLineSeries::hovered, this, [s](const QPointF &point, bool state) {
                if (!state) {
                    QToolTip::hideText();
                    return;
                }
                QToolTip::showText(QCursor::pos(), tr("%1\n%2 requests/day: %3 a month")
                                                       .arg(s->property("fullName").toString(),
                                                            QLocale().toString(point.x(), 'f', 0),
                                                            core::util::formatUsd(point.y(), 2)));
            });
        }
        auto *markers = new QScatterSeries(chart);
        markers->setObjectName(QString());
        markers->setName(tr("Break-even"));
        markers->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
        markers->setMarkerSize(11);
        markers->setColor(Qt::black);
        chart->addSeries(markers);
        markers->attachAxis(x);
        markers->attachAxis(y);
        connect(markers, &QScatterSeries::hovered, this, [this](const QPointF &point, bool state) {
            if (!state) {
                QToolTip::hideText();
                return;
            }
            QStringList lines;
            for (const core::cost::BreakEven &b : std::as_const(m_set.breakEven)) {
                if (b.requestsPerDay && std::abs(*b.requestsPerDay - point.x()) < 0.5)
                    lines.append(tr("%1 becomes cheaper than %2").arg(b.selfHosted, b.managed));
            }
            QToolTip::showText(QCursor::pos(), tr("Break-even at %1 requests/day (%2 a month)\n%3")
                                                   .arg(QLocale().toString(point.x(), 'f', 0),
                                                        core::util::formatUsd(point.y(), 2), lines.join(u'\n')));
        });
        auto *budget = new QLineSeries(chart);
        budget->setObjectName(QString());
        budget->setProperty("role", u"budget"_s);
        QPen pen(QColor(0xc6, 0x28, 0x28));
        pen.setWidth(2);
        pen.setStyle(Qt::DashLine);
        budget->setPen(pen);
        chart->addSeries(budget);
        budget->attachAxis(x);
        budget->attachAxis(y);
        auto *now = new QLineSeries(chart);
        now->setObjectName(QString());
        now->setProperty("role", u"now"_s);
        now->setName(tr("This workload"));
        QPen nowPen(Qt::darkGray);
        nowPen.setStyle(Qt::DotLine);
        now->setPen(nowPen);
        chart->addSeries(now);
        now->attachAxis(x);
        now->attachAxis(y);
        makeLegendToggle(chart, this, [](QLegendMarker *marker) {
            marker->series()->setVisible(!marker->series()->isVisible());
            marker->setVisible(true);
            marker->setLabelBrush(marker->series()->isVisible() ? QBrush(Qt::black) : QBrush(Qt::gray));
        });
    }
    for (const core::cost::SeriesLine &line : std::as_const(m_series)) {
        QList<QPointF> points;
        points.reserve(line.points.size());
        for (const QPointF &p : line.points)
            points.append(QPointF(safe(p.x()), safe(p.y())));
        existing.value(line.optionId)->replace(points);
    }
    // Break-even points inside the drawn range, placed on the managed option's line.
    QList<QPointF> marks;
    for (const core::cost::BreakEven &b : std::as_const(m_set.breakEven)) {
        if (!b.requestsPerDay || *b.requestsPerDay > maxX)
            continue;
        for (const core::cost::SeriesLine &line : std::as_const(m_series)) {
            if (line.optionId != b.managed || line.points.size() < 2)
                continue;
            const double step = line.points.at(1).x() - line.points.at(0).x();
            const int i = step > 0 ? std::clamp(int(*b.requestsPerDay / step), 0, int(line.points.size()) - 2) : 0;
            const QPointF a = line.points.at(i), c = line.points.at(i + 1);
            const double t = c.x() > a.x() ? (*b.requestsPerDay - a.x()) / (c.x() - a.x()) : 0;
            marks.append(QPointF(safe(*b.requestsPerDay), safe(a.y() + t * (c.y() - a.y()))));
        }
    }
    const QList<QAbstractSeries *> all = chart->series();
    for (QAbstractSeries *s : all) {
        if (auto *scatter = qobject_cast<QScatterSeries *>(s)) {
            if (scatter->points() != marks)
                scatter->replace(marks);
        } else if (s->property("role").toString() == u"budget"_s) {
            auto *budget = static_cast<QLineSeries *>(s);
            // A new name re-lays out the legend: set only when it changes.
            const QString name = m_workload.budgetUsdPerMonth
                ? tr("Budget %1").arg(core::util::formatUsd(*m_workload.budgetUsdPerMonth, 0))
                : tr("No budget");
            if (budget->name() != name)
                budget->setName(name);
            if (m_workload.budgetUsdPerMonth) {
                budget->replace({QPointF(0, safe(*m_workload.budgetUsdPerMonth)),
                                 QPointF(maxX, safe(*m_workload.budgetUsdPerMonth))});
                maxY = std::max(maxY, safe(*m_workload.budgetUsdPerMonth));
            } else if (budget->count() > 0) {
                budget->clear();
            }
        } else if (s->property("role").toString() == u"now"_s) {
            static_cast<QLineSeries *>(s)->replace(
                {QPointF(safe(m_workload.requestsPerDay), 0), QPointF(safe(m_workload.requestsPerDay), maxY * 1.05)});
        }
    }
    const QList<QAbstractAxis *> xs = chart->axes(Qt::Horizontal);
    const QList<QAbstractAxis *> ys = chart->axes(Qt::Vertical);
    if (!xs.isEmpty()) // round ticks (0, 100000, 200000, ...) rather than fractions of the series' end
        setNiceRange(qobject_cast<QValueAxis *>(xs.first()), maxX > 0 ? maxX : 1);
    if (!ys.isEmpty())
        setNiceRange(qobject_cast<QValueAxis *>(ys.first()), maxY > 0 ? maxY * 1.05 : 1);
    setTitle(chart, tr("Monthly cost against volume (break-even points marked)"));
}

core::cost::Levers CostsPage::levers() const
{
    core::cost::Levers l;
    l.cacheHitRate = m_leverCache->value() / 100.0;
    l.batchShare = m_leverBatch->value() / 100.0;
    l.routeShare = m_leverRoute->value() / 100.0;
    l.routeModel = m_leverRouteModel->currentData().toString();
    l.commitment = m_leverCommitment->currentData().toString();
    return l;
}

void CostsPage::updateOptimisation()
{
    // Keep the option choice; default to the workload's own option.
    const QString previous = m_optOption->currentData().toString();
    m_loading = true;
    m_optOption->clear();
    for (const core::cost::Estimate &e : std::as_const(m_set.estimates))
        m_optOption->addItem(e.optionName % u" — "_s % e.modelId, e.optionId);
    int index = m_optOption->findData(previous.isEmpty() ? m_workload.option : previous);
    if (index < 0)
        index = m_optOption->findData(m_workload.option);
    m_optOption->setCurrentIndex(std::max(0, index));
    const QString optionId = m_optOption->currentData().toString();
    const QString previousRoute = m_leverRouteModel->currentData().toString();
    m_leverRouteModel->clear();
    const QString cheaper = m_engine->cheaperModel(m_workload, optionId);
    m_leverRouteModel->addItem(cheaper.isEmpty() ? tr("(no cheaper model)") : tr("%1 (cheapest)").arg(cheaper), QString());
    for (const core::pricing::Price &p : m_engine->data().prices) {
        if (p.optionId == optionId && p.modelId != m_workload.model)
            m_leverRouteModel->addItem(p.modelId, p.modelId);
    }
    m_leverRouteModel->setCurrentIndex(std::max(0, m_leverRouteModel->findData(previousRoute)));
    m_loading = false;

    m_optimisation = optionId.isEmpty() ? std::nullopt : m_engine->optimise(m_workload, optionId, levers());
    QChart *chart = m_optView->chart();
    chart->removeAllSeries();
    const QList<QAbstractAxis *> axes = chart->axes();
    for (QAbstractAxis *a : axes) {
        chart->removeAxis(a);
        delete a;
    }
    m_leverTable->setRowCount(0);
    if (!m_optimisation) {
        m_optSummary->setText(tr("Nothing to optimise: no option can be priced for this workload."));
        return;
    }
    const core::cost::Optimisation &o = *m_optimisation;
    auto *series = new QStackedBarSeries(chart);
    double maxTotal = std::max(safe(o.before.monthlyUsd), safe(o.after.monthlyUsd));
    for (const QString &item : core::cost::lineItemNames()) {
        const double before = safe(o.before.usd(item));
        const double after = safe(o.after.usd(item));
        if (before <= 0 && after <= 0)
            continue;
        auto *set = new QBarSet(itemLabel(item), series);
        set->setObjectName(item);
        set->setColor(itemColour(item));
        set->append({before, after});
        series->append(set);
    }
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis(chart);
    x->append({tr("Before: %1").arg(usd(o.before.monthlyUsd)), tr("After: %1").arg(usd(o.after.monthlyUsd))});
    auto *y = new QValueAxis(chart);
    y->setLabelFormat(u"$%.0f"_s);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    connect(series, &QStackedBarSeries::hovered, this, [this](bool status, int bar, QBarSet *set) {
        if (!status || !m_optimisation) {
            QToolTip::hideText();
            return;
        }
        const core::cost::Estimate &e = bar == 0 ? m_optimisation->before : m_optimisation->after;
        QToolTip::showText(QCursor::pos(), tr("%1: %2\nTotal: %3 a month")
                                               .arg(set->label(), core::util::formatUsd(e.usd(set->objectName()), 2),
                                                    core::util::formatUsd(e.monthlyUsd, 2)));
    });
    if (m_workload.budgetUsdPerMonth) {
        QLineSeries *line = budgetLine(chart, safe(*m_workload.budgetUsdPerMonth), -0.5, 1.5);
        chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
        maxTotal = std::max(maxTotal, safe(*m_workload.budgetUsdPerMonth));
    }
    y->setRange(0, maxTotal > 0 ? maxTotal * 1.08 : 1);
    y->applyNiceNumbers();
    makeLegendToggle(chart, this, [](QLegendMarker *marker) {
        marker->series()->setVisible(!marker->series()->isVisible());
        marker->setVisible(true);
    });
    chart->setTitle(tr("%1: before and after the levers").arg(o.before.optionName));
    for (const core::cost::LeverEffect &l : o.levers) {
        const int row = m_leverTable->rowCount();
        m_leverTable->insertRow(row);
        m_leverTable->setItem(row, 0, new QTableWidgetItem(l.label));
        auto *saving = new QTableWidgetItem(core::util::formatUsd(l.savingsUsd, 2));
        saving->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_leverTable->setItem(row, 1, saving);
    }
    const core::report::BudgetStatus status = core::report::budgetStatus(m_workload, o.before, o);
    QString text = tr("Before %1, after all levers %2 (saves %3 a month).")
                       .arg(usd(o.before.monthlyUsd), usd(o.after.monthlyUsd),
                            usd(o.before.monthlyUsd - o.after.monthlyUsd));
    if (status.hasBudget) {
        text += u' '
            % (status.fits() ? tr("Fits the budget with %1 to spare.").arg(usd(-status.overByUsd))
                             : tr("Over budget by %1; %2.")
                                   .arg(usd(status.overByUsd),
                                        status.leversThatFit.isEmpty()
                                            ? (status.allLeversFit ? tr("all levers together bring it under")
                                                                   : tr("even all levers together do not bring it under"))
                                            : tr("alone, %1 would bring it under").arg(status.leversThatFit.join(tr(" or ")))));
    }
    m_optSummary->setText(text);
}

void CostsPage::updateDetails()
{
    // Columns fit their contents. Measured once for the whole update: in ResizeToContents mode every
    // changed cell makes the header measure every row again, which was most of a frame while the volume
    // slider is dragged. Cells are rewritten only when their text changes.
    QHeaderView *header = m_details->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    m_details->setRowCount(int(m_set.estimates.size()));
    for (int i = 0; i < m_set.estimates.size(); ++i) {
        const core::cost::Estimate &e = m_set.estimates.at(i);
        const QString how = e.mode == u"self_hosted"_s
            ? tr("%1 × %2, %3").arg(e.instances).arg(e.instanceId, e.pricing)
            : e.mode == u"provisioned"_s ? tr("%1 units, %2").arg(e.units).arg(e.provisionedVariant)
                                         : tr("per token");
        const QStringList cells = {e.optionName, e.modelId, how, core::util::formatUsd(e.monthlyUsd, 2),
                                   core::util::formatUsd(e.per1kRequestsUsd, 4), e.priceAsOf};
        const QString tip = u"• "_s % e.assumptions.join(u"\n• "_s);
        for (int c = 0; c < cells.size(); ++c) {
            QTableWidgetItem *item = m_details->item(i, c);
            if (!item) {
                item = new QTableWidgetItem;
                if (c == 3 || c == 4)
                    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                m_details->setItem(i, c, item);
            }
            if (item->text() != cells.at(c))
                item->setText(cells.at(c));
            if (item->toolTip() != tip)
                item->setToolTip(tip);
        }
    }
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
}

QChartView *CostsPage::currentChartView() const
{
    switch (m_chartTabs->currentIndex()) {
    case 1:
        return m_volumeView;
    case 2:
        return m_optView;
    default:
        return m_optionView;
    }
}

bool CostsPage::exportChartPng(const QString &path)
{
    const bool ok = currentChartView()->grab().save(path, "PNG");
    m_status->setText(ok ? tr("Chart saved to %1").arg(path) : tr("Could not write %1").arg(path));
    return ok;
}

bool CostsPage::exportChartSvg(const QString &path)
{
    QChartView *view = currentChartView();
    QSvgGenerator generator;
    generator.setFileName(path);
    generator.setSize(view->size());
    generator.setViewBox(view->rect());
    generator.setTitle(view->chart()->title());
    generator.setDescription(tr("LLM Deploy Advisor chart"));
    QPainter painter;
    if (!painter.begin(&generator)) {
        m_status->setText(tr("Could not write %1").arg(path));
        return false;
    }
    view->render(&painter);
    painter.end();
    m_status->setText(tr("Chart saved to %1").arg(path));
    return true;
}

bool CostsPage::exportCsv(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_status->setText(tr("Could not write %1: %2").arg(path, f.errorString()));
        return false;
    }
    const core::util::Table table = m_chartTabs->currentIndex() == 1 ? core::cost::seriesToTable(m_series)
                                                                     : core::cost::estimatesToTable(m_set);
    f.write(core::util::toCsv(table).toUtf8());
    m_status->setText(tr("Data saved to %1").arg(path));
    return true;
}

void CostsPage::exportChartInteractive()
{
    QString selected;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export chart"), m_workload.name % u".png"_s,
                                                      tr("PNG image (*.png);;SVG drawing (*.svg)"), &selected);
    if (path.isEmpty())
        return;
    if (path.endsWith(u".svg"_s, Qt::CaseInsensitive) || selected.startsWith(u"SVG"_s))
        exportChartSvg(path);
    else
        exportChartPng(path);
}

void CostsPage::exportCsvInteractive()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export data"), m_workload.name % u".csv"_s,
                                                      tr("CSV (*.csv)"));
    if (!path.isEmpty())
        exportCsv(path);
}

qint64 CostsPage::saveScenarioAs(const QString &name)
{
    if (!m_services.user) {
        m_status->setText(tr("No user database: scenarios cannot be saved this session."));
        return 0;
    }
    core::scenario::ScenarioStore store(*m_services.user);
    QString error;
    const qint64 id = store.save(name, m_workload, QString(), &error);
    m_status->setText(id > 0 ? tr("Saved scenario “%1”.").arg(name) : tr("Not saved: %1").arg(error));
    if (id > 0)
        Q_EMIT scenarioSaved(id);
    return id;
}

void CostsPage::saveScenario()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save scenario"), tr("Name"), QLineEdit::Normal,
                                               m_workload.name, &ok);
    if (ok) // an empty name is refused with a message, not ignored
        saveScenarioAs(name.trimmed());
}

void CostsPage::importWorkload()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import workload"), QString(), tr("JSON (*.json)"));
    if (path.isEmpty())
        return;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        m_status->setText(tr("Could not read %1: %2").arg(path, f.errorString()));
        return;
    }
    const core::scenario::WorkloadResult r = core::scenario::workloadFromJson(f.read(4 * 1024 * 1024), path);
    if (!r.ok()) {
        m_status->setText(tr("Not imported: %1").arg(r.errors.first().toString()));
        return;
    }
    setWorkload(*r.workload);
    m_status->setText(tr("Imported %1").arg(path));
}

void CostsPage::exportWorkload()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export workload"), m_workload.name % u".ldascenario.json"_s,
        tr("LLM Deploy Advisor scenario (*.ldascenario.json);;JSON (*.json)"));
    if (path.isEmpty())
        return;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_status->setText(tr("Could not write %1: %2").arg(path, f.errorString()));
        return;
    }
    f.write(QJsonDocument(core::scenario::workloadToJson(m_workload)).toJson());
    m_status->setText(tr("Exported to %1").arg(path));
}

} // namespace lda::ui
