#pragma once

#include "kb/KnowledgeBase.h"
#include "pricing/PriceCatalogue.h"
#include "scenario/Workload.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <optional>

namespace lda::core::cost {

// The calculator's month (FACTS.md §1.3): 730 hours.
inline constexpr double HoursPerMonth = 730.0;
// Default utilisation U = average load / capacity bought (FACTS.md §3.2).
inline constexpr double DefaultUtilisation = 0.4;

// Breakdown item names of the estimate contract (DESIGN.md §4), in display order.
[[nodiscard]] const QStringList &lineItemNames();

struct LineItem
{
    QString item;
    double usd = 0;
    friend bool operator==(const LineItem &, const LineItem &) = default;
};

// One priced option for one workload. monthlyUsd is the sum of the breakdown, always finite.
struct Estimate
{
    QString optionId;
    QString optionName;
    QString provider;
    QString mode; // per_token | provisioned | self_hosted
    QString modelId;
    double monthlyUsd = 0;
    double per1kRequestsUsd = 0;
    QList<LineItem> breakdown;
    QStringList assumptions;
    QString priceAsOf;
    // self_hosted
    QString instanceId;
    double instances = 0;
    QString pricing;
    // provisioned
    QString provisionedVariant;
    double units = 0;

    [[nodiscard]] double usd(const QString &item) const;
};

struct Unavailable
{
    QString optionId;
    QString reason;
};

// The requests per day above which the self-hosted option is cheaper than the managed one (null when
// that never happens below maxRequestsPerDay).
struct BreakEven
{
    QString managed;
    QString selfHosted;
    QString managedModel;
    QString selfHostedModel;
    std::optional<double> requestsPerDay;
};

// Provisioned throughput (PTU / GSU) of a managed option against its own pay-per-token price.
struct ProvisionedComparison
{
    QString optionId;
    QString modelId;
    QString variant;
    QString term;
    double units = 0;
    double monthlyUsd = 0;        // provisioned, at the workload's volume
    double perTokenMonthlyUsd = 0; // pay-per-token tokens only, same volume
    std::optional<double> breakEvenRequestsPerDay;
    QString asOf;
};

struct EstimateSet
{
    QList<Estimate> estimates;
    QList<Unavailable> unavailable;
    QList<BreakEven> breakEven;
    QList<ProvisionedComparison> provisioned;
    double maxRequestsPerDay = 0; // the range the break-even search covered
};

struct SeriesLine
{
    QString optionId;
    QList<QPointF> points; // x = requests per day, y = monthly USD
};

// The optimisation levers (the guide's cost drivers). Unset = lever not used.
struct Levers
{
    std::optional<double> cacheHitRate;
    std::optional<double> batchShare;
    double routeShare = 0;   // share of requests sent to routeModel
    QString routeModel;      // empty = the cheapest model of the same vendor on the option
    QString commitment;      // "" | 1y | 3y (self-hosted reservations; managed: 1-year provisioned throughput)
};

struct LeverEffect
{
    QString lever;  // cache | batch | routing | commitment
    QString label;  // a sentence for people
    double savingsUsd = 0; // before - after with this lever alone (negative = costs more)
};

struct Optimisation
{
    Estimate before;
    Estimate after; // every lever together
    QList<LeverEffect> levers;
};

// Everything the engine reads, resolved once: options, models, prices (through the catalogue, so user
// overrides apply), GPU instances, the throughput table and provisioned rates.
struct ProvisionedRate
{
    QString id;
    QString optionId;
    QString modelId; // "*" = any model
    QString variant;
    QString unit;
    double usdPerUnitHour = 0;
    QString term;
    std::optional<int> minUnits;
    std::optional<int> stepUnits;
    std::optional<double> inputTpmPerUnit;
    std::optional<double> outputWeight;
    QString asOf;
    QString source;
};

struct PricingData
{
    QList<kb::DeploymentOption> options;
    QHash<QString, kb::Model> models;
    QHash<QString, pricing::Price> prices; // "option/model"
    QList<kb::GpuInstance> gpus;
    QList<kb::ThroughputRow> throughput;
    QList<ProvisionedRate> provisioned;

    [[nodiscard]] static PricingData load(const kb::KnowledgeBase &kb, const pricing::PriceCatalogue &catalogue);
};

// The cost engine: deterministic formulas, documented in docs/GUIDE-CONVENTIONS.md ("How the calculator
// prices a use case") and in CostEngine.cpp. It never returns NaN or infinity.
class CostEngine final
{
public:
    explicit CostEngine(PricingData data);

    [[nodiscard]] const PricingData &data() const { return m_data; }
    [[nodiscard]] bool isManaged(const QString &optionId) const;

    // Every option (or those listed), break-even pairs and provisioned comparisons.
    [[nodiscard]] EstimateSet estimateAll(const scenario::Workload &w, const QStringList &optionIds = {}) const;
    // One option; nullopt with *reason set when the option cannot be priced for this workload.
    [[nodiscard]] std::optional<Estimate> estimate(const scenario::Workload &w, const QString &optionId,
                                                   QString *reason = nullptr) const;
    // Monthly cost against requests per day from 0 to maxRequestsPerDay (points >= 2 samples).
    [[nodiscard]] QList<SeriesLine> costVsVolume(const scenario::Workload &w, const QStringList &optionIds,
                                                 double maxRequestsPerDay, int points) const;
    [[nodiscard]] std::optional<Optimisation> optimise(const scenario::Workload &w, const QString &optionId,
                                                       const Levers &levers) const;
    // The model of the same vendor with the lowest per-request price on the option (routing default).
    [[nodiscard]] QString cheaperModel(const scenario::Workload &w, const QString &optionId) const;

    struct Plan; // a priced configuration of one option, volume-independent (CostEngine.cpp)

private:
    [[nodiscard]] std::optional<Plan> plan(const scenario::Workload &w, const QString &optionId, QString *reason,
                                           bool forceTokens = false) const;
    [[nodiscard]] Estimate price(const Plan &p, const scenario::Workload &w) const;
    [[nodiscard]] double monthly(const Plan &p, const scenario::Workload &w) const;

    PricingData m_data;
    QHash<QString, qsizetype> m_optionIndex;
};

} // namespace lda::core::cost
