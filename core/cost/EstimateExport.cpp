#include "EstimateExport.h"

#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;

namespace lda::core::cost {

namespace {

QJsonValue optionalNumber(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject estimatesToJson(const scenario::Workload &workload, const EstimateSet &set)
{
    QJsonArray estimates;
    for (const Estimate &e : set.estimates) {
        QJsonArray breakdown;
        for (const LineItem &l : e.breakdown)
            breakdown.append(QJsonObject{{u"item"_s, l.item}, {u"usd"_s, l.usd}});
        QJsonObject o{{u"option"_s, e.optionId},
                      {u"model"_s, e.modelId},
                      {u"monthly_usd"_s, e.monthlyUsd},
                      {u"per_1k_requests_usd"_s, e.per1kRequestsUsd},
                      {u"breakdown"_s, breakdown},
                      {u"assumptions"_s, QJsonArray::fromStringList(e.assumptions)},
                      {u"price_as_of"_s, e.priceAsOf},
                      {u"mode"_s, e.mode},
                      {u"provider"_s, e.provider}};
        if (e.mode == u"self_hosted"_s) {
            o.insert(u"instance"_s, e.instanceId);
            o.insert(u"instances"_s, e.instances);
            o.insert(u"pricing"_s, e.pricing);
        } else if (e.mode == u"provisioned"_s) {
            o.insert(u"provisioned_variant"_s, e.provisionedVariant);
            o.insert(u"units"_s, e.units);
        }
        estimates.append(o);
    }
    QJsonArray breakEven;
    for (const BreakEven &b : set.breakEven) {
        breakEven.append(QJsonObject{{u"managed"_s, b.managed},
                                     {u"self_hosted"_s, b.selfHosted},
                                     {u"requests_per_day"_s, optionalNumber(b.requestsPerDay)},
                                     {u"managed_model"_s, b.managedModel},
                                     {u"self_hosted_model"_s, b.selfHostedModel}});
    }
    QJsonArray unavailable;
    for (const Unavailable &u : set.unavailable)
        unavailable.append(QJsonObject{{u"option"_s, u.optionId}, {u"reason"_s, u.reason}});
    QJsonArray provisioned;
    for (const ProvisionedComparison &p : set.provisioned) {
        provisioned.append(QJsonObject{{u"option"_s, p.optionId},
                                       {u"model"_s, p.modelId},
                                       {u"variant"_s, p.variant},
                                       {u"term"_s, p.term},
                                       {u"units"_s, p.units},
                                       {u"monthly_usd"_s, p.monthlyUsd},
                                       {u"per_token_monthly_usd"_s, p.perTokenMonthlyUsd},
                                       {u"requests_per_day"_s, optionalNumber(p.breakEvenRequestsPerDay)},
                                       {u"price_as_of"_s, p.asOf}});
    }
    return {{u"workload"_s, scenario::workloadToJson(workload)},
            {u"estimates"_s, estimates},
            {u"break_even"_s, breakEven},
            {u"break_even_max_requests_per_day"_s, set.maxRequestsPerDay},
            {u"provisioned"_s, provisioned},
            {u"unavailable"_s, unavailable}};
}

util::Table estimatesToTable(const EstimateSet &set)
{
    util::Table t;
    t.headers = QStringList{u"option"_s, u"model"_s, u"mode"_s, u"monthly_usd"_s, u"per_1k_requests_usd"_s}
        + lineItemNames() + QStringList{u"price_as_of"_s};
    for (const Estimate &e : set.estimates) {
        QStringList row{e.optionId, e.modelId, e.mode, util::formatNumber(std::round(e.monthlyUsd * 100) / 100),
                        util::formatNumber(std::round(e.per1kRequestsUsd * 10000) / 10000)};
        for (const QString &item : lineItemNames())
            row.append(util::formatNumber(std::round(e.usd(item) * 100) / 100));
        row.append(e.priceAsOf);
        t.rows.append(row);
    }
    return t;
}

util::Table seriesToTable(const QList<SeriesLine> &series)
{
    util::Table t;
    t.headers.append(u"requests_per_day"_s);
    qsizetype n = 0;
    for (const SeriesLine &s : series) {
        t.headers.append(s.optionId);
        n = std::max(n, s.points.size());
    }
    for (qsizetype i = 0; i < n; ++i) {
        QStringList row{series.isEmpty() ? QString() : util::formatNumber(std::round(series.first().points.value(i).x()))};
        for (const SeriesLine &s : series)
            row.append(util::formatNumber(std::round(s.points.value(i).y() * 100) / 100));
        t.rows.append(row);
    }
    return t;
}

} // namespace lda::core::cost
