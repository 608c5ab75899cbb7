#include "ScenariosPage.h"

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

ScenariosPage::ScenariosPage(const UiServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(pageTitle(tr("Scenarios"),
                                tr("The guide's four use cases ship as ready-made workloads; your saved scenarios "
                                   "appear below them."),
                                this));
    auto *splitter = new QSplitter(this);
    m_list = new QListWidget(splitter);
    m_list->setObjectName(u"scenarioList"_s);
    m_details = new QTextBrowser(splitter);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);

    const QList<core::kb::UseCase> useCases = services.kb->useCases();
    for (const core::kb::UseCase &u : useCases) {
        auto *item = new QListWidgetItem(tr("%1 (guide use case)").arg(u.name), m_list);
        item->setToolTip(u.summary);
        m_workloads.append(u.workloadJson);
    }
    if (services.user) {
        QSqlQuery q(services.user->database());
        q.exec(u"SELECT name, workload_json FROM scenarios WHERE deleted_at IS NULL ORDER BY name"_s);
        while (q.next()) {
            new QListWidgetItem(q.value(0).toString(), m_list);
            m_workloads.append(q.value(1).toString());
        }
    }
    connect(m_list, &QListWidget::currentRowChanged, this, &ScenariosPage::showScenario);
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
}

void ScenariosPage::showScenario(int row)
{
    if (row < 0 || row >= m_workloads.size())
        return;
    const QJsonObject w = QJsonDocument::fromJson(m_workloads.at(row).toUtf8()).object();
    QString html = u"<h2>"_s % w.value(u"name"_s).toString().toHtmlEscaped() % u"</h2><table cellpadding='3'>"_s;
    const QList<std::pair<QString, QString>> rows = {
        {tr("Model"), w.value(u"model"_s).toString()},
        {tr("Requests per day"), core::util::formatUsd(w.value(u"requests_per_day"_s).toDouble(), 0).mid(1)},
        {tr("Input tokens per request"), QString::number(w.value(u"input_tokens_per_request"_s).toDouble())},
        {tr("Output tokens per request"), QString::number(w.value(u"output_tokens_per_request"_s).toDouble())},
        {tr("Cache hit rate"), QString::number(w.value(u"cache_hit_rate"_s).toDouble() * 100) % u" %"_s},
        {tr("Batch share"), QString::number(w.value(u"batch_share"_s).toDouble() * 100) % u" %"_s},
        {tr("Monthly budget"), w.contains(u"budget_usd_per_month"_s)
                                   ? core::util::formatUsd(w.value(u"budget_usd_per_month"_s).toDouble(), 0)
                                   : tr("none")},
    };
    for (const auto &[label, value] : rows)
        html += u"<tr><td><b>"_s % label.toHtmlEscaped() % u"</b></td><td>"_s % value.toHtmlEscaped() % u"</td></tr>"_s;
    html += u"</table>"_s;
    const QJsonObject self = w.value(u"self_hosted"_s).toObject();
    if (!self.isEmpty())
        html += u"<p>"_s % tr("Self-hosted on %1 × %2 (%3), %4 h/day").arg(self.value(u"count"_s).toDouble())
                    .arg(self.value(u"instance"_s).toString(), self.value(u"pricing"_s).toString())
                    .arg(self.value(u"hours_per_day"_s).toDouble()) % u"</p>"_s;
    m_details->setHtml(html);
}

} // namespace lda::ui
