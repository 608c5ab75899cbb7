#include "GuidePage.h"

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

GuidePage::GuidePage(const UiServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
{
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_status = new QLabel(tr("Opening the guide…"), this);
    m_status->setAlignment(Qt::AlignCenter);
    m_status->setWordWrap(true);
    m_layout->addWidget(m_status);
}

void GuidePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_viewer)
        loadViewer();
}

void GuidePage::loadViewer()
{
    QPluginLoader loader(m_services.pluginDir % u"/liblda_guideview.so"_s);
    QObject *instance = loader.instance();
    auto *factory = qobject_cast<GuideViewFactory *>(instance);
    if (!factory) {
        m_status->setText(tr("The guide viewer could not be loaded from %1.\n%2")
                              .arg(QDir::toNativeSeparators(m_services.pluginDir), loader.errorString()));
        return;
    }
    m_viewer = factory->createGuideView(m_services, this);
    m_layout->addWidget(m_viewer);
    m_status->hide();
}

} // namespace lda::ui
