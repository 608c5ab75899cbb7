#include "PricesPage.h"

#include "PageHelpers.h"
#include "kb/KnowledgeBase.h"
#include "kb/UserDatabase.h"
#include "models/PriceTableModel.h"
#include "pricing/PriceCatalogue.h"
#include "pricing/PriceExport.h"
#include "pricing/PriceStore.h"
#include "util/TextTable.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QTimeZone>
#include <QValueAxis>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace lda::ui {

PricesPage::PricesPage(const UiServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(pageTitle(tr("Per-token prices"),
                                tr("USD per million tokens for every model on the managed services. Each price "
                                   "names its source, as-of date and origin; hover a row for details, select one "
                                   "for its history."),
                                this));
    auto *bar = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"priceSearch"_s);
    m_search->setPlaceholderText(tr("Filter by model, option, source or status…"));
    m_search->setClearButtonEnabled(true);
    m_provider = providerCombo(this);
    m_snapshot = new QComboBox(this);
    m_snapshot->setObjectName(u"priceSnapshot"_s);
    m_snapshot->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_snapshot->setMinimumContentsLength(24);
    m_snapshot->setToolTip(tr("Which prices to use: the shipped ones, or an imported LiteLLM snapshot. "
                              "Your overrides always win."));
    m_count = new QLabel(this);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_provider);
    bar->addWidget(new QLabel(tr("Prices from:"), this));
    bar->addWidget(m_snapshot);
    bar->addWidget(m_count);
    layout->addLayout(bar);

    auto *actions = new QHBoxLayout;
    m_import = new QPushButton(tr("Import LiteLLM file…"), this);
    m_import->setObjectName(u"priceImport"_s);
    m_import->setToolTip(tr("Read a LiteLLM model_prices_and_context_window.json as a dated snapshot"));
    m_export = new QPushButton(tr("Export…"), this);
    m_export->setObjectName(u"priceExport"_s);
    m_export->setToolTip(tr("Save the resolved table as CSV or JSON"));
    m_override = new QPushButton(tr("Override price…"), this);
    m_override->setObjectName(u"priceOverride"_s);
    m_override->setToolTip(tr("Use your own price for the selected row, e.g. a negotiated discount"));
    m_reset = new QPushButton(tr("Reset to shipped"), this);
    m_reset->setObjectName(u"priceReset"_s);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0); // busy: parsing gives no useful fraction
    m_progress->setMaximumWidth(120);
    m_progress->setVisible(false);
    m_status = new QLabel(this);
    m_status->setObjectName(u"priceStatus"_s);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    actions->addWidget(m_import);
    actions->addWidget(m_export);
    actions->addWidget(m_override);
    actions->addWidget(m_reset);
    actions->addWidget(m_progress);
    actions->addStretch(1);
    layout->addLayout(actions);
    layout->addWidget(m_status);

    const QList<core::kb::DeploymentOption> options = services.kb->options();
    for (const core::kb::DeploymentOption &o : options) {
        m_optionNames.insert(o.id, o.name);
        m_providers.insert(o.id, o.provider);
    }
    const QList<core::kb::Model> models = services.kb->models();
    for (const core::kb::Model &m : models)
        m_modelNames.insert(m.id, m.name);
    m_modelIndex = core::pricing::ModelIndex::fromKnowledgeBase(*services.kb);

    m_model = new PriceTableModel(this);
    m_proxy = new PriceFilterProxy(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(PriceTableModel::SortRole);
    m_view = new QTableView(this);
    m_view->setObjectName(u"priceTable"_s);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(PriceTableModel::Option, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);

    m_chart = new QChart;
    m_chart->setObjectName(u"priceHistoryChart"_s);
    m_chart->legend()->setAlignment(Qt::AlignRight);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_inputSeries = new QLineSeries(m_chart);
    m_inputSeries->setName(tr("Input $/M"));
    m_inputSeries->setPointsVisible(true);
    m_outputSeries = new QLineSeries(m_chart);
    m_outputSeries->setName(tr("Output $/M"));
    m_outputSeries->setPointsVisible(true);
    m_chart->addSeries(m_inputSeries);
    m_chart->addSeries(m_outputSeries);
    auto *xAxis = new QDateTimeAxis(m_chart);
    xAxis->setFormat(u"yyyy-MM-dd"_s);
    xAxis->setTickCount(4);
    auto *yAxis = new QValueAxis(m_chart);
    yAxis->setLabelFormat(u"$%.2f"_s);
    yAxis->setTickCount(5);
    m_chart->addAxis(xAxis, Qt::AlignBottom);
    m_chart->addAxis(yAxis, Qt::AlignLeft);
    for (QLineSeries *s : {m_inputSeries, m_outputSeries}) {
        s->attachAxis(xAxis);
        s->attachAxis(yAxis);
    }
    m_chartView = new QChartView(m_chart, this); // takes ownership of the chart
    m_chartView->setObjectName(u"priceHistory"_s);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(160);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_chartView);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    m_importWatcher = new QFutureWatcher<core::pricing::LiteLlmFileRead>(this);
    connect(m_importWatcher, &QFutureWatcherBase::finished, this, &PricesPage::importParsed);
    connect(m_search, &QLineEdit::textChanged, this, &PricesPage::applyFilter);
    connect(m_provider, &QComboBox::currentIndexChanged, this, &PricesPage::applyFilter);
    connect(m_snapshot, &QComboBox::activated, this, &PricesPage::snapshotChosen);
    connect(m_import, &QPushButton::clicked, this, &PricesPage::chooseImport);
    connect(m_export, &QPushButton::clicked, this, &PricesPage::chooseExport);
    connect(m_override, &QPushButton::clicked, this, &PricesPage::editOverride);
    connect(m_reset, &QPushButton::clicked, this, &PricesPage::resetOverride);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PricesPage::updateSelection);

    const bool writable = m_services.user != nullptr;
    m_import->setEnabled(writable);
    m_snapshot->setEnabled(writable);
    reloadSnapshots();
    reload();
    m_view->resizeColumnsToContents();
    for (int column = 0; column < PriceTableModel::Source; ++column)
        m_view->setColumnWidth(column, std::min(m_view->columnWidth(column), 220));
    if (m_proxy->rowCount() > 0)
        m_view->selectRow(0);
    updateSelection();
}

