#include "BudgetReview.h"

#include "util/TextTable.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace lda::core::report {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString usd(double v)
{
    return util::formatUsd(v, 2);
}

} // namespace

cost::Levers defaultLevers()
{
    cost::Levers l;
    l.cacheHitRate = 0.5;
    l.batchShare = 0.25;
    l.routeShare = 0.5;
    l.commitment = u"1y"_s;
    return l;
}

BudgetStatus budgetStatus(const scenario::Workload &w, const cost::Estimate &estimate,
                          const std::optional<cost::Optimisation> &optimisation)
{
    BudgetStatus s;
    s.monthlyUsd = estimate.monthlyUsd;
    s.hasBudget = w.budgetUsdPerMonth.has_value();
    s.budgetUsd = w.budgetUsdPerMonth.value_or(0);
    s.overByUsd = s.hasBudget ? s.monthlyUsd - s.budgetUsd : 0;
    if (optimisation) {
        s.afterAllLeversUsd = optimisation->after.monthlyUsd;
        s.allLeversFit = s.hasBudget && s.afterAllLeversUsd <= s.budgetUsd;
        for (const cost::LeverEffect &e : optimisation->levers) {
            if (s.hasBudget && e.savingsUsd > 0 && s.monthlyUsd - e.savingsUsd <= s.budgetUsd)
                s.leversThatFit.append(e.label);
        }
    }
    return s;
}

