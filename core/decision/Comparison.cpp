#include "Comparison.h"

#include "cost/CostEngine.h"
#include "scenario/Workload.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace lda::core::decision {

QList<kb::DeploymentOption> selectOptions(const QList<kb::DeploymentOption> &all, const QStringList &chosen,
                                          const QString &provider)
{
    QList<kb::DeploymentOption> out;
    for (const kb::DeploymentOption &o : all) {
        if (!chosen.isEmpty() && !chosen.contains(o.id))
            continue;
        if (!provider.isEmpty() && o.provider != provider)
            continue;
        out.append(o);
    }
    return out;
}

bool valuesDiffer(const QStringList &values)
{
    QSet<QString> seen;
    for (const QString &v : values)
        seen.insert(v.simplified().toLower());
    return seen.size() > 1;
}

QList<ComparisonRow> comparisonRows(const QList<kb::DeploymentOption> &options, const QList<kb::Criterion> &criteria,
                                    const ComparisonFilter &filter)
{
    QList<ComparisonRow> out;
    for (const kb::Criterion &c : criteria) {
        if (!filter.category.isEmpty() && c.category != filter.category)
            continue;
        ComparisonRow row{c.id, c.name, c.category, c.description, {}, false};
        for (const kb::DeploymentOption &o : options) {
            if (filter.provider.isEmpty() || o.provider == filter.provider)
                row.values.append(c.values.value(o.id));
        }
        row.differs = valuesDiffer(row.values);
        if (filter.differencesOnly && !row.differs)
            continue;
        out.append(row);
    }
    return out;
}

QStringList criterionCategories(const QList<kb::Criterion> &criteria)
{
    QStringList out;
    for (const kb::Criterion &c : criteria) {
        if (!out.contains(c.category))
            out.append(c.category);
    }
    std::sort(out.begin(), out.end());
    return out;
}

util::Table comparisonTable(const QList<kb::DeploymentOption> &options, const QList<ComparisonRow> &rows)
{
    util::Table t;
    t.headers.append(u"Criterion"_s);
    for (const kb::DeploymentOption &o : options)
        t.headers.append(o.name);
    for (const ComparisonRow &r : rows) {
        QStringList cells{r.name};
        cells.append(r.values);
        t.rows.append(cells);
    }
    return t;
}

QJsonObject comparisonToJson(const QList<kb::DeploymentOption> &options, const QList<ComparisonRow> &rows)
{
    QJsonArray jsonOptions;
    for (const kb::DeploymentOption &o : options) {
        jsonOptions.append(QJsonObject{{u"id"_s, o.id},
                                       {u"provider"_s, o.provider},
                                       {u"name"_s, o.name},
                                       {u"category"_s, o.category},
                                       {u"guide"_s, o.guide}});
    }
    QJsonArray jsonRows;
    for (const ComparisonRow &r : rows) {
        QJsonObject values;
        for (qsizetype i = 0; i < options.size() && i < r.values.size(); ++i)
            values.insert(options.at(i).id, r.values.at(i));
        jsonRows.append(QJsonObject{{u"id"_s, r.criterionId},
                                    {u"name"_s, r.name},
                                    {u"category"_s, r.category},
                                    {u"description"_s, r.description},
                                    {u"differs"_s, r.differs},
                                    {u"values"_s, values}});
    }
    return QJsonObject{{u"options"_s, jsonOptions}, {u"criteria"_s, jsonRows}};
}

QList<ModelPriceRow> modelPriceRows(const QList<kb::Model> &models, const QList<kb::DeploymentOption> &options,
                                    const QList<pricing::Price> &prices)
{
    QHash<QString, const kb::DeploymentOption *> optionById;
    for (const kb::DeploymentOption &o : options)
        optionById.insert(o.id, &o);
    QHash<QString, const pricing::Price *> priceByKey;
    for (const pricing::Price &p : prices)
        priceByKey.insert(p.optionId % u'/' % p.modelId, &p);

    QList<ModelPriceRow> out;
    for (const kb::Model &m : models) {
        QStringList optionIds;
        for (const kb::ModelAvailability &a : m.availability)
            optionIds.append(a.optionId);
        for (const pricing::Price &p : prices) {
            if (p.modelId == m.id && !optionIds.contains(p.optionId))
                optionIds.append(p.optionId);
        }
        for (const QString &optionId : std::as_const(optionIds)) {
            const kb::DeploymentOption *o = optionById.value(optionId);
            if (!o)
                continue;
            ModelPriceRow row;
            row.modelId = m.id;
            row.modelName = m.name;
            row.vendor = m.vendor;
            row.optionId = o->id;
            row.optionName = o->name;
            row.provider = o->provider;
            row.contextWindow = m.contextWindow;
            row.lifecycle = m.lifecycle;
            row.lifecycleDate = m.lifecycleDate;
            if (const pricing::Price *p = priceByKey.value(optionId % u'/' % m.id)) {
                row.inputPerMTok = p->inputPerMTok;
                row.outputPerMTok = p->outputPerMTok;
                row.cachedInputPerMTok = p->cachedInputPerMTok;
                row.source = p->source;
                row.asOf = p->asOf;
                row.origin = pricing::originName(p->origin);
            }
            out.append(row);
        }
    }
    std::sort(out.begin(), out.end(), [&](const ModelPriceRow &a, const ModelPriceRow &b) {
        const int oa = optionById.value(a.optionId)->order;
        const int ob = optionById.value(b.optionId)->order;
        return std::tie(a.modelName, oa, a.optionId) < std::tie(b.modelName, ob, b.optionId);
    });
    return out;
}

