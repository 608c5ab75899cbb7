#pragma once

#include "cost/CostEngine.h"
#include "scenario/Workload.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace lda::core::report {

// Where a scenario stands against its monthly budget, and what would bring it under.
struct BudgetStatus
{
    bool hasBudget = false;
    double budgetUsd = 0;
    double monthlyUsd = 0;
    double overByUsd = 0;        // > 0 over budget, <= 0 fits (headroom = -overByUsd)
    [[nodiscard]] bool fits() const { return !hasBudget || overByUsd <= 0; }
    QStringList leversThatFit;   // labels of the levers that alone bring it under
    double afterAllLeversUsd = 0;
    bool allLeversFit = false;
};

// The levers the review tries when nothing else is chosen: cache half the input, batch a quarter,
// route half to the cheaper model of the same vendor, a 1-year commitment.
[[nodiscard]] cost::Levers defaultLevers();

[[nodiscard]] BudgetStatus budgetStatus(const scenario::Workload &w, const cost::Estimate &estimate,
                                        const std::optional<cost::Optimisation> &optimisation);

// A printable one-page budget review for a manager: the scenario, its cost by line item, budget fit,
// the levers and their savings, every option side by side, break-even volumes and all assumptions.
struct ReviewInput
{
    QString title;
    scenario::Workload workload;
    cost::Estimate estimate;               // the chosen option
    std::optional<cost::Optimisation> optimisation;
    cost::EstimateSet all;                 // every option, for context
    QString pricesAsOf;                    // the knowledge base's price date
    QString generatedOn;                   // yyyy-MM-dd
};
[[nodiscard]] QString budgetReviewHtml(const ReviewInput &input);

} // namespace lda::core::report