void PricesPage::applyFilter()
{
    m_proxy->setFilter(m_provider->currentData().toString(), m_search->text());
    m_count->setText(tr("%n price(s)", nullptr, m_proxy->rowCount()));
}

void PricesPage::reload()
{
    const core::pricing::Price *current = selectedPrice();
    const QString option = current ? current->optionId : QString();
    const QString model = current ? current->modelId : QString();
    m_model->setPrices(m_services.prices->resolvedPrices(), m_optionNames, m_modelNames, m_providers);
    applyFilter();
    if (!option.isEmpty())
        selectPrice(option, model);
    updateSelection();
}

void PricesPage::reloadSnapshots()
{
    m_snapshot->clear();
    m_snapshot->addItem(tr("Shipped prices"), u"none"_s);
    if (!m_services.user)
        return;
    const core::pricing::PriceStore store(*m_services.user);
    const QList<core::pricing::PriceSnapshot> snapshots = store.snapshots();
    if (!snapshots.isEmpty())
        m_snapshot->addItem(tr("Newest import"), u"latest"_s);
    for (auto it = snapshots.crbegin(); it != snapshots.crend(); ++it) {
        m_snapshot->addItem(tr("%1 (%2, %3 mapped)").arg(it->source, it->asOf).arg(it->mapped), QString::number(it->id));
        m_snapshot->setItemData(m_snapshot->count() - 1,
                                tr("Imported %1; %2 entries, %3 flagged").arg(it->importedAt).arg(it->entries).arg(it->flagged),
                                Qt::ToolTipRole);
    }
    const int at = m_snapshot->findData(store.snapshotChoice());
    m_snapshot->setCurrentIndex(at < 0 ? 0 : at);
}

void PricesPage::snapshotChosen()
{
    if (!m_services.user)
        return;
    core::pricing::PriceStore store(*m_services.user);
    QString error;
    if (!store.setSnapshotChoice(m_snapshot->currentData().toString(), &error))
        m_dialogs.warn(this, tr("Prices"), error);
    reload();
    Q_EMIT pricesChanged();
}

