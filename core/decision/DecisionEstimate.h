#pragma once

#include "Answers.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace lda::core::kb {
class KnowledgeBase;
}
namespace lda::core::pricing {
class PriceCatalogue;
}
namespace lda::core::scenario {
struct Workload;
}
namespace lda::core::cost {
class CostEngine;
}

namespace lda::core::decision {

// A monthly figure for one option, or why there is none. Never a made-up number.
struct MonthlyEstimate
{
    std::optional<double> monthlyUsd;
    QString model;            // the model the estimate priced
    QStringList assumptions;  // what the workload and the cost engine assumed
    QString unavailableReason; // set when monthlyUsd is empty
};

// The one seam between the decision engine and the cost engine: derives a workload from the answers
// (or takes a given one) and asks core/cost for each option's monthly cost.
class DecisionEstimator final
{
public:
    // prices may be null: shipped prices are used.
    DecisionEstimator(const kb::KnowledgeBase &kb, const pricing::PriceCatalogue *prices);
    ~DecisionEstimator();
    DecisionEstimator(const DecisionEstimator &) = delete;
    DecisionEstimator &operator=(const DecisionEstimator &) = delete;

    // The workload the answers describe: monthly_tokens_millions spread over requests of 1,500 input and
    // 400 output tokens (the guide's support chatbot), 30 days, a model typical of the family and size.
    // nullopt with *why set when the answers do not give a volume.
    [[nodiscard]] static std::optional<scenario::Workload> workloadFromAnswers(const Answers &answers, QString *why);

    // With `workload` set, that workload is priced instead of the one derived from the answers.
    [[nodiscard]] MonthlyEstimate estimate(const Answers &answers, const QString &optionId,
                                           const scenario::Workload *workload = nullptr) const;

private:
    std::unique_ptr<pricing::PriceCatalogue> m_ownPrices;
    std::unique_ptr<cost::CostEngine> m_engine;
};

} // namespace lda::core::decision
