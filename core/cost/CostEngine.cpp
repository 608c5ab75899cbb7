// The cost engine. All money is USD per month of `days_per_month` days (requests) or 730 hours (rented
// capacity). The formulas (also in docs/GUIDE-CONVENTIONS.md, "How the calculator prices a use case"):
//
//   requests_month = requests_per_day x days_per_month
//   in_tokens = requests_month x input_tokens_per_request ; out_tokens = requests_month x output_tokens_per_request
//   cached_in = in_tokens x cache_hit_rate ; fresh_in = in_tokens - cached_in
//   batch_factor = 1 - batch_share x batch_discount           (no batch discount in the price row = 0)
// Per token (managed APIs):
//   rates: input, cached_input (none: input), output; x (1 + regional_premium) for "deployment": "regional";
//   input_tokens_per_request > tier_threshold: tier_input / tier_output (cached input scaled alike)
//   input_tokens = fresh_in/1e6 x input x batch_factor ; cached_input_tokens = cached_in/1e6 x cached x batch_factor
//   output_tokens = out_tokens/1e6 x output x batch_factor
// Provisioned throughput (PTU / GSU, when the workload names a provisioned_term and the KB has a rate with
// capacity for the model):
//   tpm_needed = peak requests/min x (input + output x output_weight)   (no peak: the average rate)
//   units = max(min_units, step x ceil(tpm_needed / input_tpm_per_unit / step))
//   provisioned_throughput = units x usd_per_unit_hour x 730
// Self-hosted GPU:
//   compute = instances x hourly_rate(pricing) x 730 x hours_per_day / 24
//   instances (when not given) = max(1, ceil(needed_tps / (C_plan x workload_factor)))
//     needed_tps = peak_requests_per_second x output_tokens_per_request, or without a peak
//                  requests_per_day x output_tokens_per_request / (hours_per_day x 3600) / U   (U default 0.4)
//     C_plan = the throughput table's tokens/s for the model's size class on the instance's GPU, times the
//              data-parallel replicas that fit (floor(instance GPUs / row GPUs)); the cheapest instance wins
//     workload_factor (FACTS.md §3.2) = 1.5 at 1:16 in:out, 1.0 at 1:1, 0.25 at >= 13:1 (log-linear
//              between), 0.1 for prompts of 20k tokens or more
// Overheads: storage, networking, monitoring, other - each its own line. monthly = the sum of the lines.
#include "CostEngine.h"
#include "util/SqlValues.h"

#include <QLoggingCategory>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcCost, "lda.core.cost")

