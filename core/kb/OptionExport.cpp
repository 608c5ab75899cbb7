#include "OptionExport.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace lda::core::kb {

QJsonObject optionsToJson(const QList<DeploymentOption> &options)
{
    QJsonArray array;
    for (const DeploymentOption &o : options) {
        QJsonObject j;
        j.insert(u"id"_s, o.id);
        j.insert(u"provider"_s, o.provider);
        j.insert(u"name"_s, o.name);
        j.insert(u"category"_s, o.category);
        j.insert(u"summary"_s, o.summary);
        j.insert(u"setup_time"_s, o.setupTime);
        j.insert(u"ops_burden"_s, o.opsBurden);
        j.insert(u"scaling_model"_s, o.scalingModel);
        j.insert(u"gpu_support"_s, o.gpuSupport);
        j.insert(u"scale_to_zero"_s, o.scaleToZero);
        j.insert(u"pricing_model"_s, o.pricingModel);
        j.insert(u"strengths"_s, QJsonArray::fromStringList(o.strengths));
        j.insert(u"weaknesses"_s, QJsonArray::fromStringList(o.weaknesses));
        j.insert(u"compliance"_s, QJsonArray::fromStringList(o.compliance));
        j.insert(u"guide"_s, o.guide);
        array.append(j);
    }
    return QJsonObject{{u"options"_s, array}};
}

util::Table optionsToTable(const QList<DeploymentOption> &options)
{
    util::Table table;
    table.headers = {u"id"_s, u"provider"_s, u"name"_s, u"category"_s, u"ops burden"_s, u"scale to zero"_s};
    for (const DeploymentOption &o : options)
        table.rows.append({o.id, o.provider, o.name, o.category, o.opsBurden, o.scaleToZero});
    return table;
}

} // namespace lda::core::kb