bool matches(const ModelPriceRow &row, const ModelPriceFilter &filter)
{
    if (!filter.provider.isEmpty() && row.provider != filter.provider)
        return false;
    if (!filter.optionIds.isEmpty() && !filter.optionIds.contains(row.optionId))
        return false;
    const QString haystack = (row.modelId % u' ' % row.modelName % u' ' % row.vendor % u' ' % row.optionId % u' '
                              % row.optionName % u' ' % row.lifecycle)
                                 .toLower();
    static const QRegularExpression space(u"\\s+"_s);
    const QStringList words = filter.search.toLower().split(space, Qt::SkipEmptyParts);
    return std::all_of(words.cbegin(), words.cend(), [&](const QString &w) { return haystack.contains(w); });
}

namespace {

int compareOptional(const std::optional<double> &a, const std::optional<double> &b)
{
    if (a && b)
        return *a < *b ? -1 : (*a > *b ? 1 : 0);
    if (a)
        return -1;
    if (b)
        return 1;
    return 0;
}

bool hasValue(const ModelPriceRow &r, ModelPriceColumn column)
{
    switch (column) {
    case ModelPriceColumn::Input:
        return r.inputPerMTok.has_value();
    case ModelPriceColumn::Output:
        return r.outputPerMTok.has_value();
    case ModelPriceColumn::CachedInput:
        return r.cachedInputPerMTok.has_value();
    case ModelPriceColumn::WorkloadCost:
        return r.workloadMonthlyUsd.has_value();
    case ModelPriceColumn::AsOf:
        return !r.asOf.isEmpty();
    case ModelPriceColumn::Source:
        return !r.source.isEmpty();
    default:
        return true;
    }
}

} // namespace

int compareRows(const ModelPriceRow &a, const ModelPriceRow &b, ModelPriceColumn column)
{
    switch (column) {
    case ModelPriceColumn::Model:
        return QString::compare(a.modelName, b.modelName, Qt::CaseInsensitive);
    case ModelPriceColumn::Option:
        return QString::compare(a.optionName, b.optionName, Qt::CaseInsensitive);
    case ModelPriceColumn::Input:
        return compareOptional(a.inputPerMTok, b.inputPerMTok);
    case ModelPriceColumn::Output:
        return compareOptional(a.outputPerMTok, b.outputPerMTok);
    case ModelPriceColumn::CachedInput:
        return compareOptional(a.cachedInputPerMTok, b.cachedInputPerMTok);
    case ModelPriceColumn::Context:
        return a.contextWindow < b.contextWindow ? -1 : (a.contextWindow > b.contextWindow ? 1 : 0);
    case ModelPriceColumn::Lifecycle:
        return QString::compare(a.lifecycle, b.lifecycle);
    case ModelPriceColumn::WorkloadCost:
        return compareOptional(a.workloadMonthlyUsd, b.workloadMonthlyUsd);
    case ModelPriceColumn::AsOf:
        return QString::compare(a.asOf, b.asOf);
    case ModelPriceColumn::Source:
        return QString::compare(a.source, b.source, Qt::CaseInsensitive);
    case ModelPriceColumn::Count:
        break;
    }
    return 0;
}

bool lessThan(const ModelPriceRow &a, const ModelPriceRow &b, ModelPriceColumn column, bool ascending)
{
    // Rows without a value go last whichever way the column is sorted.
    const bool ha = hasValue(a, column);
    const bool hb = hasValue(b, column);
    if (ha != hb)
        return ha;
    const int c = compareRows(a, b, column);
    if (c != 0)
        return ascending ? c < 0 : c > 0;
    return std::tie(a.modelName, a.optionName) < std::tie(b.modelName, b.optionName);
}

double perTokenCostUsd(double inputMillions, double outputMillions, double inputPerMTok, double outputPerMTok)
{
    return inputMillions * inputPerMTok + outputMillions * outputPerMTok;
}

std::optional<double> workloadCost(const ModelPriceRow &row, const scenario::Workload &workload,
                                   const cost::CostEngine *engine)
{
    if (!row.inputPerMTok || !row.outputPerMTok)
        return std::nullopt;
    if (engine) {
        scenario::Workload w = workload;
        w.model = row.modelId;
        const std::optional<cost::Estimate> e = engine->estimate(w, row.optionId);
        if (e && e->modelId == row.modelId && std::isfinite(e->monthlyUsd))
            return e->monthlyUsd;
    }
    const double requests = workload.requestsPerDay * workload.daysPerMonth;
    return perTokenCostUsd(requests * workload.inputTokensPerRequest / 1e6,
                           requests * workload.outputTokensPerRequest / 1e6, *row.inputPerMTok, *row.outputPerMTok);
}

util::Table modelPriceTable(const QList<ModelPriceRow> &rows)
{
    const auto num = [](const std::optional<double> &v) {
        return v ? util::formatNumber(*v) : u"unknown"_s;
    };
    util::Table t;
    t.headers = {u"Model"_s, u"Option"_s, u"Input $/1M"_s, u"Output $/1M"_s, u"Cached input $/1M"_s,
                 u"Cost for my workload $/month"_s, u"Context window"_s, u"Lifecycle"_s, u"As of"_s, u"Source"_s};
    for (const ModelPriceRow &r : rows) {
        t.rows.append({r.modelName, r.optionName, num(r.inputPerMTok), num(r.outputPerMTok), num(r.cachedInputPerMTok),
                       r.workloadMonthlyUsd ? util::formatNumber(std::round(*r.workloadMonthlyUsd * 100) / 100)
                                            : u"unknown"_s,
                       QString::number(r.contextWindow),
                       r.lifecycle % (r.lifecycleDate.isEmpty() ? QString() : u" "_s % r.lifecycleDate),
                       r.asOf.isEmpty() ? u"unknown"_s : r.asOf, r.source.isEmpty() ? u"unknown"_s : r.source});
    }
    return t;
}

} // namespace lda::core::decision
