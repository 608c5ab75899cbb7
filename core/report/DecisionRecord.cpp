#include "DecisionRecord.h"

#include "guide/MarkdownRenderer.h"
#include "util/TextTable.h"

#include <QJsonValue>

using namespace Qt::StringLiterals;

namespace lda::core::report {

namespace {

// Markdown text from data: keep table pipes and emphasis characters literal.
QString md(const QString &text)
{
    QString out = text;
    out.replace(u'\\', u"\\\\"_s);
    out.replace(u'|', u"\\|"_s);
    out.replace(u'*', u"\\*"_s);
    out.replace(u'_', u"\\_"_s);
    out.replace(u'<', u"&lt;"_s);
    return out;
}

QString estimateText(const decision::MonthlyEstimate &e)
{
    if (e.monthlyUsd)
        return util::formatUsd(*e.monthlyUsd) % u" per month"_s;
    if (e.unavailableReason.isEmpty())
        return u"estimate unavailable"_s;
    return u"estimate unavailable ("_s % e.unavailableReason % u')';
}

const kb::DeploymentOption *optionById(const QList<kb::DeploymentOption> &options, const QString &id)
{
    for (const kb::DeploymentOption &o : options) {
        if (o.id == id)
            return &o;
    }
    return nullptr;
}

QString guideLink(const QString &target)
{
    return u"[guide: "_s % md(target) % u"](guide:"_s % target % u')';
}

} // namespace

QString decisionRecordMarkdown(const DecisionRecordInput &in)
{
    const decision::Evaluation &ev = in.evaluation;
    const decision::OptionResult *top = ev.top();
    QString s;
    s += u"# Decision record: "_s % md(in.title) % u"\n\n"_s;
    s += u"- **Status:** proposed\n"_s;
    s += u"- **Date:** "_s % in.date % u'\n';
    s += u"- **Decision:** "_s % (top ? md(top->name) % u" (`"_s % top->optionId % u"`)"_s : u"none"_s) % u'\n';
    s += u"- **Knowledge base:** "_s % in.kbVersion % u", prices as of "_s % in.pricesAsOf % u"\n\n"_s;

    s += u"## Context\n\n"_s;
    s += u"We need a platform to serve a Large Language Model on AWS, Azure or Google Cloud. The options were "
         "scored against the answers below with LLM Deploy Advisor's decision tree, which follows the "
         "guide's decision trees (Quick Reference and the three cloud overviews).\n\n"_s;
    if (in.workload) {
        const QJsonObject &w = *in.workload;
        s += u"Workload: **"_s % md(w.value(u"name"_s).toString(u"unnamed"_s)) % u"**: "_s
            % util::formatNumber(w.value(u"requests_per_day"_s).toDouble()) % u" requests a day, "_s
            % util::formatNumber(w.value(u"input_tokens_per_request"_s).toDouble()) % u" input and "_s
            % util::formatNumber(w.value(u"output_tokens_per_request"_s).toDouble())
            % u" output tokens per request"_s
            % (w.value(u"model"_s).toString().isEmpty() ? QString()
                                                         : u", model `"_s % w.value(u"model"_s).toString() % u'`')
            % u".\n\n"_s;
    }

    s += u"## Answers\n\n| Question | Answer |\n|---|---|\n"_s;
    if (in.tree) {
        for (const decision::Question &q : in.tree->questions()) {
            const std::optional<decision::AnswerValue> v = in.answers.value(q.id);
            QString answer = u"no preference"_s;
            if (v && v->number)
                answer = md(util::formatNumber(*v->number) % u' ' % q.unit);
            else if (v)
                answer = md(q.label(v->choice)) % u" (`"_s % v->choice % u"`)"_s;
            s += u"| "_s % md(q.text) % u" (`"_s % q.id % u"`) | "_s % answer % u" |\n"_s;
        }
    }
    s += u'\n';

    if (!ev.conflicts.isEmpty()) {
        s += u"## Conflicting answers\n\n"_s;
        for (const decision::ConflictNote &c : ev.conflicts)
            s += u"- "_s % md(c.explanation) % (c.suggestion.isEmpty() ? QString() : u" "_s % md(c.suggestion)) % u'\n';
        s += u'\n';
    }

    s += u"## Decision\n\n"_s;
    if (top) {
        s += u"We will use **"_s % md(top->name) % u"** (score "_s % util::formatNumber(top->score) % u").\n\n"_s;
        s += u"Reasons, with the answers that drove them:\n\n"_s;
        for (const decision::Reason &r : top->reasons)
            s += u"- "_s % md(r.readable()) % u'\n';
        for (const decision::Reason &r : top->exclusions)
            s += u"- Breaks a hard constraint: "_s % md(r.readable()) % u'\n';
        s += u'\n';
    } else {
        s += u"No option could be recommended.\n\n"_s;
    }

    s += u"## Alternatives considered\n\n| Rank | Option | Score | Estimated monthly cost | Main reason |\n"
         "|---|---|---|---|---|\n"_s;
    int rank = 0;
    for (const decision::OptionResult &r : ev.ranked) {
        const QString reason = r.reasons.isEmpty() ? QString() : r.reasons.first().readable();
        s += u"| "_s % QString::number(++rank) % u" | "_s % md(r.name) % u" | "_s % util::formatNumber(r.score)
            % u" | "_s % md(estimateText(in.estimates.value(r.optionId))) % u" | "_s % md(reason) % u" |\n"_s;
    }
    s += u'\n';
    if (!ev.excluded.isEmpty()) {
        s += u"Excluded by a hard constraint:\n\n"_s;
        for (const decision::OptionResult &r : ev.excluded)
            s += u"- "_s % md(r.name) % u": "_s % md(r.exclusions.first().readable()) % u'\n';
        s += u'\n';
    }

    s += u"## Estimated monthly cost\n\n"_s;
    if (top) {
        const decision::MonthlyEstimate e = in.estimates.value(top->optionId);
        s += md(top->name) % u": **"_s % md(estimateText(e)) % u"**"_s
            % (e.model.isEmpty() ? QString() : u" (model `"_s % e.model % u"`)"_s) % u".\n\n"_s;
        for (const QString &a : e.assumptions)
            s += u"- "_s % md(a) % u'\n';
        s += u"\nPrices are list prices from the knowledge base with their as-of dates; check the providers' price "
             "pages before committing budget.\n\n"_s;
    }

    s += u"## Risks and mitigations\n\n"_s;
    if (top) {
        if (const kb::DeploymentOption *o = optionById(in.options, top->optionId)) {
            for (const QString &w : o->weaknesses)
                s += u"- "_s % md(w) % u'\n';
            if (!o->note.isEmpty())
                s += u"- Note: "_s % md(o->note) % u'\n';
        }
        for (const decision::Reason &r : top->reasons) {
            if (r.weight < 0)
                s += u"- Counted against it: "_s % md(r.readable()) % u'\n';
        }
    }
    if (ev.conflicts.isEmpty() && !top)
        s += u"- none recorded\n"_s;
    s += u'\n';

    s += u"## What would change this decision\n\n"_s;
    if (ev.whatWouldChange.isEmpty())
        s += u"No single answer change puts another option first.\n"_s;
    for (const decision::AnswerChange &c : ev.whatWouldChange)
        s += u"- "_s % md(c.readable) % u'\n';
    s += u'\n';

    s += u"## Links\n\n"_s;
    QStringList links;
    for (const decision::OptionResult &r : ev.ranked) {
        if (!links.contains(r.guide))
            links.append(r.guide);
        if (links.size() >= 4)
            break;
    }
    for (const QString &l : std::as_const(links))
        s += u"- "_s % guideLink(l) % u'\n';
    s += u"- [guide: QUICK-REFERENCE.md#decision-tree](guide:QUICK-REFERENCE.md#decision-tree)\n"_s;
    return s;
}

QString decisionRecordHtml(const DecisionRecordInput &input)
{
    const guide::RenderResult r = guide::renderMarkdown(decisionRecordMarkdown(input));
    return u"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Decision record: "_s
        % input.title.toHtmlEscaped()
        % u"</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}"
          "table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px;text-align:left;"
          "vertical-align:top}code{font-family:monospace}</style></head><body>\n"_s
        % r.html % u"</body></html>\n"_s;
}

} // namespace lda::core::report
