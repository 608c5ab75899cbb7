#include "DecisionTree.h"

#include "kb/KnowledgeBase.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcDecision, "lda.core.decision", QtInfoMsg)

namespace lda::core::decision {

namespace {

Condition::Op opFromText(const QString &op)
{
    if (op == u"not"_s)
        return Condition::Op::Not;
    if (op == u">="_s)
        return Condition::Op::AtLeast;
    if (op == u"<"_s)
        return Condition::Op::Below;
    return Condition::Op::Is;
}

} // namespace

const Choice *Question::choice(const QString &value) const
{
    for (const Choice &c : choices) {
        if (c.value == value)
            return &c;
    }
    return nullptr;
}

QString Question::label(const QString &value) const
{
    const Choice *c = choice(value);
    return c ? c->label : value;
}

const Question *DecisionTree::question(const QString &id) const
{
    for (const Question &q : m_questions) {
        if (q.id == id)
            return &q;
    }
    return nullptr;
}

std::optional<DecisionTree> DecisionTree::load(const kb::KnowledgeBase &kb, QString *error)
{
    const QSqlDatabase db = kb.database();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    DecisionTree tree;
    if (!q.exec(u"SELECT id, kind, sort_order, text, help, guide, unit, name FROM decision_questions"
                " ORDER BY sort_order, id"_s)) {
        *error = u"the knowledge base has no decision tree: "_s % q.lastError().text();
        return std::nullopt;
    }
    QHash<QString, qsizetype> index;
    while (q.next()) {
        Question question;
        question.id = q.value(0).toString();
        question.kind = q.value(1).toString();
        question.order = q.value(2).toInt();
        question.text = q.value(3).toString();
        question.help = q.value(4).toString();
        question.guide = q.value(5).toString();
        question.unit = q.value(6).toString();
        question.name = q.value(7).toString();
        index.insert(question.id, tree.m_questions.size());
        tree.m_questions.append(question);
    }
    if (tree.m_questions.isEmpty()) {
        *error = u"the knowledge base has no decision questions"_s;
        return std::nullopt;
    }
    QSqlQuery a(db);
    a.setForwardOnly(true);
    a.exec(u"SELECT question_id, value, label, help FROM decision_answers ORDER BY question_id, sort_order, value"_s);
    while (a.next()) {
        const auto it = index.constFind(a.value(0).toString());
        if (it != index.cend())
            tree.m_questions[*it].choices.append({a.value(1).toString(), a.value(2).toString(), a.value(3).toString()});
    }

    QHash<QString, QList<Condition>> conditions; // "type id" -> conditions in order
    QSqlQuery c(db);
    c.setForwardOnly(true);
    c.exec(u"SELECT owner_type, owner_id, question_id, op, value_list, number FROM decision_conditions"
           " ORDER BY owner_type, owner_id, position"_s);
    while (c.next()) {
        Condition cond;
        cond.question = c.value(2).toString();
        cond.op = opFromText(c.value(3).toString());
        cond.values = c.value(4).toString().split(u',', Qt::SkipEmptyParts);
        cond.number = c.value(5).toDouble();
        conditions[c.value(0).toString() % u' ' % c.value(1).toString()].append(cond);
    }

    QHash<QString, QStringList> ruleOptions;
    QSqlQuery o(db);
    o.setForwardOnly(true);
    o.exec(u"SELECT rule_id, option_id FROM decision_rule_options ORDER BY rule_id, option_id"_s);
    while (o.next())
        ruleOptions[o.value(0).toString()].append(o.value(1).toString());

    QSqlQuery r(db);
    r.setForwardOnly(true);
    r.exec(u"SELECT id, weight, exclude, reason FROM decision_rules ORDER BY sort_order, id"_s);
    while (r.next()) {
        Rule rule;
        rule.id = r.value(0).toString();
        rule.weight = r.value(1).toDouble();
        rule.exclude = r.value(2).toBool();
        rule.reason = r.value(3).toString();
        rule.when = conditions.value(u"rule "_s % rule.id);
        rule.options = ruleOptions.value(rule.id);
        tree.m_rules.append(rule);
    }
    QSqlQuery k(db);
    k.setForwardOnly(true);
    k.exec(u"SELECT id, explanation, suggestion FROM decision_conflicts ORDER BY sort_order, id"_s);
    while (k.next()) {
        tree.m_conflicts.append({k.value(0).toString(), conditions.value(u"conflict "_s % k.value(0).toString()),
                                 k.value(1).toString(), k.value(2).toString()});
    }
    qCDebug(lcDecision) << "decision tree:" << tree.m_questions.size() << "questions," << tree.m_rules.size()
                        << "rules," << tree.m_conflicts.size() << "conflicts";
    return tree;
}

} // namespace lda::core::decision
