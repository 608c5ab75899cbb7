#include "ComparePage.h"

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

ComparePage::ComparePage(const UiServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(pageTitle(tr("Compare deployment options"),
                                tr("Criteria in rows, options in columns; criteria on which the shown options differ "
                                   "are in bold."),
                                this));
    auto *bar = new QHBoxLayout;
    m_provider = providerCombo(this);
    m_differencesOnly = new QCheckBox(tr("Show &differences only"), this);
    bar->addWidget(new QLabel(tr("Cloud:"), this));
    bar->addWidget(m_provider);
    bar->addWidget(m_differencesOnly);
    bar->addStretch();
    layout->addLayout(bar);
    m_model = new ComparisonModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(u"compareTable"_s);
    m_view->setModel(m_model);
    m_view->setWordWrap(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_view, 1);
    connect(m_provider, &QComboBox::currentIndexChanged, this, &ComparePage::refresh);
    connect(m_differencesOnly, &QCheckBox::toggled, this, &ComparePage::refresh);
    refresh();
}

void ComparePage::refresh()
{
    const QString provider = m_provider->currentData().toString();
    QList<core::kb::DeploymentOption> options;
    const QList<core::kb::DeploymentOption> all = m_services.kb->options();
    for (const core::kb::DeploymentOption &o : all) {
        if (provider.isEmpty() || o.provider == provider)
            options.append(o);
    }
    m_model->setData(options, m_services.kb->criteria());
    for (int row = 0; row < m_model->rowCount(); ++row)
        m_view->setRowHidden(row, m_differencesOnly->isChecked() && !m_model->rowDiffers(row));
}

} // namespace lda::ui
