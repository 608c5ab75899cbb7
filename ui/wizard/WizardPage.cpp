#include "WizardPage.h"

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

WizardPage::WizardPage(const UiServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(pageTitle(tr("Where should your LLM run?"),
                                tr("Nine ways to deploy on AWS, Azure and Google Cloud, from a managed API you call "
                                   "in minutes to GPUs you run yourself. Pick one to see what it is good and bad at."),
                                this));
    auto *splitter = new QSplitter(this);
    m_list = new QListWidget(splitter);
    m_list->setObjectName(u"wizardOptionList"_s);
    m_details = new QTextBrowser(splitter);
    m_details->setOpenLinks(false);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);

    QString lastProvider;
    const QList<core::kb::DeploymentOption> options = services.kb->options();
    for (const core::kb::DeploymentOption &o : options) {
        if (o.provider != lastProvider) {
            auto *header = new QListWidgetItem(providerName(o.provider), m_list);
            QFont f = header->font();
            f.setBold(true);
            header->setFont(f);
            header->setFlags(Qt::ItemIsEnabled);
            lastProvider = o.provider;
        }
        auto *item = new QListWidgetItem(u"    "_s % o.name, m_list);
        item->setData(Qt::UserRole, o.id);
        item->setToolTip(o.summary);
    }
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item && !item->data(Qt::UserRole).toString().isEmpty())
            showOption(item->data(Qt::UserRole).toString());
    });
    if (m_list->count() > 1)
        m_list->setCurrentRow(1);
}

void WizardPage::showOption(const QString &id)
{
    const std::optional<core::kb::DeploymentOption> o = m_services.kb->option(id);
    if (!o)
        return;
    QString html = u"<h2>"_s % o->name.toHtmlEscaped() % u"</h2><p>"_s % o->summary.toHtmlEscaped() % u"</p>"_s;
    html += u"<table cellpadding='3'>"_s;
    const QList<std::pair<QString, QString>> facts = {
        {tr("Cloud"), providerName(o->provider)},   {tr("Category"), o->category},
        {tr("Setup time"), o->setupTime},           {tr("Operations burden"), o->opsBurden},
        {tr("Scaling"), o->scalingModel},           {tr("GPU support"), o->gpuSupport},
        {tr("Scale to zero"), o->scaleToZero},      {tr("Pricing model"), o->pricingModel},
    };
    for (const auto &[label, value] : facts)
        html += u"<tr><td><b>"_s % label.toHtmlEscaped() % u"</b></td><td>"_s % value.toHtmlEscaped() % u"</td></tr>"_s;
    html += u"</table>"_s;
    html += u"<h3>"_s % tr("Strengths") % u"</h3>"_s % htmlList(o->strengths);
    html += u"<h3>"_s % tr("Weaknesses") % u"</h3>"_s % htmlList(o->weaknesses);
    if (!o->compliance.isEmpty())
        html += u"<h3>"_s % tr("Compliance") % u"</h3>"_s % htmlList(o->compliance);
    if (!o->note.isEmpty())
        html += u"<p><i>"_s % o->note.toHtmlEscaped() % u"</i></p>"_s;
    html += u"<p>"_s % tr("Read more in the guide: %1").arg(o->guide.toHtmlEscaped()) % u"</p>"_s;
    m_details->setHtml(html);
}

} // namespace lda::ui
