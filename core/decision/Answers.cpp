#include "Answers.h"

#include "DecisionTree.h"
#include "util/TextTable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QStringList>

#include <cmath>

using namespace Qt::StringLiterals;

namespace lda::core::decision {

QString AnswerValue::text() const
{
    return number ? util::formatNumber(*number) : choice;
}

std::optional<AnswerValue> Answers::value(const QString &question) const
{
    const auto it = m_values.constFind(question);
    if (it == m_values.cend())
        return std::nullopt;
    return *it;
}

AnswersResult answersFromJson(const DecisionTree &tree, const QByteArray &json, const QString &file)
{
    const QString prefix = file.isEmpty() ? QString() : file % u": "_s;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Report the line of the offset, as people see it in an editor.
        const int line = int(json.left(parseError.offset).count('\n')) + 1;
        AnswersResult r;
        r.error = prefix % u"line "_s % QString::number(line) % u": not valid JSON ("_s % parseError.errorString()
            % u')';
        return r;
    }
    if (!doc.isObject()) {
        AnswersResult r;
        r.error = prefix % u"expected a JSON object of answers"_s;
        return r;
    }
    return answersFromJsonObject(tree, doc.object(), file);
}

AnswersResult answersFromJsonObject(const DecisionTree &tree, const QJsonObject &object, const QString &file)
{
    const QString prefix = file.isEmpty() ? QString() : file % u": "_s;
    AnswersResult result;
    Answers answers;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString id = it.key();
        const Question *q = tree.question(id);
        if (!q) {
            result.error = prefix % u"unknown question '"_s % id % u"'"_s;
            return result;
        }
        const QJsonValue v = it.value();
        if (v.isNull())
            continue; // explicitly "no preference"
        if (q->isNumber()) {
            const double n = v.toDouble(std::nan(""));
            if (!v.isDouble() || !std::isfinite(n) || n < 0) {
                const QString shown = v.isString() ? v.toString()
                                                   : QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(
                                                                           QJsonDocument::Compact)).mid(1).chopped(1);
                result.error = prefix % u"'"_s % id % u"': expected a number >= 0, got '"_s % shown % u"'"_s;
                return result;
            }
            answers.setNumber(id, n);
            continue;
        }
        QStringList values;
        for (const Choice &c : q->choices)
            values.append(c.value);
        if (!v.isString() || !q->choice(v.toString())) {
            const QString shown = v.isString() ? v.toString()
                                               : QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(
                                                                       QJsonDocument::Compact)).mid(1).chopped(1);
            result.error = prefix % u"'"_s % id % u"': unknown value '"_s % shown % u"' (use "_s % values.join(u'|')
                % u')';
            return result;
        }
        answers.setChoice(id, v.toString());
    }
    result.answers = answers;
    return result;
}

QJsonObject answersToJson(const DecisionTree &tree, const Answers &answers)
{
    QJsonObject o;
    for (const Question &q : tree.questions()) {
        const std::optional<AnswerValue> v = answers.value(q.id);
        if (!v)
            continue;
        if (v->number)
            o.insert(q.id, *v->number);
        else
            o.insert(q.id, v->choice);
    }
    return o;
}

} // namespace lda::core::decision