QString budgetReviewHtml(const ReviewInput &in)
{
    const cost::Estimate &e = in.estimate;
    const BudgetStatus status = budgetStatus(in.workload, e, in.optimisation);
    QString h;
    h += u"<html><head><meta charset='utf-8'><title>"_s % esc(in.title) % u"</title><style>"
         "body{font-family:sans-serif;font-size:10pt} table{border-collapse:collapse;margin-bottom:10px}"
         "td,th{border:1px solid #999;padding:3px 6px} th{background:#eee;text-align:left} td.n{text-align:right}"
         ".over{color:#b00020;font-weight:bold} .fits{color:#1b5e20;font-weight:bold}"
         "</style></head><body>"_s;
    h += u"<h1>Budget review: "_s % esc(in.title) % u"</h1>"_s;
    h += u"<p>Generated "_s % esc(in.generatedOn) % u" by LLM Deploy Advisor. Prices as of "_s % esc(in.pricesAsOf)
         % u"; this estimate's price date "_s % esc(e.priceAsOf) % u".</p>"_s;

    h += u"<h2>Summary</h2><table>"_s;
    const auto row = [&](const QString &k, const QString &v) {
        h += u"<tr><th>"_s % esc(k) % u"</th><td>"_s % v % u"</td></tr>"_s;
    };
    row(u"Option"_s, esc(e.optionName % u" ("_s % e.optionId % u')'));
    row(u"Model"_s, esc(e.modelId));
    row(u"Pricing"_s, esc(e.mode == u"self_hosted"_s ? QString(QString::number(e.instances) % u" x "_s % e.instanceId
                                                                   % u", "_s % e.pricing)
                          : e.mode == u"provisioned"_s ? QString(QString::number(e.units) % u" units, "_s % e.provisionedVariant)
                                                       : u"pay per token"_s));
    row(u"Volume"_s, esc(QString::number(in.workload.requestsPerDay, 'f', 0) % u" requests/day x "_s
                         % QString::number(in.workload.daysPerMonth) % u" days; "_s
                         % QString::number(in.workload.inputTokensPerRequest) % u" in / "_s
                         % QString::number(in.workload.outputTokensPerRequest) % u" out tokens per request"_s));
    row(u"Monthly cost"_s, u"<b>"_s % usd(e.monthlyUsd) % u"</b> ("_s % usd(e.per1kRequestsUsd) % u" per 1,000 requests)"_s);
    if (status.hasBudget) {
        row(u"Monthly budget"_s, usd(status.budgetUsd));
        row(u"Verdict"_s, status.fits() ? QString(u"<span class='fits'>Fits, "_s % usd(-status.overByUsd) % u" to spare</span>"_s)
                                        : QString(u"<span class='over'>Over by "_s % usd(status.overByUsd) % u"</span>"_s));
    } else {
        row(u"Monthly budget"_s, u"none set"_s);
    }
    h += u"</table>"_s;

    h += u"<h2>Cost by line item</h2><table><tr><th>Item</th><th>USD / month</th></tr>"_s;
    for (const cost::LineItem &l : e.breakdown) {
        if (l.usd != 0)
            h += u"<tr><td>"_s % esc(l.item) % u"</td><td class='n'>"_s % usd(l.usd) % u"</td></tr>"_s;
    }
    h += u"<tr><th>Total</th><th class='n'>"_s % usd(e.monthlyUsd) % u"</th></tr></table>"_s;

    if (in.optimisation) {
        h += u"<h2>Optimisation levers</h2><table><tr><th>Lever</th><th>Saving / month</th><th>Alone brings it under budget</th></tr>"_s;
        for (const cost::LeverEffect &l : in.optimisation->levers) {
            const bool fits = status.leversThatFit.contains(l.label);
            h += u"<tr><td>"_s % esc(l.label) % u"</td><td class='n'>"_s % usd(l.savingsUsd) % u"</td><td>"_s
                 % (status.hasBudget ? (fits ? u"yes"_s : u"no"_s) : u"-"_s) % u"</td></tr>"_s;
        }
        h += u"<tr><th>All levers together</th><th class='n'>"_s
             % usd(in.optimisation->before.monthlyUsd - in.optimisation->after.monthlyUsd) % u"</th><td>"_s
             % (status.hasBudget ? QString((status.allLeversFit ? u"yes: "_s : u"no: "_s) % usd(status.afterAllLeversUsd)
                                           % u"/month"_s)
                                 : QString(usd(status.afterAllLeversUsd) % u"/month"_s))
             % u"</td></tr></table>"_s;
    }

    h += u"<h2>Every option for this workload</h2><table><tr><th>Option</th><th>Model</th><th>How</th>"
         "<th>USD / month</th></tr>"_s;
    for (const cost::Estimate &o : in.all.estimates) {
        h += u"<tr><td>"_s % esc(o.optionName) % u"</td><td>"_s % esc(o.modelId) % u"</td><td>"_s
             % esc(o.mode == u"self_hosted"_s ? QString(QString::number(o.instances) % u" x "_s % o.instanceId) : o.mode)
             % u"</td><td class='n'>"_s % usd(o.monthlyUsd) % u"</td></tr>"_s;
    }
    h += u"</table>"_s;
    if (!in.all.breakEven.isEmpty()) {
        h += u"<h2>Break-even volumes</h2><p>Requests per day above which self-hosting is cheaper than the managed "
             "service on the same cloud (searched up to "_s
             % QString::number(in.all.maxRequestsPerDay, 'f', 0) % u").</p><table><tr><th>Managed</th>"
             "<th>Self-hosted</th><th>Requests / day</th></tr>"_s;
        for (const cost::BreakEven &b : in.all.breakEven) {
            h += u"<tr><td>"_s % esc(b.managed) % u"</td><td>"_s % esc(b.selfHosted) % u"</td><td class='n'>"_s
                 % (b.requestsPerDay ? QLocale(QLocale::English).toString(*b.requestsPerDay, 'f', 0) : u"never in range"_s)
                 % u"</td></tr>"_s;
        }
        h += u"</table>"_s;
    }
    h += u"<h2>Assumptions</h2><ul>"_s;
    for (const QString &a : e.assumptions)
        h += u"<li>"_s % esc(a) % u"</li>"_s;
    h += u"</ul></body></html>"_s;
    return h;
}

} // namespace lda::core::report
