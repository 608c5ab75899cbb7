#pragma once

#include "kb/KnowledgeBase.h"
#include "pricing/PriceCatalogue.h"
#include "util/TextTable.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace lda::core::scenario {
struct Workload;
}
namespace lda::core::cost {
class CostEngine;
}

namespace lda::core::decision {

// ---- Options side by side (the Compare page and `compare`) ---------------------------------------

// One criterion across the chosen options, values in the options' order.
struct ComparisonRow
{
    QString criterionId;
    QString name;
    QString category;
    QString description;
    QStringList values;
    bool differs = false;
};

struct ComparisonFilter
{
    QString provider;             // aws | azure | gcp; empty = every cloud
    QString category;             // criterion category; empty = every category
    bool differencesOnly = false; // only the rows where the shown options differ
};

// The options to show: `chosen` ids in the knowledge base's order (empty = all), limited to one cloud.
[[nodiscard]] QList<kb::DeploymentOption> selectOptions(const QList<kb::DeploymentOption> &all,
                                                        const QStringList &chosen, const QString &provider = {});
// True when the values are not all the same (whitespace and case are ignored).
[[nodiscard]] bool valuesDiffer(const QStringList &values);
[[nodiscard]] QList<ComparisonRow> comparisonRows(const QList<kb::DeploymentOption> &options,
                                                  const QList<kb::Criterion> &criteria,
                                                  const ComparisonFilter &filter = {});
[[nodiscard]] QStringList criterionCategories(const QList<kb::Criterion> &criteria);

// Header "Criterion" then one column per option; used for Markdown and CSV.
[[nodiscard]] util::Table comparisonTable(const QList<kb::DeploymentOption> &options,
                                          const QList<ComparisonRow> &rows);
// {"options":[{id, provider, name, category}], "criteria":[{id, name, category, description, differs,
//  values:{<option id>: value}}]}
[[nodiscard]] QJsonObject comparisonToJson(const QList<kb::DeploymentOption> &options,
                                           const QList<ComparisonRow> &rows);

// ---- Models and prices across options ---------------------------------------------------------------

// One model on one option that offers it, with its per-token price when the knowledge base has one.
struct ModelPriceRow
{
    QString modelId;
    QString modelName;
    QString vendor;
    QString optionId;
    QString optionName;
    QString provider;
    std::optional<double> inputPerMTok;
    std::optional<double> outputPerMTok;
    std::optional<double> cachedInputPerMTok;
    qint64 contextWindow = 0;
    QString lifecycle;
    QString lifecycleDate;
    QString source;
    QString asOf;
    QString origin;
    std::optional<double> workloadMonthlyUsd; // "cost for my workload"
};

// Every model x every option it is available on, and every priced pair, sorted by model then option.
[[nodiscard]] QList<ModelPriceRow> modelPriceRows(const QList<kb::Model> &models,
                                                  const QList<kb::DeploymentOption> &options,
                                                  const QList<pricing::Price> &prices);

struct ModelPriceFilter
{
    QString search;       // words matched against model, vendor, option (all must match, case-insensitive)
    QString provider;     // empty = every cloud
    QStringList optionIds; // empty = every option
};
[[nodiscard]] bool matches(const ModelPriceRow &row, const ModelPriceFilter &filter);

enum class ModelPriceColumn {
    Model, Option, Input, Output, CachedInput, WorkloadCost, Context, Lifecycle, AsOf, Source, Count
};
// Negative when a sorts before b ascending. Unknown numbers sort after known ones in both directions
// (callers flip only the known part: see lessThan).
[[nodiscard]] int compareRows(const ModelPriceRow &a, const ModelPriceRow &b, ModelPriceColumn column);
[[nodiscard]] bool lessThan(const ModelPriceRow &a, const ModelPriceRow &b, ModelPriceColumn column, bool ascending);

// The shared per-token arithmetic: millions of input and output tokens times the per-million prices.
[[nodiscard]] double perTokenCostUsd(double inputMillions, double outputMillions, double inputPerMTok,
                                     double outputPerMTok);
// "Cost for my workload" of one row: the cost engine's estimate when it prices this very model on this
// option, else per-token arithmetic over the workload's monthly tokens; nullopt without a price.
[[nodiscard]] std::optional<double> workloadCost(const ModelPriceRow &row, const scenario::Workload &workload,
                                                 const cost::CostEngine *engine);

[[nodiscard]] util::Table modelPriceTable(const QList<ModelPriceRow> &rows);

} // namespace lda::core::decision
