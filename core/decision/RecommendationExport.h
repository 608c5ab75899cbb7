#pragma once

#include "DecisionEstimate.h"
#include "Evaluator.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace lda::core::decision {

// The DESIGN.md §4 `recommend` contract: {"recommendations":[{option, score, reasons, guide,
// monthly_usd_estimate}], "what_would_change":[..]}, extended with names, reason details, the excluded
// options, conflicts and the normalised answers.
[[nodiscard]] QJsonObject recommendationToJson(const DecisionTree &tree, const Answers &answers,
                                               const Evaluation &evaluation,
                                               const QHash<QString, MonthlyEstimate> &estimates);
// The same for people (`recommend --format text`).
[[nodiscard]] QString recommendationToText(const DecisionTree &tree, const Answers &answers,
                                           const Evaluation &evaluation,
                                           const QHash<QString, MonthlyEstimate> &estimates);

} // namespace lda::core::decision
