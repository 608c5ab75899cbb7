#pragma once

#include <QString>

#include <functional>
#include <optional>

namespace lda::core::kb {
class KnowledgeBase;
}
namespace lda::core::pricing {
class PriceCatalogue;
}

namespace lda::core::cost {

// The monthly total of a shipped use case (data/kb/use-cases.kb) on its own option, as the cost engine
// computes it from the current prices. This is what the guide's <!--lda:usecase:ID:monthly--> facts show,
// so the guide viewer, the HTML export and the tests all get the figure from this one place.
using UseCaseEstimator = std::function<std::optional<double>(const QString &useCaseId)>;
[[nodiscard]] UseCaseEstimator makeUseCaseEstimator(const kb::KnowledgeBase &kb,
                                                    const pricing::PriceCatalogue &prices);

} // namespace lda::core::cost