void PricesPage::chooseImport()
{
    const QString path =
        m_dialogs.openFile(this, tr("Import LiteLLM prices"), tr("LiteLLM price map (*.json);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

void PricesPage::importFile(const QString &path)
{
    if (!m_services.user || m_importWatcher->isRunning())
        return;
    m_import->setEnabled(false);
    m_progress->setVisible(true);
    m_status->setText(tr("Reading %1…").arg(QFileInfo(path).fileName()));
    const core::pricing::ModelIndex index = m_modelIndex;
    // Only the pure parse runs on the worker; user.db is written here, on the thread that owns its connection.
    m_importWatcher->setFuture(
        QtConcurrent::run([path, index] { return core::pricing::readLiteLlmFile(path, QString(), index); }));
}

void PricesPage::importParsed()
{
    const core::pricing::LiteLlmFileRead read = m_importWatcher->result();
    m_lastImport = core::pricing::LiteLlmImporter::store(*m_services.user, read);
    m_progress->setVisible(false);
    m_import->setEnabled(true);
    const core::pricing::ImportSummary &s = m_lastImport;
    QString summary;
    if (!s.ok) {
        summary = tr("Import failed: %1").arg(s.error);
        m_status->setText(summary);
        m_dialogs.warn(this, tr("Import failed"), s.error);
    } else {
        summary = (s.alreadyImported
                       ? tr("%1 was already imported (snapshot %2, as of %3); nothing changed.")
                       : tr("Imported %1 as snapshot %2, as of %3."))
                      .arg(s.fileName)
                      .arg(s.snapshotId)
                      .arg(s.asOf)
            % u' '
            % tr("%1 entries: %2 mapped, %3 unmapped, %4 flagged.")
                  .arg(s.entries)
                  .arg(s.mapped)
                  .arg(s.unmapped)
                  .arg(s.flagged);
        m_status->setText(summary);
        m_status->setToolTip(tr("Choose the snapshot under \"Prices from\" to use its figures."));
        reloadSnapshots();
        reload();
        Q_EMIT pricesChanged();
    }
    Q_EMIT importFinished(s.ok, summary);
}

bool PricesPage::exportTo(const QString &path)
{
    const QList<core::pricing::Price> &prices = m_model->prices();
    QByteArray bytes;
    if (path.endsWith(u".json"_s, Qt::CaseInsensitive))
        bytes = QJsonDocument(core::pricing::pricesToJson(prices)).toJson(QJsonDocument::Indented);
    else
        bytes = core::util::toCsv(core::pricing::pricesToTable(prices)).toUtf8();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        m_dialogs.warn(this, tr("Export failed"), tr("Cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    m_status->setText(tr("Exported %n price(s) to %1.", nullptr, int(prices.size())).arg(path));
    return true;
}

void PricesPage::chooseExport()
{
    const QString path = m_dialogs.saveFile(this, tr("Export prices"), tr("CSV (*.csv);;JSON (*.json)"));
    if (!path.isEmpty())
        exportTo(path);
}

const core::pricing::Price *PricesPage::selectedPrice() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    const int source = m_proxy->mapToSource(rows.first()).row();
    return source >= 0 && source < m_model->prices().size() ? &m_model->prices().at(source) : nullptr;
}

void PricesPage::selectPrice(const QString &optionId, const QString &modelId)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (index.data(PriceTableModel::OptionIdRole).toString() == optionId
            && index.data(PriceTableModel::ModelIdRole).toString() == modelId) {
            m_view->selectRow(row);
            m_view->scrollTo(index);
            return;
        }
    }
}

void PricesPage::editOverride()
{
    const core::pricing::Price *p = selectedPrice();
    if (!p || !m_services.user)
        return;
    const core::pricing::Price current = *p;
    const std::optional<core::pricing::OverrideInput> input =
        m_dialogs.editOverride(this, current, m_model->modelName(current.modelId), m_model->optionName(current.optionId));
    if (!input)
        return;
    core::pricing::PriceStore store(*m_services.user);
    QString error;
    if (!store.setOverride(current.optionId, current.modelId, *input, &error)) {
        m_dialogs.warn(this, tr("Override not saved"), error);
        return;
    }
    reload();
    Q_EMIT pricesChanged();
}

void PricesPage::resetOverride()
{
    const core::pricing::Price *p = selectedPrice();
    if (!p || !m_services.user)
        return;
    core::pricing::PriceStore store(*m_services.user);
    store.resetOverride(p->optionId, p->modelId);
    reload();
    Q_EMIT pricesChanged();
}

void PricesPage::updateSelection()
{
    const core::pricing::Price *p = selectedPrice();
    m_override->setEnabled(p && m_services.user);
    m_reset->setEnabled(p && p->origin == core::pricing::PriceOrigin::Override && m_services.user);
    m_inputSeries->clear();
    m_outputSeries->clear();
    if (!p) {
        m_chart->setTitle(tr("Select a price to see its history"));
        return;
    }
    const QList<core::pricing::PricePoint> points = m_services.prices->history(p->modelId, p->optionId);
    double top = 0;
    qint64 first = 0;
    qint64 last = 0;
    for (const core::pricing::PricePoint &point : points) {
        const QDate date = QDate::fromString(point.asOf, Qt::ISODate);
        if (!date.isValid())
            continue;
        const qint64 x = QDateTime(date, QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
        first = first == 0 ? x : std::min(first, x);
        last = std::max(last, x);
        if (point.inputPerMTok) {
            m_inputSeries->append(double(x), *point.inputPerMTok);
            top = std::max(top, *point.inputPerMTok);
        }
        if (point.outputPerMTok) {
            m_outputSeries->append(double(x), *point.outputPerMTok);
            top = std::max(top, *point.outputPerMTok);
        }
    }
    m_chart->setTitle(tr("%1 on %2: %n dated price(s)", nullptr, int(points.size()))
                          .arg(m_model->modelName(p->modelId), m_model->optionName(p->optionId)));
    const qint64 day = 24LL * 3600 * 1000;
    const QList<QAbstractAxis *> x = m_chart->axes(Qt::Horizontal);
    const QList<QAbstractAxis *> y = m_chart->axes(Qt::Vertical);
    if (!x.isEmpty() && first > 0)
        x.first()->setRange(QDateTime::fromMSecsSinceEpoch(first - 15 * day, Qt::UTC),
                            QDateTime::fromMSecsSinceEpoch(last + 15 * day, Qt::UTC));
    if (auto *axis = y.isEmpty() ? nullptr : qobject_cast<QValueAxis *>(y.first())) {
        axis->setRange(0.0, top > 0 ? top * 1.15 : 1.0);
        axis->applyNiceNumbers();
    }
}

} // namespace lda::ui
