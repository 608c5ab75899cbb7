#include "CostsPage.h"

#include "PageHelpers.h"
#include "guideview/GuideViewFactory.h"
#include "kb/KnowledgeBase.h"
#include "kb/UserDatabase.h"
#include "models/ComparisonModel.h"
#include "models/PriceTableModel.h"
#include "pricing/PriceCatalogue.h"
#include "util/TextTable.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPluginLoader>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QSqlQuery>
#include <QStandardItemModel>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace lda::ui {

CostsPage::CostsPage(const UiServices &services, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(pageTitle(tr("Self-hosting costs"),
                                tr("GPU instances for self-hosted models: hourly rates and the monthly cost of one "
                                   "instance running all month (730 hours). Hover a row for its source."),
                                this));
    auto *model = new QStandardItemModel(this);
    model->setHorizontalHeaderLabels({tr("Instance"), tr("Cloud"), tr("GPUs"), tr("GPU memory"), tr("On-demand $/h"),
                                      tr("Per month"), tr("Spot $/h"), tr("3-year $/h"), tr("As of")});
    const QList<core::kb::GpuInstance> gpus = services.kb->gpuInstances();
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
                          cell(core::util::formatUsd(g.onDemandHour * 730.0, 0), tip), cell(rate(g.spotHour), tip),
                          cell(rate(g.ri3yHour), tip), cell(g.asOf, tip)});
    }
    auto *view = new QTableView(this);
    view->setObjectName(u"gpuTable"_s);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model);
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(view, 2);

    layout->addWidget(new QLabel(tr("<b>Throughput basis</b> — sustained output tokens per second per instance at an "
                                    "interactive operating point (vLLM); the range is the spread of the evidence."),
                                 this));
    auto *tmodel = new QStandardItemModel(this);
    tmodel->setHorizontalHeaderLabels({tr("Model size"), tr("GPUs"), tr("Tokens/s"), tr("Range"), tr("Basis")});
    const QList<core::kb::ThroughputRow> rows = services.kb->throughput();
    for (const core::kb::ThroughputRow &t : rows) {
        const QString tip = t.source;
        tmodel->appendRow({cell(t.sizeClass, tip), cell(QString::number(t.gpuCount) % u" × "_s % t.gpuModel, tip),
                           cell(QString::number(t.tokensPerSecond), tip),
                           cell(QString::number(t.low) % u"–"_s % QString::number(t.high), tip), cell(t.basis, tip)});
    }
    auto *tview = new QTableView(this);
    tview->setModel(tmodel);
    tview->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    tview->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(tview, 1);
}

} // namespace lda::ui
