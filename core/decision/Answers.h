#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

#include <optional>

namespace lda::core::decision {

class DecisionTree;

// One answer: a choice value, or a number for number questions.
struct AnswerValue
{
    QString choice;
    std::optional<double> number;

    [[nodiscard]] QString text() const; // "aws", "600"
    friend bool operator==(const AnswerValue &, const AnswerValue &) = default;
};

// The user's answers to the wizard (DESIGN.md §4 "Wizard answers file"). A missing question means
// "no preference". Plain value type; validation against the tree happens in answersFromJson.
class Answers final
{
public:
    void setChoice(const QString &question, const QString &value) { m_values.insert(question, {value, {}}); }
    void setNumber(const QString &question, double value) { m_values.insert(question, {{}, value}); }
    void set(const QString &question, const AnswerValue &value) { m_values.insert(question, value); }
    void clear(const QString &question) { m_values.remove(question); }

    [[nodiscard]] bool has(const QString &question) const { return m_values.contains(question); }
    [[nodiscard]] std::optional<AnswerValue> value(const QString &question) const;
    [[nodiscard]] QString choice(const QString &question) const { return m_values.value(question).choice; }
    [[nodiscard]] const QMap<QString, AnswerValue> &values() const { return m_values; }
    [[nodiscard]] bool isEmpty() const { return m_values.isEmpty(); }

    friend bool operator==(const Answers &, const Answers &) = default;

private:
    QMap<QString, AnswerValue> m_values;
};

struct AnswersResult
{
    std::optional<Answers> answers;
    QString error; // one line naming the file, question id or value at fault
    [[nodiscard]] bool ok() const { return answers.has_value(); }
};

// Reads an answers file. Unknown question ids, unknown values, and numbers that are negative, non-finite
// or not numbers are errors; null means "no preference". `file` prefixes the message ("-" for stdin).
[[nodiscard]] AnswersResult answersFromJson(const DecisionTree &tree, const QByteArray &json, const QString &file = {});
[[nodiscard]] AnswersResult answersFromJsonObject(const DecisionTree &tree, const QJsonObject &object,
                                                  const QString &file = {});
// The normalised form, in question order, numbers as JSON numbers.
[[nodiscard]] QJsonObject answersToJson(const DecisionTree &tree, const Answers &answers);

} // namespace lda::core::decision
