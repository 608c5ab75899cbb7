#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace lda::core::kb {
class KnowledgeBase;
}

namespace lda::core::decision {

// One possible answer of a choice question ("aws", "open_weights", ...).
struct Choice
{
    QString value;
    QString label;
    QString help;
    friend bool operator==(const Choice &, const Choice &) = default;
};

// A wizard question as compiled from data/kb/decision.kb. Ids and values follow DESIGN.md §4.
struct Question
{
    QString id;
    QString kind; // choice | number
    int order = 0;
    QString name; // short, for sentences: "Model family"
    QString text; // the question as asked: "Which model family do you need?"
    QString help;
    QString guide; // "page.md#anchor"
    QString unit;  // number questions
    QList<Choice> choices;

    [[nodiscard]] bool isNumber() const { return kind == u"number"; }
    [[nodiscard]] const Choice *choice(const QString &value) const;
    [[nodiscard]] QString label(const QString &value) const; // the choice's label, or the value itself
};

// "<question> is|not <v>,..." or "<question> >=|< <number>". Unanswered questions never match.
struct Condition
{
    enum class Op { Is, Not, AtLeast, Below };
    QString question;
    Op op = Op::Is;
    QStringList values;
    double number = 0;
    friend bool operator==(const Condition &, const Condition &) = default;
};

// When every condition holds, each option gains `weight` points, or is dropped when `exclude` is set.
struct Rule
{
    QString id;
    QList<Condition> when; // empty = a default that always applies
    QStringList options;
    double weight = 0;
    bool exclude = false;
    QString reason;
};

// Answers that cannot all be satisfied, with the explanation shown instead of an empty result.
struct Conflict
{
    QString id;
    QList<Condition> when;
    QString explanation;
    QString suggestion;
};

// The decision tree: data, not code. The wizard and `recommend` read the same tree through Evaluator.
class DecisionTree final
{
public:
    // Reads the decision_* tables of knowledge.db. Returns nullopt with *error set when the tree is missing.
    [[nodiscard]] static std::optional<DecisionTree> load(const kb::KnowledgeBase &kb, QString *error);

    [[nodiscard]] const QList<Question> &questions() const { return m_questions; }
    [[nodiscard]] const QList<Rule> &rules() const { return m_rules; }
    [[nodiscard]] const QList<Conflict> &conflicts() const { return m_conflicts; }
    [[nodiscard]] const Question *question(const QString &id) const;

    // For tests and tools that build a tree in code.
    void setQuestions(QList<Question> questions) { m_questions = std::move(questions); }
    void setRules(QList<Rule> rules) { m_rules = std::move(rules); }
    void setConflicts(QList<Conflict> conflicts) { m_conflicts = std::move(conflicts); }

private:
    QList<Question> m_questions;
    QList<Rule> m_rules;
    QList<Conflict> m_conflicts;
};

} // namespace lda::core::decision
