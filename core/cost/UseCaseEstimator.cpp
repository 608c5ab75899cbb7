#include "UseCaseEstimator.h"

#include "CostEngine.h"
#include "kb/KnowledgeBase.h"
#include "scenario/Workload.h"

#include <QHash>

#include <memory>

namespace lda::core::cost {

UseCaseEstimator makeUseCaseEstimator(const kb::KnowledgeBase &kb, const pricing::PriceCatalogue &prices)
{
    // The engine and the use cases are loaded once and shared by every copy of the function.
    struct State
    {
        CostEngine engine;
        QHash<QString, kb::UseCase> useCases;
    };
    auto state = std::make_shared<State>(State{CostEngine(PricingData::load(kb, prices)), {}});
    const QList<kb::UseCase> list = kb.useCases();
    for (const kb::UseCase &u : list)
        state->useCases.insert(u.id, u);

    return [state](const QString &useCaseId) -> std::optional<double> {
        const auto it = state->useCases.constFind(useCaseId);
        if (it == state->useCases.cend())
            return std::nullopt;
        const scenario::WorkloadResult parsed = scenario::workloadFromJson(it->workloadJson.toUtf8(), useCaseId);
        if (!parsed.ok())
            return std::nullopt;
        const std::optional<Estimate> e = state->engine.estimate(*parsed.workload, it->optionId);
        if (!e)
            return std::nullopt;
        return e->monthlyUsd;
    };
}

} // namespace lda::core::cost
