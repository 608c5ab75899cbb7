#include "Evaluator.h"

#include "util/TextTable.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

using namespace Qt::StringLiterals;

namespace lda::core::decision {

namespace {

QString signedPoints(double weight)
{
    return (weight > 0 ? u"+"_s : QString()) % util::formatNumber(weight);
}

QList<std::pair<QString, QString>> triggeringAnswers(const QList<Condition> &when, const Answers &answers)
{
    QList<std::pair<QString, QString>> out;
    for (const Condition &c : when) {
        const std::optional<AnswerValue> v = answers.value(c.question);
        out.append({c.question, v ? v->text() : QString()});
    }
    return out;
}

QString answerPhrase(const Question *q, const std::optional<AnswerValue> &v)
{
    if (!v)
        return u"no preference"_s;
    if (v->number)
        return util::formatNumber(*v->number) % (q && !q->unit.isEmpty() ? u" "_s % q->unit : QString());
    return u"'"_s % v->choice % u"'"_s;
}

} // namespace

QString Reason::answersText() const
{
    if (answers.isEmpty())
        return u"default"_s;
    QStringList parts;
    for (const auto &[question, value] : answers)
        parts.append(question % u" = "_s % value);
    return parts.join(u", "_s);
}

QString Reason::readable() const
{
    const QString points = exclusion ? u"excluded"_s
                                     : signedPoints(weight) % (std::abs(weight) == 1 ? u" point"_s : u" points"_s);
    return text % u" ("_s % (answersLabel.isEmpty() ? u"baseline"_s : answersLabel) % u"; "_s % points % u')';
}

QString Reason::display() const
{
    return text % u" ("_s % answersText() % u", "_s % (exclusion ? u"excluded"_s : signedPoints(weight)) % u')';
}

const OptionResult *Evaluation::find(const QString &optionId) const
{
    for (const QList<OptionResult> *list : {&ranked, &excluded}) {
        for (const OptionResult &r : *list) {
            if (r.optionId == optionId)
                return &r;
        }
    }
    return nullptr;
}

Evaluator::Evaluator(DecisionTree tree, QList<kb::DeploymentOption> options)
    : m_tree(std::move(tree))
    , m_options(std::move(options))
{
}

bool Evaluator::holds(const Condition &c, const Answers &answers)
{
    const std::optional<AnswerValue> v = answers.value(c.question);
    if (!v)
        return false;
    switch (c.op) {
    case Condition::Op::Is:
        return !v->number && c.values.contains(v->choice);
    case Condition::Op::Not:
        return !v->number && !c.values.contains(v->choice);
    case Condition::Op::AtLeast:
        return v->number && *v->number >= c.number;
    case Condition::Op::Below:
        return v->number && *v->number < c.number;
    }
    return false;
}

Evaluation Evaluator::rank(const Answers &answers) const
{
    QList<OptionResult> all;
    QHash<QString, qsizetype> index;
    for (const kb::DeploymentOption &o : m_options) {
        OptionResult r;
        r.optionId = o.id;
        r.name = o.name;
        r.provider = o.provider;
        r.guide = o.guide;
        r.order = o.order;
        index.insert(o.id, all.size());
        all.append(r);
    }
    for (const Rule &rule : m_tree.rules()) {
        const bool fires = std::all_of(rule.when.cbegin(), rule.when.cend(),
                                       [&](const Condition &c) { return holds(c, answers); });
        if (!fires)
            continue;
        Reason reason{rule.id, rule.reason, rule.weight, rule.exclude, triggeringAnswers(rule.when, answers),
                      answersLabel(rule.when, answers)};
        for (const QString &optionId : rule.options) {
            const auto it = index.constFind(optionId);
            if (it == index.cend())
                continue;
            OptionResult &r = all[*it];
            if (rule.exclude) {
                r.exclusions.append(reason);
            } else {
                r.score += rule.weight;
                r.reasons.append(reason);
            }
        }
    }
    for (OptionResult &r : all) {
        // Strongest effect first; the defaults (no answers) last among equals.
        std::stable_sort(r.reasons.begin(), r.reasons.end(), [](const Reason &a, const Reason &b) {
            if (std::abs(a.weight) != std::abs(b.weight))
                return std::abs(a.weight) > std::abs(b.weight);
            return a.answers.size() > b.answers.size();
        });
    }

    Evaluation e;
    for (const Conflict &c : m_tree.conflicts()) {
        const bool fires = !c.when.isEmpty() && std::all_of(c.when.cbegin(), c.when.cend(), [&](const Condition &k) {
            return holds(k, answers);
        });
        if (fires)
            e.conflicts.append({c.id, c.explanation, c.suggestion, triggeringAnswers(c.when, answers)});
    }

    for (const OptionResult &r : std::as_const(all))
        (r.exclusions.isEmpty() ? e.ranked : e.excluded).append(r);

    if (e.ranked.isEmpty() && !all.isEmpty()) {
        // Contradictory answers: keep the options that break the fewest hard constraints, marked as relaxed,
        // so the user sees the nearest fit and why, never an empty result.
        qsizetype fewest = std::numeric_limits<qsizetype>::max();
        for (const OptionResult &r : std::as_const(all))
            fewest = std::min(fewest, r.exclusions.size());
        e.excluded.clear();
        for (OptionResult r : std::as_const(all)) {
            r.relaxed = r.exclusions.size() == fewest;
            (r.relaxed ? e.ranked : e.excluded).append(r);
        }
        if (e.conflicts.isEmpty()) {
            QStringList causes;
            for (const OptionResult &r : std::as_const(all)) {
                for (const Reason &x : r.exclusions) {
                    const QString cause = x.answersText();
                    if (!causes.contains(cause))
                        causes.append(cause);
                }
            }
            e.conflicts.append({u"no-option-fits"_s,
                                u"No option meets every hard constraint of your answers ("_s % causes.join(u"; "_s)
                                    % u"). The options shown break the fewest of them."_s,
                                u"Relax one of these answers; 'what would change' lists the ones that matter."_s,
                                {}});
        }
    }
    const auto better = [](const OptionResult &a, const OptionResult &b) {
        if (a.score != b.score)
            return a.score > b.score;
        if (a.exclusions.size() != b.exclusions.size())
            return a.exclusions.size() < b.exclusions.size();
        return std::tie(a.order, a.optionId) < std::tie(b.order, b.optionId);
    };
    std::sort(e.ranked.begin(), e.ranked.end(), better);
    std::sort(e.excluded.begin(), e.excluded.end(), better);
    return e;
}

Evaluation Evaluator::evaluate(const Answers &answers) const
{
    Evaluation e = rank(answers);
    e.whatWouldChange = whatWouldChange(answers, e);
    return e;
}

QList<AnswerValue> Evaluator::candidateValues(const Question &q) const
{
    QList<AnswerValue> out;
    if (!q.isNumber()) {
        for (const Choice &c : q.choices)
            out.append({c.value, {}});
        return out;
    }
    // Numbers: the thresholds the rules use, and a value on the other side of each.
    QList<double> numbers;
    for (const Rule &r : m_tree.rules()) {
        for (const Condition &c : r.when) {
            if (c.question != q.id)
                continue;
            numbers.append(c.number);
            if (c.number > 0)
                numbers.append(c.number / 2);
        }
    }
    std::sort(numbers.begin(), numbers.end());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    for (double n : std::as_const(numbers))
        out.append({{}, n});
    return out;
}

QString Evaluator::answerLabel(const QString &questionId, const std::optional<AnswerValue> &value) const
{
    if (!value)
        return u"no preference"_s;
    const Question *q = m_tree.question(questionId);
    if (value->number)
        return util::formatNumber(*value->number) % (q && !q->unit.isEmpty() ? u" "_s % q->unit : QString());
    return u"“"_s % (q ? q->label(value->choice) : value->choice) % u"”"_s;
}

QString Evaluator::answersLabel(const QList<Condition> &when, const Answers &answers) const
{
    QStringList parts;
    for (const Condition &c : when) {
        const Question *q = m_tree.question(c.question);
        parts.append((q && !q->name.isEmpty() ? q->name : c.question) % u": "_s
                     % answerLabel(c.question, answers.value(c.question)));
    }
    return parts.join(u"; "_s);
}

QString Evaluator::optionName(const QString &optionId) const
{
    for (const kb::DeploymentOption &o : m_options) {
        if (o.id == optionId)
            return o.name;
    }
    return optionId;
}

QList<AnswerChange> Evaluator::whatWouldChange(const Answers &answers, const Evaluation &current) const
{
    QList<AnswerChange> out;
    QList<AnswerChange> others; // changes that put some other option first, when none favours the runner-up
    const OptionResult *top = current.top();
    if (!top)
        return out;
    const OptionResult *runnerUp = current.runnerUp();
    for (const Question &q : m_tree.questions()) {
        const std::optional<AnswerValue> from = answers.value(q.id);
        QList<std::optional<AnswerValue>> candidates;
        if (from)
            candidates.append(std::nullopt);
        for (const AnswerValue &v : candidateValues(q)) {
            if (!from || !(v == *from))
                candidates.append(v);
        }
        for (const std::optional<AnswerValue> &to : std::as_const(candidates)) {
            Answers changed = answers;
            if (to)
                changed.set(q.id, *to);
            else
                changed.clear(q.id);
            const Evaluation e = rank(changed);
            const OptionResult *newTop = e.top();
            if (!newTop || newTop->relaxed || newTop->optionId == top->optionId)
                continue;
            AnswerChange c;
            c.question = q.id;
            c.from = from;
            c.to = to;
            c.optionId = newTop->optionId;
            c.replacesOptionId = top->optionId;
            c.text = u"If "_s % q.id % u" were "_s % answerPhrase(&q, to) % u" instead of "_s % answerPhrase(&q, from)
                % u", "_s % newTop->name % u" would rank first instead of "_s % top->name % u'.';
            c.readable = u"If "_s % (q.name.isEmpty() ? q.id : q.name) % u" were "_s % answerLabel(q.id, to)
                % u" instead of "_s % answerLabel(q.id, from) % u", "_s % newTop->name % u" would rank first instead of "_s
                % top->name % u'.';
            (runnerUp && newTop->optionId != runnerUp->optionId ? others : out).append(c);
        }
    }
    return out.isEmpty() ? others : out;
}

} // namespace lda::core::decision
