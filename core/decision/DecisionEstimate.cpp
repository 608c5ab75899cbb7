#include "DecisionEstimate.h"

#include "cost/CostEngine.h"
#include "kb/KnowledgeBase.h"
#include "pricing/PriceCatalogue.h"
#include "scenario/Workload.h"
#include "util/TextTable.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace lda::core::decision {

namespace {

constexpr double InputTokensPerRequest = 1500;
constexpr double OutputTokensPerRequest = 400;
constexpr double DaysPerMonth = 30;

// A model typical of what the answers ask for; the cost engine substitutes the nearest-priced model
// where an option does not offer it and says so in its assumptions.
QString typicalModel(const Answers &answers)
{
    const QString family = answers.choice(u"model_family"_s);
    if (family == u"openai"_s)
        return u"gpt-4-1"_s;
    if (family == u"anthropic"_s)
        return u"claude-sonnet-4-5"_s;
    if (family == u"google"_s)
        return u"gemini-2-5-flash"_s;
    const QString size = answers.choice(u"model_size"_s);
    if (size == u"small"_s)
        return u"llama-3-1-8b"_s;
    if (size == u"medium"_s)
        return u"mistral-nemo-12b"_s;
    if (size == u"xl"_s)
        return u"llama-3-1-405b"_s;
    return u"llama-3-3-70b"_s;
}

} // namespace

DecisionEstimator::DecisionEstimator(const kb::KnowledgeBase &kb, const pricing::PriceCatalogue *prices)
{
    if (!prices) {
        m_ownPrices = std::make_unique<pricing::PriceCatalogue>(kb, nullptr);
        prices = m_ownPrices.get();
    }
    m_engine = std::make_unique<cost::CostEngine>(cost::PricingData::load(kb, *prices));
}

DecisionEstimator::~DecisionEstimator() = default;

std::optional<scenario::Workload> DecisionEstimator::workloadFromAnswers(const Answers &answers, QString *why)
{
    const std::optional<AnswerValue> tokens = answers.value(u"monthly_tokens_millions"_s);
    if (!tokens || !tokens->number) {
        *why = u"answer the Monthly volume question (monthly_tokens_millions), or give a workload, to get an estimate"_s;
        return std::nullopt;
    }
    scenario::Workload w;
    w.name = u"Workload from the wizard answers"_s;
    w.model = typicalModel(answers);
    w.inputTokensPerRequest = InputTokensPerRequest;
    w.outputTokensPerRequest = OutputTokensPerRequest;
    w.daysPerMonth = DaysPerMonth;
    w.requestsPerDay = *tokens->number * 1e6 / (InputTokensPerRequest + OutputTokensPerRequest) / DaysPerMonth;
    if (answers.choice(u"traffic_pattern"_s) == u"batch"_s)
        w.batchShare = 1.0;
    if (answers.choice(u"data_control"_s) == u"region_pinned"_s)
        w.deployment = u"regional"_s;
    if (const std::optional<AnswerValue> budget = answers.value(u"budget_usd_per_month"_s); budget && budget->number)
        w.budgetUsdPerMonth = *budget->number;
    return w;
}

MonthlyEstimate DecisionEstimator::estimate(const Answers &answers, const QString &optionId,
                                            const scenario::Workload *workload) const
{
    MonthlyEstimate out;
    std::optional<scenario::Workload> derived;
    if (!workload) {
        QString why;
        derived = workloadFromAnswers(answers, &why);
        if (!derived) {
            out.unavailableReason = why;
            return out;
        }
        workload = &*derived;
        out.assumptions.append(u"Workload derived from the answers: "_s
                               % util::formatNumber(std::round(workload->requestsPerDay)) % u" requests a day of "_s
                               % util::formatNumber(InputTokensPerRequest) % u" input and "_s
                               % util::formatNumber(OutputTokensPerRequest) % u" output tokens, "_s
                               % util::formatNumber(DaysPerMonth) % u" days, model "_s % workload->model % u'.');
    }
    QString reason;
    const std::optional<cost::Estimate> e = m_engine->estimate(*workload, optionId, &reason);
    if (!e || !std::isfinite(e->monthlyUsd)) {
        out.unavailableReason = reason.isEmpty() ? u"the cost engine cannot price this option"_s : reason;
        return out;
    }
    out.monthlyUsd = e->monthlyUsd;
    out.model = e->modelId;
    out.assumptions.append(e->assumptions);
    return out;
}

} // namespace lda::core::decision