namespace lda::core::cost {

using util::optDouble;

namespace {

double finite(double v)
{
    return std::isfinite(v) ? v : 0.0;
}

QString money(double v)
{
    return u"$"_s % QString::number(v, 'f', v < 1 ? 4 : 2);
}

double workloadFactor(double in, double out)
{
    if (in >= 20000)
        return 0.1;
    if (out <= 0 || in <= 0)
        return in <= 0 ? 1.5 : 0.25;
    const double r = in / out;
    const double lo = std::log(1.0 / 16.0), mid = 0.0, hi = std::log(13.0);
    const double lr = std::log(r);
    if (lr <= lo)
        return 1.5;
    if (lr >= hi)
        return 0.25;
    if (lr <= mid)
        return 1.5 + (lr - lo) / (mid - lo) * (1.0 - 1.5);
    return 1.0 + (lr - mid) / (hi - mid) * (0.25 - 1.0);
}

bool isOpenWeights(const kb::Model &m)
{
    return m.openWeights && m.sizeClass != u"hosted"_s;
}

// Smallest r in [0, rMax] with  c x units(r) + D <= a x r + B, where units(r) = max(m, s x ceil(k r / s))
// (k > 0) or m (k == 0): the volume at which a stepped capacity cost drops below a linear per-use cost.
std::optional<double> crossing(double a, double B, double c, double D, double m, double s, double k, double rMax)
{
    if (s <= 0)
        s = 1;
    const auto within = [&](double r) -> std::optional<double> {
        if (!std::isfinite(r) || r > rMax)
            return std::nullopt;
        return std::max(0.0, r);
    };
    if (k <= 0) {
        if (c * m + D <= B)
            return 0.0;
        if (a <= 0)
            return std::nullopt;
        return within((c * m + D - B) / a);
    }
    const double j0 = std::max(1.0, std::ceil(m / s - 1e-12));
    const double flatEnd = (j0 - 1) * s / k;
    // Flat part: units = m.
    if (c * m + D <= B)
        return 0.0;
    if (a > 0) {
        const double r = (c * m + D - B) / a;
        if (r <= flatEnd)
            return within(r);
    }
    // Steps j >= j0 on ((j-1)s/k, js/k] with units = j s: crossing inside iff it holds at the right end.
    const double g = c - a / k;
    double j = 0;
    if (g < 0) {
        j = std::max(j0, std::ceil((B - D) / (s * g) - 1e-12));
    } else if (j0 * s * g <= B - D) {
        j = j0;
    } else {
        return std::nullopt;
    }
    const double left = (j - 1) * s / k;
    if (left > rMax)
        return std::nullopt;
    const double r = a > 0 ? std::max(left, (c * j * s + D - B) / a) : left;
    return within(r);
}

} // namespace

const QStringList &lineItemNames()
{
    static const QStringList names = {u"input_tokens"_s, u"cached_input_tokens"_s, u"output_tokens"_s,
                                      u"provisioned_throughput"_s, u"compute"_s, u"storage"_s,
                                      u"networking"_s, u"monitoring"_s, u"other"_s};
    return names;
}

double Estimate::usd(const QString &item) const
{
    for (const LineItem &l : breakdown) {
        if (l.item == item)
            return l.usd;
    }
    return 0;
}

PricingData PricingData::load(const kb::KnowledgeBase &kb, const pricing::PriceCatalogue &catalogue)
{
    PricingData d;
    d.options = kb.options();
    const QList<kb::Model> models = kb.models();
    for (const kb::Model &m : models)
        d.models.insert(m.id, m);
    const QList<pricing::Price> prices = catalogue.resolvedPrices();
    for (const pricing::Price &p : prices)
        d.prices.insert(p.optionId % u'/' % p.modelId, p);
    d.gpus = kb.gpuInstances();
    d.throughput = kb.throughput();
    QSqlQuery q(kb.database());
    q.setForwardOnly(true);
    q.exec(u"SELECT id, option_id, model_id, variant, unit, usd_per_unit_hour, term, min_units, step_units,"
           " input_tpm_per_unit, output_weight, as_of, source FROM provisioned_rates ORDER BY id"_s);
    while (q.next()) {
        ProvisionedRate r;
        r.id = q.value(0).toString();
        r.optionId = q.value(1).toString();
        r.modelId = q.value(2).isNull() ? u"*"_s : q.value(2).toString();
        r.variant = q.value(3).toString();
        r.unit = q.value(4).toString();
        r.usdPerUnitHour = q.value(5).toDouble();
        r.term = q.value(6).toString();
        if (!q.value(7).isNull())
            r.minUnits = q.value(7).toInt();
        if (!q.value(8).isNull())
            r.stepUnits = q.value(8).toInt();
        r.inputTpmPerUnit = optDouble(q.value(9));
        r.outputWeight = optDouble(q.value(10));
        r.asOf = q.value(11).toString();
        r.source = q.value(12).toString();
        d.provisioned.append(r);
    }
    return d;
}

struct CostEngine::Plan
{
    enum Kind { Tokens, Provisioned, Gpu };
    struct Candidate
    {
        const kb::GpuInstance *gpu = nullptr;
        double hourly = 0;
        double capacity = 0; // output tokens/s per instance (all replicas), 0 = unknown
        QString row;
    };

