#include "PriceExport.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace lda::core::pricing {

namespace {

QJsonValue optional(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QString optionalText(const std::optional<double> &v)
{
    return v ? util::formatNumber(*v) : QString();
}

} // namespace

QJsonObject pricesToJson(const QList<Price> &prices)
{
    QJsonArray array;
    for (const Price &p : prices) {
        QJsonObject o;
        o.insert(u"option"_s, p.optionId);
        o.insert(u"model"_s, p.modelId);
        o.insert(u"input_per_mtok"_s, p.inputPerMTok);
        o.insert(u"output_per_mtok"_s, p.outputPerMTok);
        o.insert(u"cached_input_per_mtok"_s, optional(p.cachedInputPerMTok));
        o.insert(u"batch_discount"_s, optional(p.batchDiscount));
        o.insert(u"regional_premium"_s, optional(p.regionalPremium));
        o.insert(u"as_of"_s, p.asOf);
        o.insert(u"source"_s, p.source);
        o.insert(u"origin"_s, originName(p.origin));
        o.insert(u"confidence"_s, p.confidence);
        o.insert(u"stale"_s, p.stale);
        o.insert(u"sources_disagree"_s, p.sourcesDisagree);
        array.append(o);
    }
    return QJsonObject{{u"prices"_s, array}};
}

util::Table pricesToTable(const QList<Price> &prices)
{
    util::Table table;
    table.headers = {u"option"_s, u"model"_s, u"input/M"_s, u"output/M"_s, u"cached/M"_s, u"batch"_s, u"as of"_s,
                     u"origin"_s, u"source"_s};
    for (const Price &p : prices) {
        table.rows.append({p.optionId, p.modelId, util::formatNumber(p.inputPerMTok),
                           util::formatNumber(p.outputPerMTok), optionalText(p.cachedInputPerMTok),
                           p.batchDiscount ? QString::number(*p.batchDiscount * 100) % u'%' : QString(), p.asOf,
                           originName(p.origin), p.source});
    }
    return table;
}

QJsonObject historyToJson(const QList<PricePoint> &points)
{
    QJsonArray array;
    for (const PricePoint &p : points) {
        QJsonObject o;
        o.insert(u"as_of"_s, p.asOf);
        o.insert(u"input_per_mtok"_s, optional(p.inputPerMTok));
        o.insert(u"output_per_mtok"_s, optional(p.outputPerMTok));
        o.insert(u"origin"_s, originName(p.origin));
        o.insert(u"source"_s, p.source);
        o.insert(u"option"_s, p.optionId);
        array.append(o);
    }
    return QJsonObject{{u"history"_s, array}};
}

util::Table historyToTable(const QList<PricePoint> &points)
{
    util::Table table;
    table.headers = {u"as of"_s, u"option"_s, u"input/M"_s, u"output/M"_s, u"origin"_s, u"source"_s};
    for (const PricePoint &p : points) {
        table.rows.append({p.asOf, p.optionId, optionalText(p.inputPerMTok), optionalText(p.outputPerMTok),
                           originName(p.origin), p.source});
    }
    return table;
}

} // namespace lda::core::pricing
