#include "PricesPage.h"

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

PricesPage::PricesPage(const UiServices &services, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(pageTitle(tr("Per-token prices"),
                                tr("USD per million tokens for every model on the managed services. Each price "
                                   "names its source and as-of date; hover a row for details."),
                                this));
    auto *bar = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"priceSearch"_s);
    m_search->setPlaceholderText(tr("Filter by model, option or source…"));
    m_search->setClearButtonEnabled(true);
    m_provider = providerCombo(this);
    m_count = new QLabel(this);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_provider);
    bar->addWidget(m_count);
    layout->addLayout(bar);

    QHash<QString, QString> optionNames;
    QHash<QString, QString> providers;
    const QList<core::kb::DeploymentOption> options = services.kb->options();
    for (const core::kb::DeploymentOption &o : options) {
        optionNames.insert(o.id, o.name);
        providers.insert(o.id, o.provider);
    }
    QHash<QString, QString> modelNames;
    const QList<core::kb::Model> models = services.kb->models();
    for (const core::kb::Model &m : models)
        modelNames.insert(m.id, m.name);

    m_model = new PriceTableModel(this);
    m_model->setPrices(services.prices->resolvedPrices(), optionNames, modelNames, providers);
    m_proxy = new PriceFilterProxy(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(PriceTableModel::SortRole);
    auto *view = new QTableView(this);
    view->setObjectName(u"priceTable"_s);
    view->setModel(m_proxy);
    view->setSortingEnabled(true);
    view->sortByColumn(PriceTableModel::Option, Qt::AscendingOrder);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setAlternatingRowColors(true);
    layout->addWidget(view, 1);
    connect(m_search, &QLineEdit::textChanged, this, &PricesPage::applyFilter);
    connect(m_provider, &QComboBox::currentIndexChanged, this, &PricesPage::applyFilter);
    applyFilter();
}

void PricesPage::applyFilter()
{
    m_proxy->setFilter(m_provider->currentData().toString(), m_search->text());
    m_count->setText(tr("%n price(s)", nullptr, m_proxy->rowCount()));
}

} // namespace lda::ui
