#include "RecommendationExport.h"

#include "util/TextTable.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace lda::core::decision {

namespace {

QJsonObject answersObject(const QList<std::pair<QString, QString>> &answers)
{
    QJsonObject o;
    for (const auto &[question, value] : answers)
        o.insert(question, value);
    return o;
}

QJsonArray reasonDetails(const QList<Reason> &reasons)
{
    QJsonArray out;
    for (const Reason &r : reasons) {
        QJsonObject o{{u"text"_s, r.text}, {u"rule"_s, r.ruleId}, {u"answers"_s, answersObject(r.answers)}};
        if (r.exclusion)
            o.insert(u"effect"_s, u"exclude"_s);
        else
            o.insert(u"weight"_s, r.weight);
        out.append(o);
    }
    return out;
}

QJsonArray reasonStrings(const QList<Reason> &reasons)
{
    QJsonArray out;
    for (const Reason &r : reasons)
        out.append(r.display());
    return out;
}

QJsonValue jsonOrNull(const std::optional<AnswerValue> &v)
{
    if (!v)
        return QJsonValue::Null;
    if (v->number)
        return *v->number;
    return v->choice;
}

} // namespace

QJsonObject recommendationToJson(const DecisionTree &tree, const Answers &answers, const Evaluation &evaluation,
                                 const QHash<QString, MonthlyEstimate> &estimates)
{
    QJsonArray recommendations;
    for (const OptionResult &r : evaluation.ranked) {
        const MonthlyEstimate e = estimates.value(r.optionId);
        QList<Reason> all = r.reasons;
        all.append(r.exclusions);
        QJsonObject o{{u"option"_s, r.optionId},
                      {u"name"_s, r.name},
                      {u"provider"_s, r.provider},
                      {u"score"_s, r.score},
                      {u"reasons"_s, reasonStrings(all)},
                      {u"reason_details"_s, reasonDetails(all)},
                      {u"guide"_s, r.guide},
                      {u"monthly_usd_estimate"_s, e.monthlyUsd ? QJsonValue(*e.monthlyUsd) : QJsonValue::Null}};
        if (e.monthlyUsd) {
            o.insert(u"estimate_model"_s, e.model);
            o.insert(u"estimate_assumptions"_s, QJsonArray::fromStringList(e.assumptions));
        } else {
            o.insert(u"estimate_unavailable"_s, e.unavailableReason.isEmpty() ? u"estimate unavailable"_s
                                                                              : e.unavailableReason);
        }
        if (r.relaxed)
            o.insert(u"relaxed"_s, true);
        recommendations.append(o);
    }
    QJsonArray changes;
    for (const AnswerChange &c : evaluation.whatWouldChange) {
        changes.append(QJsonObject{{u"question"_s, c.question},
                                   {u"from"_s, jsonOrNull(c.from)},
                                   {u"to"_s, jsonOrNull(c.to)},
                                   {u"option"_s, c.optionId},
                                   {u"instead_of"_s, c.replacesOptionId},
                                   {u"text"_s, c.text}});
    }
    QJsonArray excluded;
    for (const OptionResult &r : evaluation.excluded) {
        excluded.append(QJsonObject{{u"option"_s, r.optionId},
                                    {u"name"_s, r.name},
                                    {u"reasons"_s, reasonStrings(r.exclusions)},
                                    {u"reason_details"_s, reasonDetails(r.exclusions)}});
    }
    QJsonArray conflicts;
    for (const ConflictNote &c : evaluation.conflicts) {
        conflicts.append(QJsonObject{{u"id"_s, c.id},
                                     {u"explanation"_s, c.explanation},
                                     {u"suggestion"_s, c.suggestion},
                                     {u"answers"_s, answersObject(c.answers)}});
    }
    return QJsonObject{{u"recommendations"_s, recommendations},
                       {u"what_would_change"_s, changes},
                       {u"excluded"_s, excluded},
                       {u"conflicts"_s, conflicts},
                       {u"answers"_s, answersToJson(tree, answers)}};
}

QString recommendationToText(const DecisionTree &tree, const Answers &answers, const Evaluation &evaluation,
                             const QHash<QString, MonthlyEstimate> &estimates)
{
    QString out;
    QStringList given;
    for (const Question &q : tree.questions()) {
        if (const std::optional<AnswerValue> v = answers.value(q.id))
            given.append(q.id % u" = "_s % v->text());
    }
    out += u"Answers: "_s % (given.isEmpty() ? u"none (no preferences)"_s : given.join(u", "_s)) % u"\n\n"_s;
    for (const ConflictNote &c : evaluation.conflicts) {
        out += u"Conflict: "_s % c.explanation % u'\n';
        if (!c.suggestion.isEmpty())
            out += u"  What to do: "_s % c.suggestion % u'\n';
        out += u'\n';
    }
    out += u"Recommendations (best first):\n"_s;
    int rank = 0;
    for (const OptionResult &r : evaluation.ranked) {
        const MonthlyEstimate e = estimates.value(r.optionId);
        out += QString::number(++rank) % u". "_s % r.name % u" ["_s % r.optionId % u"]  score "_s
            % util::formatNumber(r.score) % (r.relaxed ? u"  (breaks a hard constraint)"_s : QString()) % u'\n';
        for (const Reason &reason : r.reasons)
            out += u"   "_s % (reason.weight < 0 ? u"- "_s : u"+ "_s) % reason.readable() % u'\n';
        for (const Reason &reason : r.exclusions)
            out += u"   ! "_s % reason.readable() % u'\n';
        const QString estimate = e.monthlyUsd
            ? QString(util::formatUsd(*e.monthlyUsd) % u" a month ("_s % e.model % u')')
            : QString(u"estimate unavailable"_s
                      % (e.unavailableReason.isEmpty() ? QString() : QString(u" ("_s % e.unavailableReason % u')')));
        out += u"   Estimate: "_s % estimate % u'\n';
        out += u"   Guide: "_s % r.guide % u'\n';
    }
    if (!evaluation.excluded.isEmpty()) {
        out += u"\nExcluded:\n"_s;
        for (const OptionResult &r : evaluation.excluded)
            out += u" - "_s % r.name % u": "_s % r.exclusions.first().readable() % u'\n';
    }
    out += u"\nWhat would change the answer:\n"_s;
    if (evaluation.whatWouldChange.isEmpty())
        out += u" - no single answer change puts another option first\n"_s;
    for (const AnswerChange &c : evaluation.whatWouldChange)
        out += u" - "_s % c.readable % u'\n';
    return out;
}

} // namespace lda::core::decision