    const kb::DeploymentOption *option = nullptr;
    Kind kind = Tokens;
    QString modelId;
    QStringList assumptions;
    QString asOf;
    // Tokens
    double inRate = 0, cachedRate = 0, outRate = 0, batchDiscount = 0;
    // Provisioned
    ProvisionedRate rate;
    double minUnits = 1, stepUnits = 1, tpmPerUnit = 0, outputWeight = 1;
    // Gpu
    QList<Candidate> candidates;
    std::optional<double> fixedCount;
    double hoursPerDay = 24, utilisation = DefaultUtilisation, factor = 1;
    QString pricing;
};

CostEngine::CostEngine(PricingData data)
    : m_data(std::move(data))
{
    for (qsizetype i = 0; i < m_data.options.size(); ++i)
        m_optionIndex.insert(m_data.options[i].id, i);
}

bool CostEngine::isManaged(const QString &optionId) const
{
    const auto it = m_optionIndex.constFind(optionId);
    return it != m_optionIndex.cend() && m_data.options[*it].category == u"managed-api"_s;
}

namespace {

double perRequest(const pricing::Price &p, const scenario::Workload &w)
{
    return w.inputTokensPerRequest * p.inputPerMTok + w.outputTokensPerRequest * p.outputPerMTok;
}

bool usable(const kb::Model &m)
{
    return m.lifecycle != u"retired"_s && m.lifecycle != u"deprecated"_s;
}

} // namespace

QString CostEngine::cheaperModel(const scenario::Workload &w, const QString &optionId) const
{
    const auto current = m_data.prices.constFind(optionId % u'/' % w.model);
    const QString vendor = m_data.models.value(w.model).vendor;
    QString best;
    double bestPrice = current != m_data.prices.cend() ? perRequest(*current, w) : std::numeric_limits<double>::max();
    for (auto it = m_data.prices.cbegin(); it != m_data.prices.cend(); ++it) {
        if (it->optionId != optionId || it->modelId == w.model)
            continue;
        const kb::Model m = m_data.models.value(it->modelId);
        if (!usable(m) || (!vendor.isEmpty() && m.vendor != vendor))
            continue;
        const double p = perRequest(*it, w);
        if (p < bestPrice || (p == bestPrice && it->modelId < best)) {
            bestPrice = p;
            best = it->modelId;
        }
    }
    return best;
}

std::optional<CostEngine::Plan> CostEngine::plan(const scenario::Workload &w, const QString &optionId,
                                                 QString *reason, bool forceTokens) const
{
    QString localReason;
    QString &why = reason ? *reason : localReason;
    const auto oit = m_optionIndex.constFind(optionId);
    if (oit == m_optionIndex.cend()) {
        why = u"unknown option id"_s;
        return std::nullopt;
    }
    Plan p;
    p.option = &m_data.options[*oit];

    if (p.option->category == u"managed-api"_s) {
        // The model: the workload's own, else the option's model with the nearest per-request price.
        auto it = m_data.prices.constFind(optionId % u'/' % w.model);
        if (it == m_data.prices.cend()) {
            std::optional<double> reference;
            for (const pricing::Price &pr : m_data.prices) {
                if (pr.modelId == w.model && isManaged(pr.optionId)) {
                    reference = perRequest(pr, w);
                    break;
                }
            }
            QList<std::pair<double, QString>> priced;
            for (const pricing::Price &pr : m_data.prices) {
                if (pr.optionId == optionId && usable(m_data.models.value(pr.modelId)))
                    priced.append({perRequest(pr, w), pr.modelId});
            }
            if (priced.isEmpty()) {
                why = u"no per-token prices in the knowledge base"_s;
                return std::nullopt;
            }
            std::sort(priced.begin(), priced.end());
            QString chosen = priced.at(priced.size() / 2).second; // no reference: the median-priced model
            if (reference && *reference > 0) {
                double bestDistance = std::numeric_limits<double>::max();
                for (const auto &[price, id] : std::as_const(priced)) {
                    const double distance = std::abs(std::log(std::max(price, 1e-12) / *reference));
                    if (distance < bestDistance) {
                        bestDistance = distance;
                        chosen = id;
                    }
                }
            }
            it = m_data.prices.constFind(optionId % u'/' % chosen);
            p.assumptions.append(
                w.model.isEmpty()
                    ? QString(u"No model given: priced with "_s % chosen % u", the median-priced current model here."_s)
                    : QString(w.model % u" is not offered on "_s % optionId % u"; priced with "_s % chosen
                              % u", the model here with the nearest per-request price."_s));
        }
        const pricing::Price &pr = *it;
        p.modelId = pr.modelId;
        p.asOf = pr.asOf;
        if (pr.origin != pricing::PriceOrigin::Shipped) {
            p.assumptions.append(u"Price of "_s % pr.modelId % u" is your "_s % pricing::originName(pr.origin)
                                 % u" (as of "_s % pr.asOf % u"): input "_s % money(pr.inputPerMTok)
                                 % u", output "_s % money(pr.outputPerMTok) % u" per 1M tokens."_s);
        } else {
            p.assumptions.append(u"Per-token price of "_s % pr.modelId % u": input "_s % money(pr.inputPerMTok)
                                 % u", output "_s % money(pr.outputPerMTok) % u" per 1M tokens (as of "_s % pr.asOf
                                 % u", "_s % pr.source % u")."_s);
        }

        // Provisioned throughput when asked for and the KB has a rate with capacity for this model.
        if (!forceTokens && !w.provisionedTerm.isEmpty()) {
            const bool regional = w.deployment == u"regional"_s;
            const ProvisionedRate *best = nullptr;
            for (const ProvisionedRate &r : m_data.provisioned) {
                if (r.optionId != optionId || r.modelId != p.modelId || r.term != w.provisionedTerm
                    || !r.inputTpmPerUnit || *r.inputTpmPerUnit <= 0)
                    continue;
                if (r.variant.contains(u"regional"_s) != regional)
                    continue;
                if (!best || r.usdPerUnitHour < best->usdPerUnitHour)
                    best = &r;
            }
            if (best) {
                p.kind = Plan::Provisioned;
                p.rate = *best;
                p.minUnits = best->minUnits.value_or(1);
                p.stepUnits = std::max(1, best->stepUnits.value_or(1));
                p.tpmPerUnit = *best->inputTpmPerUnit;
                p.outputWeight = best->outputWeight.value_or(1);
                p.asOf = best->asOf;
                p.assumptions.append(u"Provisioned throughput "_s % best->variant % u": "_s
                                     % money(best->usdPerUnitHour) % u" per "_s % best->unit
                                     % u"-hour x 730 h; one unit sustains "_s % QString::number(p.tpmPerUnit)
                                     % u" input tokens/min, an output token counts as "_s
                                     % QString::number(p.outputWeight) % u" (min "_s % QString::number(p.minUnits)
                                     % u", step "_s % QString::number(p.stepUnits) % u"; as of "_s % best->asOf
                                     % u", "_s % best->source % u")."_s);
                p.assumptions.append(w.peakRequestsPerSecond
                                         ? QString(u"Units sized for the peak of "_s
                                             % QString::number(*w.peakRequestsPerSecond) % u" requests/s."_s)
                                         : u"No peak given: units sized for the average rate over 24 h; "
                                           "peaks above it would be throttled or spill over."_s);
                return p;
            }
            p.assumptions.append(u"No provisioned-throughput rate with capacity for "_s % p.modelId % u" ("_s
                                 % w.provisionedTerm % u") in the knowledge base: priced per token."_s);
        }

        p.kind = Plan::Tokens;
        p.inRate = pr.inputPerMTok;
        p.cachedRate = pr.cachedInputPerMTok.value_or(pr.inputPerMTok);
        p.outRate = pr.outputPerMTok;
        if (w.cacheHitRate > 0 && !pr.cachedInputPerMTok)
            p.assumptions.append(u"No cached-input price: cached tokens are priced as input."_s);
        if (w.cacheHitRate > 0)
            p.assumptions.append(u"Cache writes are not priced separately."_s);
        if (pr.tierThreshold && w.inputTokensPerRequest > double(*pr.tierThreshold)) {
            const double in = pr.tierInputPerMTok.value_or(pr.inputPerMTok);
            if (pr.inputPerMTok > 0)
                p.cachedRate *= in / pr.inputPerMTok;
            p.inRate = in;
            p.outRate = pr.tierOutputPerMTok.value_or(pr.outputPerMTok);
            p.assumptions.append(u"Prompts above "_s % QString::number(*pr.tierThreshold)
                                 % u" tokens: long-context tier "_s % money(p.inRate) % u" / "_s % money(p.outRate)
                                 % u" per 1M tokens."_s);
        }
        if (w.deployment == u"regional"_s) {
            const double premium = pr.regionalPremium.value_or(0);
            p.inRate *= 1 + premium;
            p.cachedRate *= 1 + premium;
            p.outRate *= 1 + premium;
            p.assumptions.append(pr.regionalPremium
                                     ? QString(u"Regional deployment: +"_s % QString::number(premium * 100) % u"%."_s)
                                     : u"Regional deployment: no regional premium recorded for this price."_s);
        }
        p.batchDiscount = pr.batchDiscount.value_or(0);
        if (w.batchShare > 0)
            p.assumptions.append(pr.batchDiscount ? QString(u"Batch: "_s % QString::number(w.batchShare * 100)
                                                        % u"% of requests at "_s
                                                        % QString::number(p.batchDiscount * 100) % u"% off."_s)
                                                  : u"No batch discount recorded: batch share has no effect."_s);
        return p;
    }

    // Self-hosted: the model to serve, the instances that can run it, their rates and capacity.
    p.kind = Plan::Gpu;
    const scenario::SelfHosted self = w.selfHosted.value_or(scenario::SelfHosted{});
    QString modelId = self.model;
    if (modelId.isEmpty() && m_data.models.contains(w.model) && isOpenWeights(m_data.models.value(w.model)))
        modelId = w.model;
    if (modelId.isEmpty()) {
        // An API-only model: compare against the open-weight 70B-class model with the lowest managed
        // per-request price (the one a team would weigh self-hosting against); unpriced models rank last.
        QString best;
        double bestPrice = std::numeric_limits<double>::max();
        for (const kb::Model &m : m_data.models) {
            if (!isOpenWeights(m) || m.sizeClass != u"70B"_s || !usable(m))
                continue;
            double price = std::numeric_limits<double>::max();
            for (const pricing::Price &pr : m_data.prices) {
                if (pr.modelId == m.id && isManaged(pr.optionId))
                    price = std::min(price, perRequest(pr, w));
            }
            if (best.isEmpty() || price < bestPrice || (price == bestPrice && m.id < best)) {
                best = m.id;
                bestPrice = price;
            }
        }
        modelId = best;
        p.assumptions.append((w.model.isEmpty() ? u"No model given"_s
                                                : QString(w.model % u" has no open weights"_s))
                             % u": self-hosting priced with "_s % best
                             % u", the open-weight 70B-class model with the lowest managed price."_s);
    }
    const auto mit = m_data.models.constFind(modelId);
    if (mit == m_data.models.cend() || !isOpenWeights(*mit)) {
        why = u"model "_s % modelId % u" cannot be self-hosted (no open weights)"_s;
        return std::nullopt;
    }
    p.modelId = modelId;
    p.hoursPerDay = self.hoursPerDay;
    p.utilisation = self.utilisation;
    p.pricing = self.pricing;
    p.factor = workloadFactor(w.inputTokensPerRequest, w.outputTokensPerRequest);
    const QString sizeClass = mit->sizeClass;

    const auto hourly = [&](const kb::GpuInstance &g) {
        if (self.pricing == u"spot"_s && g.spotHour)
            return *g.spotHour;
        if (self.pricing == u"1y"_s && g.ri1yHour)
            return *g.ri1yHour;
        if (self.pricing == u"3y"_s && g.ri3yHour)
            return *g.ri3yHour;
        return g.onDemandHour;
    };
    const auto capacity = [&](const kb::GpuInstance &g, QString *row) {
        double best = 0;
        for (const kb::ThroughputRow &t : m_data.throughput) {
            if (t.sizeClass != sizeClass || t.gpuModel != g.gpuModel || t.gpuCount <= 0 || t.gpuCount > g.gpuCount)
                continue;
            const double c = std::floor(double(g.gpuCount) / t.gpuCount) * t.tokensPerSecond;
            if (c > best) {
                best = c;
                *row = t.id;
            }
        }
        return best;
    };
    const bool named = !self.instance.isEmpty();
    for (const kb::GpuInstance &g : m_data.gpus) {
        if (!g.options.contains(optionId))
            continue;
        if (named && g.id != self.instance)
            continue;
        Plan::Candidate c;
        c.gpu = &g;
        c.hourly = hourly(g);
        c.capacity = capacity(g, &c.row);
        if (c.capacity <= 0 && !named)
            continue; // no throughput figure: the model does not fit, or the GPU is not in the table
        p.candidates.append(c);
    }
    if (named && p.candidates.isEmpty()) {
        p.assumptions.append(self.instance % u" is not offered on "_s % optionId % u": the instance was sized."_s);
        scenario::Workload sized = w;
        sized.selfHosted->instance.clear();
        sized.selfHosted->count.reset();
        std::optional<Plan> again = plan(sized, optionId, reason, forceTokens);
        if (again)
            again->assumptions = p.assumptions + again->assumptions;
        return again;
    }
    if (p.candidates.isEmpty()) {
        why = u"no GPU instance in the knowledge base runs a "_s % sizeClass % u" model here"_s;
        return std::nullopt;
    }
    if (named && self.count)
        p.fixedCount = *self.count;
    const kb::GpuInstance &first = *p.candidates.first().gpu;
    p.asOf = first.asOf;
    const QString rateName = self.pricing == u"on-demand"_s ? u"on-demand"_s
        : self.pricing == u"spot"_s                       ? u"spot"_s
                                                           : QString(self.pricing % u" reserved"_s);
    if (named) {
        const Plan::Candidate &c = p.candidates.first();
        const bool fellBack = c.hourly == first.onDemandHour && self.pricing != u"on-demand"_s;
        p.assumptions.append(first.id % u" at "_s % money(c.hourly) % u"/h "_s
                             % (fellBack ? QString(u"(no "_s % rateName % u" rate recorded: on-demand)"_s) : rateName)
                             % u", "_s % QString::number(p.hoursPerDay) % u" h/day (as of "_s % first.asOf % u", "_s
                             % first.source % u")."_s);
    } else {
        p.assumptions.append(u"Instance chosen from "_s % QString::number(p.candidates.size())
                             % u" that run a "_s % sizeClass % u" model here: the cheapest for the load, "_s
                             % rateName % u" rates, "_s % QString::number(p.hoursPerDay) % u" h/day."_s);
    }
    if (!p.fixedCount) {
        p.assumptions.append(
            (w.peakRequestsPerSecond ? QString(u"Sized for the peak of "_s % QString::number(*w.peakRequestsPerSecond)
                                           % u" requests/s"_s)
                                     : QString(u"Sized for the average rate at "_s % QString::number(p.utilisation * 100)
                                           % u"% utilisation"_s))
            % u"; throughput from the table (C_plan, vLLM, about +-50%) x workload factor "_s
            % QString::number(p.factor, 'f', 2) % u" for "_s % QString::number(w.inputTokensPerRequest) % u":"_s
            % QString::number(w.outputTokensPerRequest) % u" tokens in:out."_s);
    }
    return p;
}

namespace {

struct GpuChoice
{
    const CostEngine::Plan::Candidate *candidate = nullptr;
    double instances = 0;
    double monthly = 0;
};

double neededTps(const CostEngine::Plan &p, const scenario::Workload &w)
{
    if (w.peakRequestsPerSecond)
        return *w.peakRequestsPerSecond * w.outputTokensPerRequest;
    if (p.hoursPerDay <= 0)
        return 0;
    return w.requestsPerDay * w.outputTokensPerRequest / (p.hoursPerDay * 3600.0) / p.utilisation;
}

GpuChoice chooseGpu(const CostEngine::Plan &p, const scenario::Workload &w)
{
    GpuChoice best;
    const double tps = neededTps(p, w);
    for (const CostEngine::Plan::Candidate &c : p.candidates) {
        double n = 1;
        if (p.fixedCount)
            n = *p.fixedCount;
        else if (c.capacity > 0)
            n = std::max(1.0, std::ceil(tps / (c.capacity * p.factor) - 1e-9));
        const double monthly = finite(n * c.hourly * HoursPerMonth * p.hoursPerDay / 24.0);
        if (!best.candidate || monthly < best.monthly
            || (monthly == best.monthly && c.gpu->id < best.candidate->gpu->id))
            best = {&c, n, monthly};
    }
    return best;
}

double provisionedUnits(const CostEngine::Plan &p, const scenario::Workload &w)
{
    const double rpm = w.peakRequestsPerSecond ? *w.peakRequestsPerSecond * 60.0 : w.requestsPerDay / 1440.0;
    const double tpm = rpm * (w.inputTokensPerRequest + w.outputTokensPerRequest * p.outputWeight);
    const double units = p.stepUnits * std::ceil(tpm / p.tpmPerUnit / p.stepUnits - 1e-9);
    return std::max(p.minUnits, units);
}

} // namespace

double CostEngine::monthly(const Plan &p, const scenario::Workload &w) const
{
    double total = w.overheads.total();
    const double requests = w.requestsPerMonth();
    switch (p.kind) {
    case Plan::Tokens: {
        const double in = requests * w.inputTokensPerRequest;
        const double cached = in * w.cacheHitRate;
        const double bf = 1 - w.batchShare * p.batchDiscount;
        total += ((in - cached) * p.inRate + cached * p.cachedRate
                  + requests * w.outputTokensPerRequest * p.outRate) / 1e6 * bf;
        break;
    }
    case Plan::Provisioned:
        total += provisionedUnits(p, w) * p.rate.usdPerUnitHour * HoursPerMonth;
        break;
    case Plan::Gpu:
        total += chooseGpu(p, w).monthly;
        break;
    }
    return finite(total);
}

Estimate CostEngine::price(const Plan &p, const scenario::Workload &w) const
{
    Estimate e;
    e.optionId = p.option->id;
    e.optionName = p.option->name;
    e.provider = p.option->provider;
    e.modelId = p.modelId;
    e.priceAsOf = p.asOf;
    e.assumptions = p.assumptions;
    const double requests = w.requestsPerMonth();
    const auto add = [&](const QString &item, double usd) { e.breakdown.append({item, finite(usd)}); };
    switch (p.kind) {
    case Plan::Tokens: {
        e.mode = u"per_token"_s;
        const double in = requests * w.inputTokensPerRequest;
        const double cached = in * w.cacheHitRate;
        const double bf = 1 - w.batchShare * p.batchDiscount;
        add(u"input_tokens"_s, (in - cached) / 1e6 * p.inRate * bf);
        add(u"cached_input_tokens"_s, cached / 1e6 * p.cachedRate * bf);
        add(u"output_tokens"_s, requests * w.outputTokensPerRequest / 1e6 * p.outRate * bf);
        break;
    }
    case Plan::Provisioned:
        e.mode = u"provisioned"_s;
        e.provisionedVariant = p.rate.variant;
        e.units = provisionedUnits(p, w);
        add(u"provisioned_throughput"_s, e.units * p.rate.usdPerUnitHour * HoursPerMonth);
        e.assumptions.append(QString::number(e.units) % u" "_s % p.rate.unit % u" bought."_s);
        break;
    case Plan::Gpu: {
        e.mode = u"self_hosted"_s;
        const GpuChoice choice = chooseGpu(p, w);
        e.instanceId = choice.candidate->gpu->id;
        e.instances = choice.instances;
        e.pricing = p.pricing;
        e.priceAsOf = choice.candidate->gpu->asOf;
        add(u"compute"_s, choice.monthly);
        if (!p.fixedCount) {
            const double tpsCapacity = choice.candidate->capacity * p.factor * choice.instances;
            e.assumptions.append(QString::number(choice.instances) % u" x "_s % e.instanceId % u" at "_s
                                 % money(choice.candidate->hourly) % u"/h ("_s % choice.candidate->gpu->source
                                 % u", as of "_s % choice.candidate->gpu->asOf % u"); capacity about "_s
                                 % QString::number(std::round(tpsCapacity)) % u" output tokens/s (row "_s
                                 % choice.candidate->row % u")."_s);
        }
        break;
    }
    }
    add(u"storage"_s, w.overheads.storage);
    add(u"networking"_s, w.overheads.networking);
    add(u"monitoring"_s, w.overheads.monitoring);
    add(u"other"_s, w.overheads.other);
    if (w.overheads.total() > 0)
        e.assumptions.append(u"Fixed overheads as given by the workload: "_s % money(w.overheads.total())
                             % u"/month."_s);
    double sum = 0;
    for (const LineItem &l : std::as_const(e.breakdown))
        sum += l.usd;
    e.monthlyUsd = finite(sum);
    e.per1kRequestsUsd = requests > 0 ? finite(e.monthlyUsd / requests * 1000.0) : 0;
    e.assumptions.append(u"Month = "_s % QString::number(w.daysPerMonth) % u" days of requests, 730 hours of capacity."_s);
    return e;
}

std::optional<Estimate> CostEngine::estimate(const scenario::Workload &w, const QString &optionId, QString *reason) const
{
    const std::optional<Plan> p = plan(w, optionId, reason);
    if (!p)
        return std::nullopt;
    return price(*p, w);
}

EstimateSet CostEngine::estimateAll(const scenario::Workload &w, const QStringList &optionIds) const
{
    EstimateSet set;
    QStringList ids = optionIds;
    if (ids.isEmpty()) {
        for (const kb::DeploymentOption &o : m_data.options)
            ids.append(o.id);
    }
    struct Priced
    {
        Plan plan;
        Estimate estimate;
    };
    QList<Priced> managed;
    QList<Priced> selfHosted;
    for (const QString &id : std::as_const(ids)) {
        QString reason;
        const std::optional<Plan> p = plan(w, id, &reason);
        if (!p) {
            set.unavailable.append({id, reason});
            continue;
        }
        const Estimate e = price(*p, w);
        set.estimates.append(e);
        if (p->kind == Plan::Gpu)
            selfHosted.append({*p, e});
        else
            managed.append({p->kind == Plan::Tokens ? *p : *plan(w, id, nullptr, true), e});
    }

    // Break-even: managed cost is linear in requests/day, self-hosted capacity is a step function.
    set.maxRequestsPerDay = std::max(1e7, 100.0 * w.requestsPerDay);
    scenario::Workload unit = w;
    unit.requestsPerDay = 1;
    unit.overheads = {};
    for (const Priced &m : std::as_const(managed)) {
        const double a = monthly(m.plan, unit); // USD/month per request/day
        for (const Priced &s : std::as_const(selfHosted)) {
            if (s.plan.option->provider != m.plan.option->provider)
                continue;
            std::optional<double> best;
            for (const Plan::Candidate &c : s.plan.candidates) {
                const double cInstance = c.hourly * HoursPerMonth * s.plan.hoursPerDay / 24.0;
                double k = 0;
                double minCount = 1;
                if (s.plan.fixedCount) {
                    minCount = *s.plan.fixedCount;
                } else if (c.capacity > 0) {
                    // Instances per (request/day): the sizing rule of chooseGpu, made linear in volume.
                    if (w.peakRequestsPerSecond && w.requestsPerDay > 0)
                        k = *w.peakRequestsPerSecond / w.requestsPerDay * w.outputTokensPerRequest
                            / (c.capacity * s.plan.factor);
                    else if (!w.peakRequestsPerSecond && s.plan.hoursPerDay > 0)
                        k = w.outputTokensPerRequest / (s.plan.hoursPerDay * 3600.0 * s.plan.utilisation
                                                        * c.capacity * s.plan.factor);
                }
                const std::optional<double> r = crossing(a, w.overheads.total(), cInstance, w.overheads.total(),
                                                         minCount, 1, k, set.maxRequestsPerDay);
                if (r && (!best || *r < *best))
                    best = r;
            }
            set.breakEven.append({m.estimate.optionId, s.estimate.optionId, m.plan.modelId, s.plan.modelId,
                                  best ? std::optional<double>(std::round(*best)) : std::nullopt});
        }
        // Provisioned throughput against this option's own per-token price.
        for (const ProvisionedRate &r : m_data.provisioned) {
            if (r.optionId != m.plan.option->id || r.modelId != m.plan.modelId || !r.inputTpmPerUnit
                || *r.inputTpmPerUnit <= 0)
                continue;
            Plan pp = m.plan;
            pp.kind = Plan::Provisioned;
            pp.rate = r;
            pp.minUnits = r.minUnits.value_or(1);
            pp.stepUnits = std::max(1, r.stepUnits.value_or(1));
            pp.tpmPerUnit = *r.inputTpmPerUnit;
            pp.outputWeight = r.outputWeight.value_or(1);
            scenario::Workload bare = w;
            bare.overheads = {};
            ProvisionedComparison pc;
            pc.optionId = r.optionId;
            pc.modelId = r.modelId;
            pc.variant = r.variant;
            pc.term = r.term;
            pc.units = provisionedUnits(pp, bare);
            pc.monthlyUsd = monthly(pp, bare);
            pc.perTokenMonthlyUsd = monthly(m.plan, bare);
            pc.asOf = r.asOf;
            const double tokensPerRequest = w.inputTokensPerRequest + w.outputTokensPerRequest * pp.outputWeight;
            const double rpmPerRequestPerDay = w.peakRequestsPerSecond && w.requestsPerDay > 0
                ? *w.peakRequestsPerSecond * 60.0 / w.requestsPerDay
                : 1.0 / 1440.0;
            const double k = rpmPerRequestPerDay * tokensPerRequest / pp.tpmPerUnit;
            pc.breakEvenRequestsPerDay = crossing(a, 0, r.usdPerUnitHour * HoursPerMonth, 0, pp.minUnits,
                                                  pp.stepUnits, k, set.maxRequestsPerDay);
            if (pc.breakEvenRequestsPerDay)
                pc.breakEvenRequestsPerDay = std::round(*pc.breakEvenRequestsPerDay);
            set.provisioned.append(pc);
        }
    }
    return set;
}

QList<SeriesLine> CostEngine::costVsVolume(const scenario::Workload &w, const QStringList &optionIds,
                                           double maxRequestsPerDay, int points) const
{
    QList<SeriesLine> lines;
    points = std::max(2, points);
    maxRequestsPerDay = std::isfinite(maxRequestsPerDay) && maxRequestsPerDay > 0 ? maxRequestsPerDay : 1;
    for (const QString &id : optionIds) {
        const std::optional<Plan> p = plan(w, id, nullptr);
        if (!p)
            continue;
        SeriesLine line;
        line.optionId = id;
        line.points.reserve(points);
        scenario::Workload v = w;
        for (int i = 0; i < points; ++i) {
            const double r = maxRequestsPerDay * i / (points - 1);
            v.requestsPerDay = r;
            if (w.peakRequestsPerSecond && w.requestsPerDay > 0)
                v.peakRequestsPerSecond = *w.peakRequestsPerSecond * r / w.requestsPerDay;
            line.points.append(QPointF(r, monthly(*p, v)));
        }
        lines.append(line);
    }
    return lines;
}

std::optional<Optimisation> CostEngine::optimise(const scenario::Workload &w, const QString &optionId,
                                                 const Levers &levers) const
{
    const std::optional<Estimate> before = estimate(w, optionId);
    if (!before)
        return std::nullopt;
    const bool managed = isManaged(optionId);
    const QString routeModel = levers.routeModel.isEmpty() ? cheaperModel(w, optionId) : levers.routeModel;

    // Applies a subset of the levers (bit 0 cache, 1 batch, 2 routing, 3 commitment).
    const auto apply = [&](int mask) -> Estimate {
        scenario::Workload v = w;
        // A lever never undoes what the workload already does: the higher rate wins.
        if ((mask & 1) && levers.cacheHitRate)
            v.cacheHitRate = std::max(w.cacheHitRate, std::clamp(*levers.cacheHitRate, 0.0, 1.0));
        if ((mask & 2) && levers.batchShare)
            v.batchShare = std::max(w.batchShare, std::clamp(*levers.batchShare, 0.0, 1.0));
        if ((mask & 8) && !levers.commitment.isEmpty()) {
            if (managed) {
                v.provisionedTerm = levers.commitment == u"3y"_s || levers.commitment == u"1y"_s ? u"1-year"_s
                                                                                                 : levers.commitment;
            } else {
                if (!v.selfHosted)
                    v.selfHosted = scenario::SelfHosted{};
                v.selfHosted->pricing = levers.commitment;
            }
        }
        const double share = std::clamp(levers.routeShare, 0.0, 1.0);
        if (!(mask & 4) || !managed || share <= 0 || routeModel.isEmpty())
            return estimate(v, optionId).value_or(*before);
        scenario::Workload main = v;
        scenario::Workload routed = v;
        main.requestsPerDay *= 1 - share;
        routed.requestsPerDay *= share;
        routed.model = routeModel;
        if (v.peakRequestsPerSecond) {
            main.peakRequestsPerSecond = *v.peakRequestsPerSecond * (1 - share);
            routed.peakRequestsPerSecond = *v.peakRequestsPerSecond * share;
        }
        routed.overheads = {};
        main.overheads = {};
        Estimate a = estimate(main, optionId).value_or(*before);
        const std::optional<Estimate> b = estimate(routed, optionId);
        const Estimate full = estimate(v, optionId).value_or(*before);
        Estimate e = full;
        e.modelId = a.modelId % u" + "_s % (b ? b->modelId : routeModel);
        e.breakdown.clear();
        double sum = 0;
        for (const QString &item : lineItemNames()) {
            const bool overhead = item == u"storage"_s || item == u"networking"_s || item == u"monitoring"_s
                || item == u"other"_s;
            const bool present = std::any_of(full.breakdown.cbegin(), full.breakdown.cend(),
                                             [&](const LineItem &l) { return l.item == item; });
            if (!present)
                continue;
            const double usd = finite(overhead ? full.usd(item) : a.usd(item) + (b ? b->usd(item) : 0));
            e.breakdown.append({item, usd});
            sum += usd;
        }
        e.monthlyUsd = finite(sum);
        const double requests = v.requestsPerMonth();
        e.per1kRequestsUsd = requests > 0 ? finite(sum / requests * 1000) : 0;
        e.assumptions.append(QString::number(share * 100) % u"% of requests routed to "_s % routeModel % u'.');
        return e;
    };

    Optimisation o;
    o.before = *before;
    o.after = apply(15);
    const auto effect = [&](const QString &lever, int bit, const QString &label) {
        o.levers.append({lever, label, finite(before->monthlyUsd - apply(bit).monthlyUsd)});
    };
    if (levers.cacheHitRate)
        effect(u"cache"_s, 1, u"Prompt caching at "_s % QString::number(*levers.cacheHitRate * 100) % u"% hit rate"_s);
    if (levers.batchShare)
        effect(u"batch"_s, 2, u"Batch "_s % QString::number(*levers.batchShare * 100) % u"% of requests"_s);
    if (levers.routeShare > 0)
        effect(u"routing"_s, 4, managed && !routeModel.isEmpty()
                                    ? QString(u"Route "_s % QString::number(levers.routeShare * 100) % u"% to "_s % routeModel)
                                    : u"Routing (not applicable to a self-hosted option)"_s);
    if (!levers.commitment.isEmpty()) {
        const bool provisioned = !managed || apply(8).mode == u"provisioned"_s;
        effect(u"commitment"_s, 8,
               !managed       ? QString(levers.commitment % u" reserved GPU capacity"_s)
               : provisioned ? u"Provisioned throughput, 1-year term"_s
                             : QString(u"Commitment: no provisioned-throughput rate for "_s % before->modelId
                                       % u" here (no change)"_s));
    }
    return o;
}

} // namespace lda::core::cost
