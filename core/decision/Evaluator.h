#pragma once

#include "Answers.h"
#include "DecisionTree.h"
#include "kb/KnowledgeBase.h"

#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace lda::core::decision {

// Why an option gained or lost points, or was dropped, tied to the answers that triggered the rule.
struct Reason
{
    QString ruleId;
    QString text;
    double weight = 0;
    bool exclusion = false;
    QList<std::pair<QString, QString>> answers; // (question id, answer value) of the rule's conditions
    QString answersLabel; // the same answers for people: "Cloud: AWS; Latency: Interactive"; empty for defaults

    // "Runs on AWS, the cloud you use (cloud = aws, +1)"; defaults say "(default, +1)". For scripts (JSON).
    [[nodiscard]] QString display() const;
    [[nodiscard]] QString answersText() const; // "cloud = aws, latency = interactive" or "default"
    // "Runs on AWS, the cloud you use (Cloud: AWS; +1 point)"; defaults say "(baseline, +1 point)". For people.
    [[nodiscard]] QString readable() const;
};

struct OptionResult
{
    QString optionId;
    QString name;
    QString provider;
    QString guide;
    int order = 0;
    double score = 0;
    QList<Reason> reasons;    // weighted reasons, strongest effect first
    QList<Reason> exclusions; // hard constraints that drop the option
    bool relaxed = false;     // listed although excluded, because the answers contradict each other
};

// Answers that cannot all be satisfied, with an explanation and a way out.
struct ConflictNote
{
    QString id;
    QString explanation;
    QString suggestion;
    QList<std::pair<QString, QString>> answers;
};

// A single answer change that would put another option first.
struct AnswerChange
{
    QString question;
    std::optional<AnswerValue> from; // nullopt = was unanswered
    std::optional<AnswerValue> to;   // nullopt = "no preference"
    QString optionId;                // the option that would then rank first
    QString replacesOptionId;        // the option that ranks first now
    QString text;     // with question ids and answer values, for scripts: "If cloud were 'azure' instead of ..."
    QString readable; // with question names and answer labels, for people: "If Cloud were “Azure” instead of ..."
};

struct Evaluation
{
    QList<OptionResult> ranked;   // every option that fits, best first
    QList<OptionResult> excluded; // dropped by a hard constraint, with the reasons
    QList<ConflictNote> conflicts;
    // Single answer changes that put the runner-up first; when there are none, those that put any other
    // option first.
    QList<AnswerChange> whatWouldChange;

    [[nodiscard]] const OptionResult *top() const { return ranked.isEmpty() ? nullptr : &ranked.first(); }
    [[nodiscard]] const OptionResult *runnerUp() const { return ranked.size() < 2 ? nullptr : &ranked.at(1); }
    [[nodiscard]] const OptionResult *find(const QString &optionId) const;
};

// The one decision engine, shared by the wizard and `recommend`: scores every option with the tree's
// rules, drops the options a hard constraint excludes, ranks the rest (score, then the options' order),
// explains contradictions, and finds the single answer changes that would flip the ranking.
class Evaluator final
{
public:
    Evaluator(DecisionTree tree, QList<kb::DeploymentOption> options);

    [[nodiscard]] const DecisionTree &tree() const { return m_tree; }
    [[nodiscard]] const QList<kb::DeploymentOption> &options() const { return m_options; }

    // Scores and ranks; cheap enough to run on every click (the wizard's live panel).
    [[nodiscard]] Evaluation rank(const Answers &answers) const;
    // rank() plus what would change the answer.
    [[nodiscard]] Evaluation evaluate(const Answers &answers) const;
    // The single-answer changes that would put another option first.
    [[nodiscard]] QList<AnswerChange> whatWouldChange(const Answers &answers, const Evaluation &current) const;

    [[nodiscard]] static bool holds(const Condition &condition, const Answers &answers);
    // An answer as people read it: "“Azure”", "800 million tokens per month", "no preference".
    [[nodiscard]] QString answerLabel(const QString &questionId, const std::optional<AnswerValue> &value) const;

private:
    [[nodiscard]] QList<AnswerValue> candidateValues(const Question &q) const;
    [[nodiscard]] QString optionName(const QString &optionId) const;
    [[nodiscard]] QString answersLabel(const QList<Condition> &when, const Answers &answers) const;

    DecisionTree m_tree;
    QList<kb::DeploymentOption> m_options;
};

} // namespace lda::core::decision
