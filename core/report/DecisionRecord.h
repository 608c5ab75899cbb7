#pragma once

#include "decision/DecisionEstimate.h"
#include "decision/Evaluator.h"
#include "kb/KnowledgeBase.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace lda::core::report {

// Everything an architecture decision record says. Built by the wizard's export button and `report`.
struct DecisionRecordInput
{
    QString title = QStringLiteral("Deployment platform for the LLM workload");
    QString date;       // YYYY-MM-DD
    QString kbVersion;
    QString pricesAsOf;
    const decision::DecisionTree *tree = nullptr;
    decision::Answers answers;
    decision::Evaluation evaluation;
    QHash<QString, decision::MonthlyEstimate> estimates; // option id -> estimate (or why unavailable)
    QList<kb::DeploymentOption> options;                 // for risks (weaknesses, notes)
    std::optional<QJsonObject> workload;                 // the normalised workload, when one was given
};

// Markdown: Title, Status, Context, Answers, Decision (with reasons), Alternatives considered, Estimated
// monthly cost, Risks and mitigations, What would change this decision, Links.
[[nodiscard]] QString decisionRecordMarkdown(const DecisionRecordInput &input);
// A standalone HTML page (inline style, no external resources) rendered from the Markdown.
[[nodiscard]] QString decisionRecordHtml(const DecisionRecordInput &input);

} // namespace lda::core::report
