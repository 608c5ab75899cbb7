// The cost engine, the workload file and saved scenarios. Expected values are computed by hand in the
// comments next to them, from synthetic prices (so the arithmetic is visible) and from the shipped KB.
#include "cost/CostEngine.h"
#include "cost/UseCaseEstimator.h"
#include "cost/EstimateExport.h"
#include "kb/KnowledgeBase.h"
#include "kb/UserDatabase.h"
#include "pricing/PriceCatalogue.h"
#include "report/BudgetReview.h"
#include "scenario/ScenarioStore.h"
#include "scenario/Workload.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <cmath>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/wait.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;
using namespace lda::core;

namespace {

kb::DeploymentOption option(const QString &id, const QString &category, const QString &provider = u"aws"_s)
{
    kb::DeploymentOption o;
    o.id = id;
    o.name = id;
    o.provider = provider;
    o.category = category;
    return o;
}

kb::Model model(const QString &id, const QString &sizeClass, const QString &vendor = u"v"_s)
{
    kb::Model m;
    m.id = id;
    m.name = id;
    m.vendor = vendor;
    m.openWeights = sizeClass != u"hosted"_s;
    m.sizeClass = sizeClass;
    m.lifecycle = u"ga"_s;
    m.released = u"2025-01-01"_s;
    return m;
}

pricing::Price price(const QString &optionId, const QString &modelId, double in, double out)
{
    pricing::Price p;
    p.optionId = optionId;
    p.modelId = modelId;
    p.inputPerMTok = in;
    p.outputPerMTok = out;
    p.asOf = u"2026-07-24"_s;
    p.source = u"test"_s;
    return p;
}

kb::GpuInstance gpu(const QString &id, int count, double hour, const QString &optionId = u"s"_s)
{
    kb::GpuInstance g;
    g.id = id;
    g.name = id;
    g.provider = u"aws"_s;
    g.gpuModel = u"A10G"_s;
    g.gpuCount = count;
    g.onDemandHour = hour;
    g.asOf = u"2026-11-27"_s;
    g.source = u"test"_s;
    g.options = {optionId};
    return g;
}

// Managed option "m" (model x: $3 / $15, cached $0.30, batch 50% off, regional +10%, >200k tier $6 / $22.50;
// model y: $1 / $5), self-hosted option "s" (g1: 1x A10G $1/h; g4: 4x A10G $5/h, 1-year $4/h), open model
// "o" of class 7-8B at 300 output tokens/s per A10G.
cost::PricingData syntheticData()
{
    cost::PricingData d;
    d.options = {option(u"m"_s, u"managed-api"_s), option(u"s"_s, u"self-hosted"_s),
                 option(u"other-cloud"_s, u"self-hosted"_s, u"gcp"_s)};
    for (const kb::Model &m : {model(u"x"_s, u"hosted"_s), model(u"y"_s, u"hosted"_s), model(u"o"_s, u"7-8B"_s)})
        d.models.insert(m.id, m);
    pricing::Price x = price(u"m"_s, u"x"_s, 3, 15);
    x.cachedInputPerMTok = 0.3;
    x.batchDiscount = 0.5;
    x.regionalPremium = 0.1;
    x.tierThreshold = 200000;
    x.tierInputPerMTok = 6;
    x.tierOutputPerMTok = 22.5;
    d.prices.insert(u"m/x"_s, x);
    d.prices.insert(u"m/y"_s, price(u"m"_s, u"y"_s, 1, 5));
    kb::GpuInstance g4 = gpu(u"g4"_s, 4, 5);
    g4.ri1yHour = 4;
    d.gpus = {gpu(u"g1"_s, 1, 1), g4};
    kb::ThroughputRow row;
    row.id = u"7-8b/1xa10g"_s;
    row.sizeClass = u"7-8B"_s;
    row.gpuModel = u"A10G"_s;
    row.gpuCount = 1;
    row.tokensPerSecond = 300;
    d.throughput = {row};
    cost::ProvisionedRate r;
    r.id = u"m/x@global-1-month"_s;
    r.optionId = u"m"_s;
    r.modelId = u"x"_s;
    r.variant = u"global-1-month"_s;
    r.unit = u"PTU"_s;
    r.usdPerUnitHour = 0.5;
    r.term = u"1-month"_s;
    r.minUnits = 15;
    r.stepUnits = 5;
    r.inputTpmPerUnit = 2500;
    r.outputWeight = 3;
    r.asOf = u"2026-06-01"_s;
    d.provisioned = {r};
    return d;
}

scenario::Workload workload(double rpd, double in, double out, const QString &modelId = u"x"_s)
{
    scenario::Workload w;
    w.model = modelId;
    w.requestsPerDay = rpd;
    w.inputTokensPerRequest = in;
    w.outputTokensPerRequest = out;
    return w;
}

double sumOf(const cost::Estimate &e)
{
    double s = 0;
    for (const cost::LineItem &l : e.breakdown)
        s += l.usd;
    return s;
}

bool allFinite(const cost::Estimate &e)
{
    if (!std::isfinite(e.monthlyUsd) || !std::isfinite(e.per1kRequestsUsd))
        return false;
    return std::all_of(e.breakdown.cbegin(), e.breakdown.cend(), [](const cost::LineItem &l) {
        return std::isfinite(l.usd) && l.usd >= 0;
    });
}

} // namespace

class TestCostEngine : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<kb::KnowledgeBase> m_kb;
    cost::CostEngine m_synthetic{syntheticData()};

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        m_kb = kb::KnowledgeBase::open(QStringLiteral(LDA_TEST_KB), &error);
        QVERIFY2(m_kb, qPrintable(error));
    }

    // ---- per-token pricing --------------------------------------------------------------------------

    void perToken_cacheAndBatch()
    {
        scenario::Workload w = workload(1000, 2000, 500);
        w.cacheHitRate = 0.5;
        w.batchShare = 0.2;
        const cost::Estimate e = *m_synthetic.estimate(w, u"m"_s);
        // requests = 1,000 x 30 = 30,000; input = 60M tokens, half cached; batch factor = 1 - 0.2 x 0.5 = 0.9
        QCOMPARE(e.mode, u"per_token"_s);
        QCOMPARE(e.usd(u"input_tokens"_s), 30.0 * 3 * 0.9);         // 81
        QCOMPARE(e.usd(u"cached_input_tokens"_s), 30.0 * 0.3 * 0.9); // 8.1
        QCOMPARE(e.usd(u"output_tokens"_s), 15.0 * 15 * 0.9);       // 15M output tokens: 202.5
        QVERIFY(qFuzzyCompare(e.monthlyUsd, 291.6));
        QVERIFY(qFuzzyCompare(e.per1kRequestsUsd, 291.6 / 30000 * 1000)); // 9.72
        QCOMPARE(e.priceAsOf, u"2026-07-24"_s);
        QVERIFY(!e.assumptions.isEmpty());
    }

    void perToken_regionalPremium()
    {
        scenario::Workload w = workload(1000, 2000, 500);
        w.deployment = u"regional"_s;
        const cost::Estimate e = *m_synthetic.estimate(w, u"m"_s);
        // 60M x $3 x 1.1 = 198; 15M x $15 x 1.1 = 247.5
        QVERIFY(qFuzzyCompare(e.usd(u"input_tokens"_s), 198.0));
        QVERIFY(qFuzzyCompare(e.usd(u"output_tokens"_s), 247.5));
        QVERIFY(qFuzzyCompare(e.monthlyUsd, 445.5));
    }

    void perToken_contextTierAboveThreshold()
    {
        const scenario::Workload w = workload(10, 250000, 1000);
        const cost::Estimate e = *m_synthetic.estimate(w, u"m"_s);
        // 300 requests: 75M input tokens x $6 = 450; 0.3M output x $22.50 = 6.75
        QVERIFY(qFuzzyCompare(e.usd(u"input_tokens"_s), 450.0));
        QVERIFY(qFuzzyCompare(e.usd(u"output_tokens"_s), 6.75));
        // At the threshold itself the base price applies: 300 x 200,000 = 60M x $3 = 180
        const cost::Estimate base = *m_synthetic.estimate(workload(10, 200000, 1000), u"m"_s);
        QVERIFY(qFuzzyCompare(base.usd(u"input_tokens"_s), 180.0));
    }

    void overheads_areSeparateLinesAndSumToTotal()
    {
        scenario::Workload w = workload(1000, 2000, 500);
        w.overheads = {1.5, 2.25, 3, 4};
        const cost::Estimate e = *m_synthetic.estimate(w, u"m"_s);
        QCOMPARE(e.usd(u"storage"_s), 1.5);
        QCOMPARE(e.usd(u"networking"_s), 2.25);
        QCOMPARE(e.usd(u"monitoring"_s), 3.0);
        QCOMPARE(e.usd(u"other"_s), 4.0);
        // 180 + 225 (tokens) + 10.75 (overheads)
        QVERIFY(qFuzzyCompare(e.monthlyUsd, 415.75));
        QCOMPARE(e.monthlyUsd, sumOf(e));
        for (const cost::LineItem &l : e.breakdown)
            QVERIFY2(cost::lineItemNames().contains(l.item), qPrintable(l.item));
    }

    // ---- provisioned throughput ----------------------------------------------------------------------

    void provisioned_sizesUnitsFromPeak()
    {
        scenario::Workload w = workload(100000, 1000, 100);
        w.peakRequestsPerSecond = 10;
        w.provisionedTerm = u"1-month"_s;
        const cost::Estimate e = *m_synthetic.estimate(w, u"m"_s);
        // 600 requests/min x (1,000 + 100 x 3) = 780,000 TPM / 2,500 = 312 -> step 5 -> 315 PTU
        // 315 x $0.50 x 730 h = 114,975
        QCOMPARE(e.mode, u"provisioned"_s);
        QCOMPARE(e.units, 315.0);
        QVERIFY(qFuzzyCompare(e.usd(u"provisioned_throughput"_s), 114975.0));
        // A small load still buys the minimum: 15 PTU x 0.5 x 730 = 5,475
        scenario::Workload small = workload(10, 100, 10);
        small.provisionedTerm = u"1-month"_s;
        QVERIFY(qFuzzyCompare(m_synthetic.estimate(small, u"m"_s)->monthlyUsd, 5475.0));
    }

    // ---- self-hosted GPUs ----------------------------------------------------------------------------

    void selfHosted_givenInstanceCountHoursAndPricing()
    {
        scenario::Workload w = workload(1000, 100, 100, u"o"_s);
        w.selfHosted = scenario::SelfHosted{u"g4"_s, 2.0, 12, u"1y"_s, 0.4, QString()};
        const cost::Estimate e = *m_synthetic.estimate(w, u"s"_s);
        // 2 x $4 (1-year) x 730 x 12/24 = 2,920
        QCOMPARE(e.mode, u"self_hosted"_s);
        QCOMPARE(e.instanceId, u"g4"_s);
        QVERIFY(qFuzzyCompare(e.usd(u"compute"_s), 2920.0));
        // Spot has no rate recorded: on-demand, said so. 2 x 5 x 730 x 0.5 = 3,650
        w.selfHosted->pricing = u"spot"_s;
        const cost::Estimate spot = *m_synthetic.estimate(w, u"s"_s);
        QVERIFY(qFuzzyCompare(spot.monthlyUsd, 3650.0));
        QVERIFY(spot.assumptions.join(u' ').contains(u"no spot rate"_s));
    }

    void selfHosted_sizedFromAverageRateAtUtilisation()
    {
        // 86,400 requests/day x 100 output tokens over 24 h = 100 tokens/s; / U 0.4 = 250 tokens/s needed.
        // Workload factor at 1:1 = 1.0. g1: ceil(250 / 300) = 1 x $730; g4: 1 x $3,650 -> g1, $730.
        const cost::Estimate e = *m_synthetic.estimate(workload(86400, 100, 100, u"o"_s), u"s"_s);
        QCOMPARE(e.instanceId, u"g1"_s);
        QCOMPARE(e.instances, 1.0);
        QVERIFY(qFuzzyCompare(e.monthlyUsd, 730.0));
        // Ten times the volume: 2,500 tokens/s. g1: ceil(2500/300) = 9 x 730 = 6,570; g4: ceil(2500/1200) = 3
        // x 3,650 = 10,950 -> 9 x g1.
        const cost::Estimate big = *m_synthetic.estimate(workload(864000, 100, 100, u"o"_s), u"s"_s);
        QCOMPARE(big.instances, 9.0);
        QVERIFY(qFuzzyCompare(big.monthlyUsd, 6570.0));
    }

    void selfHosted_sizedFromPeak()
    {
        scenario::Workload w = workload(1000, 100, 100, u"o"_s);
        w.peakRequestsPerSecond = 10; // 10 x 100 = 1,000 tokens/s at peak: ceil(1000/300) = 4 x g1 = 2,920
        const cost::Estimate e = *m_synthetic.estimate(w, u"s"_s);
        QCOMPARE(e.instances, 4.0);
        QVERIFY(qFuzzyCompare(e.monthlyUsd, 2920.0));
    }

    void selfHosted_apiOnlyModelIsNotPricedWithoutOpenWeights()
    {
        QString reason;
        QVERIFY(!m_synthetic.estimate(workload(1000, 100, 100, u"x"_s), u"s"_s, &reason));
        QVERIFY(!reason.isEmpty());
    }

    // ---- break-even ----------------------------------------------------------------------------------

    void breakEven_matchesHandComputation()
    {
        scenario::Workload w = workload(1000, 100, 100, u"x"_s);
        w.selfHosted = scenario::SelfHosted{};
        w.selfHosted->model = u"o"_s;
        const cost::EstimateSet set = m_synthetic.estimateAll(w);
        // managed: 100 x $3/1M + 100 x $15/1M = $0.0018 per request -> a = 30 x 0.0018 = $0.054 per (request/day)
        // self-hosted g1 at $730: one instance serves up to 0.4 x 300 x 86,400 / 100 = 103,680 requests/day,
        // so the crossing is 730 / 0.054 = 13,518.5 requests/day (g4: 3,650 / 0.054 = 67,592).
        QCOMPARE(set.breakEven.size(), 1); // "other-cloud" is on another provider
        const cost::BreakEven b = set.breakEven.first();
        QCOMPARE(b.managed, u"m"_s);
        QCOMPARE(b.selfHosted, u"s"_s);
        QVERIFY(b.requestsPerDay);
        QCOMPARE(*b.requestsPerDay, 13519.0);
        // Below it the managed option is cheaper, above it self-hosting is.
        scenario::Workload below = w, above = w;
        below.requestsPerDay = 13400;
        above.requestsPerDay = 13600;
        QVERIFY(m_synthetic.estimate(below, u"m"_s)->monthlyUsd < m_synthetic.estimate(below, u"s"_s)->monthlyUsd);
        QVERIFY(m_synthetic.estimate(above, u"m"_s)->monthlyUsd > m_synthetic.estimate(above, u"s"_s)->monthlyUsd);
    }

    void breakEven_isMonotoneInPrices()
    {
        // A dearer managed price brings the break-even down; a dearer GPU pushes it up.
        double last = std::numeric_limits<double>::max();
        for (double factor : {1.0, 1.5, 2.0, 4.0, 8.0}) {
            cost::PricingData d = syntheticData();
            d.prices[u"m/x"_s].inputPerMTok *= factor;
            d.prices[u"m/x"_s].outputPerMTok *= factor;
            scenario::Workload w = workload(1000, 100, 100, u"x"_s);
            w.selfHosted = scenario::SelfHosted{};
            w.selfHosted->model = u"o"_s;
            const cost::EstimateSet set = cost::CostEngine(d).estimateAll(w);
            QVERIFY(set.breakEven.first().requestsPerDay);
            QVERIFY(*set.breakEven.first().requestsPerDay < last);
            last = *set.breakEven.first().requestsPerDay;
        }
        last = 0;
        for (double hour : {0.5, 1.0, 2.0, 3.0}) {
            cost::PricingData d = syntheticData();
            d.gpus[0].onDemandHour = hour;
            d.gpus[1].onDemandHour = hour * 5;
            scenario::Workload w = workload(1000, 100, 100, u"x"_s);
            w.selfHosted = scenario::SelfHosted{};
            w.selfHosted->model = u"o"_s;
            const cost::EstimateSet set = cost::CostEngine(d).estimateAll(w);
            QVERIFY(set.breakEven.first().requestsPerDay);
            QVERIFY(*set.breakEven.first().requestsPerDay > last);
            last = *set.breakEven.first().requestsPerDay;
        }
    }

    void breakEven_nullWhenNeverCheaperInRange()
    {
        cost::PricingData d = syntheticData();
        d.prices[u"m/x"_s].inputPerMTok = 0.001;
        d.prices[u"m/x"_s].outputPerMTok = 0.001;
        scenario::Workload w = workload(1000, 100, 100, u"x"_s);
        w.selfHosted = scenario::SelfHosted{};
        w.selfHosted->model = u"o"_s;
        // managed: $0.0000002 x 30 = $0.000006 per (request/day); the GPU's marginal cost is 730 per
        // 103,680 requests/day = $0.007: the managed option stays cheaper at every volume.
        const cost::EstimateSet set = cost::CostEngine(d).estimateAll(w);
        QVERIFY(!set.breakEven.first().requestsPerDay);
        const QJsonObject json = cost::estimatesToJson(w, set);
        QVERIFY(json.value(u"break_even"_s).toArray().first().toObject().value(u"requests_per_day"_s).isNull());
    }

    void breakEven_provisionedAgainstPerToken()
    {
        scenario::Workload w = workload(1000, 1000, 100, u"x"_s);
        const cost::EstimateSet set = m_synthetic.estimateAll(w, {u"m"_s});
        QCOMPARE(set.provisioned.size(), 1);
        const cost::ProvisionedComparison &p = set.provisioned.first();
        // per token: 1,000 x $3/1M + 100 x $15/1M = $0.0045 per request -> a = $0.135 per (request/day)
        // PTU: min 15 x $0.50 x 730 = $5,475 flat; 15 PTU carry 37,500 TPM = 37,500 x 1,440 / 1,300 = 41,538
        // requests/day at the average rate; 5,475 / 0.135 = 40,556 requests/day, inside the flat part.
        QVERIFY(p.breakEvenRequestsPerDay);
        QCOMPARE(*p.breakEvenRequestsPerDay, 40556.0);
        QVERIFY(qFuzzyCompare(p.monthlyUsd, 5475.0));
        QVERIFY(qFuzzyCompare(p.perTokenMonthlyUsd, 135.0));
    }

    // ---- optimisation levers -------------------------------------------------------------------------

    void levers_savingsPerLeverAndTogether()
    {
        const scenario::Workload w = workload(1000, 2000, 500); // before: 180 + 225 = 405
        cost::Levers levers;
        levers.cacheHitRate = 0.5;  // 30M cached: (30 x 3 + 30 x 0.3) = 99 instead of 180 -> saves 81
        levers.batchShare = 0.4;    // factor 0.8 -> saves 405 x 0.2 = 81
        levers.routeShare = 0.5;    // half to y ($1 / $5): 15,000 requests: 30M x 1 + 7.5M x 5 = 67.5 instead
                                    // of 202.5 -> saves 135
        const cost::Optimisation o = *m_synthetic.optimise(w, u"m"_s, levers);
        QVERIFY(qFuzzyCompare(o.before.monthlyUsd, 405.0));
        QCOMPARE(o.levers.size(), 3);
        QCOMPARE(o.levers.at(0).lever, u"cache"_s);
        QVERIFY(qFuzzyCompare(o.levers.at(0).savingsUsd, 81.0));
        QVERIFY(qFuzzyCompare(o.levers.at(1).savingsUsd, 81.0));
        QCOMPARE(o.levers.at(2).lever, u"routing"_s);
        QVERIFY(qFuzzyCompare(o.levers.at(2).savingsUsd, 135.0));
        // Together: x: 15,000 req -> in 30M (15 fresh x 3 + 15 cached x 0.3 = 49.5) + out 7.5M x 15 = 112.5
        // = 162 x 0.8 = 129.6; y: in 30M (no cached price: 30 x 1 = 30) + 7.5M x 5 = 37.5 -> 67.5 x 1 (no batch
        // discount on y) = 67.5. After = 197.1.
        QVERIFY(qFuzzyCompare(o.after.monthlyUsd, 197.1));
        QCOMPARE(o.after.monthlyUsd, sumOf(o.after));
    }

    void levers_neverUndoWhatTheWorkloadAlreadyDoes()
    {
        scenario::Workload w = workload(1000, 2000, 500);
        w.cacheHitRate = 0.75;
        cost::Levers levers;
        levers.cacheHitRate = 0.5; // below the workload's own 75%: no change, not a loss
        levers.commitment = u"1y"_s; // no 1-year provisioned rate for x in the synthetic data: no change
        const cost::Optimisation o = *m_synthetic.optimise(w, u"m"_s, levers);
        QCOMPARE(o.levers.at(0).savingsUsd, 0.0);
        QCOMPARE(o.levers.at(1).savingsUsd, 0.0);
        QVERIFY(o.levers.at(1).label.contains(u"no change"_s));
        QCOMPARE(o.after.monthlyUsd, o.before.monthlyUsd);
    }

    void levers_commitmentForSelfHosted()
    {
        scenario::Workload w = workload(1000, 100, 100, u"o"_s);
        w.selfHosted = scenario::SelfHosted{u"g4"_s, 1.0, 24, u"on-demand"_s, 0.4, QString()};
        cost::Levers levers;
        levers.commitment = u"1y"_s; // $5 -> $4 an hour: 730 saved
        const cost::Optimisation o = *m_synthetic.optimise(w, u"s"_s, levers);
        QCOMPARE(o.levers.size(), 1);
        QVERIFY(qFuzzyCompare(o.levers.first().savingsUsd, 730.0));
        QVERIFY(qFuzzyCompare(o.after.monthlyUsd, 2920.0));
    }

    void budget_saysWhichLeversBringItUnder()
    {
        scenario::Workload w = workload(1000, 2000, 500);
        w.budgetUsdPerMonth = 300; // 405 before: over by 105; routing alone saves 135 -> fits
        cost::Levers levers;
        levers.cacheHitRate = 0.5;
        levers.routeShare = 0.5;
        const std::optional<cost::Optimisation> o = m_synthetic.optimise(w, u"m"_s, levers);
        const report::BudgetStatus s = report::budgetStatus(w, o->before, o);
        QVERIFY(!s.fits());
        QVERIFY(qFuzzyCompare(s.overByUsd, 105.0));
        QCOMPARE(s.leversThatFit.size(), 1);
        QVERIFY(s.leversThatFit.first().startsWith(u"Route"_s));
        QVERIFY(s.allLeversFit);
        const QString html = report::budgetReviewHtml({u"Test <scenario>"_s, w, o->before, o,
                                                       m_synthetic.estimateAll(w), u"2026-07-24"_s, u"2026-11-27"_s});
        QVERIFY(html.contains(u"Over by $105.00"_s));
        QVERIFY(html.contains(u"Test &lt;scenario&gt;"_s));
    }

    // ---- the workload file ---------------------------------------------------------------------------

    void workload_roundTripsThroughJson()
    {
        scenario::Workload w = workload(1234.5, 1500, 400, u"claude-sonnet-4-5"_s);
        w.name = u"Round trip"_s;
        w.peakRequestsPerSecond = 20;
        w.cacheHitRate = 0.25;
        w.batchShare = 0.5;
        w.region = u"us-east-1"_s;
        w.budgetUsdPerMonth = 10000;
        w.selfHosted = scenario::SelfHosted{u"g5.12xlarge"_s, 2.0, 12, u"3y"_s, 0.5, u"llama-3-3-70b"_s};
        w.overheads = {1, 2, 3, 4};
        w.deployment = u"regional"_s;
        w.provisionedTerm = u"1-year"_s;
        w.option = u"aws-bedrock"_s;
        const QByteArray json = QJsonDocument(scenario::workloadToJson(w)).toJson();
        const scenario::WorkloadResult r = scenario::workloadFromJson(json, u"w.json"_s);
        QVERIFY(r.ok());
        QCOMPARE(*r.workload, w);
        // The minimal file: the three required fields, defaults filled in.
        const scenario::WorkloadResult minimal = scenario::workloadFromJson(
            R"({"requests_per_day": 10, "input_tokens_per_request": 1, "output_tokens_per_request": 2})");
        QVERIFY(minimal.ok());
        QCOMPARE(minimal.workload->daysPerMonth, 30.0);
        QCOMPARE(minimal.workload->cacheHitRate, 0.0);
    }

    void workload_rejectsBadInputNamingTheKey_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        const QByteArray base = R"("requests_per_day": 10, "input_tokens_per_request": 1, "output_tokens_per_request": 2)";
        QTest::newRow("unknown key") << ("{" + base + R"(, "requests_per_month": 5})") << u"requests_per_month"_s;
        QTest::newRow("negative") << QByteArray(R"({"requests_per_day": -1, "input_tokens_per_request": 1, "output_tokens_per_request": 2})")
                                  << u"requests_per_day"_s;
        QTest::newRow("rate above 1") << ("{" + base + R"(, "cache_hit_rate": 1.5})") << u"cache_hit_rate"_s;
        QTest::newRow("negative rate") << ("{" + base + R"(, "batch_share": -0.1})") << u"batch_share"_s;
        QTest::newRow("infinite") << ("{" + base + R"(, "budget_usd_per_month": 1e999})") << u"budget_usd_per_month"_s;
        QTest::newRow("missing") << QByteArray(R"({"requests_per_day": 10, "input_tokens_per_request": 1})")
                                 << u"output_tokens_per_request"_s;
        QTest::newRow("string number") << QByteArray(R"({"requests_per_day": "10", "input_tokens_per_request": 1, "output_tokens_per_request": 2})")
                                       << u"requests_per_day"_s;
        QTest::newRow("nested unknown") << ("{" + base + R"(, "self_hosted": {"gpu": "x"}})") << u"self_hosted.gpu"_s;
        QTest::newRow("bad pricing") << ("{" + base + R"(, "self_hosted": {"pricing": "5y"}})") << u"self_hosted.pricing"_s;
        QTest::newRow("overhead negative") << ("{" + base + R"(, "overheads": {"storage": -3}})") << u"overheads.storage"_s;
        QTest::newRow("insane volume") << QByteArray(R"({"requests_per_day": 1e12, "input_tokens_per_request": 1, "output_tokens_per_request": 2})")
                                       << u"requests_per_day"_s;
    }

    void workload_rejectsBadInputNamingTheKey()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        const scenario::WorkloadResult r = scenario::workloadFromJson(json, u"bad.json"_s);
        QVERIFY(!r.ok());
        QCOMPARE(r.errors.first().field, field);
        QVERIFY(r.errors.first().toString().startsWith(u"bad.json: "_s % field));
    }

    void workload_malformedJsonGivesTheLine()
    {
        const scenario::WorkloadResult r = scenario::workloadFromJson("{\n\"requests_per_day\": 10,\n oops}", u"f"_s);
        QVERIFY(!r.ok());
        QVERIFY(r.errors.first().message.startsWith(u"line 3"_s));
        QVERIFY(r.errors.first().field.isEmpty()); // "oops" is not the value of a key
    }

    // ---- the shipped knowledge base ------------------------------------------------------------------

    void kb_everyEstimateIsFiniteAndSumsUp()
    {
        const pricing::PriceCatalogue catalogue(*m_kb, nullptr);
        const cost::CostEngine engine(cost::PricingData::load(*m_kb, catalogue));
        const QList<scenario::Workload> workloads = {
            workload(0, 0, 0, QString()), workload(1, 1, 1, u"gpt-4o"_s), workload(1e9, 10e6, 10e6, u"llama-3-1-8b"_s),
            workload(30000, 6000, 300, u"claude-sonnet-4-5"_s), workload(50, 300000, 2000, u"gemini-2-5-pro"_s)};
        for (scenario::Workload w : workloads) {
            for (const QString &term : {QString(), u"1-month"_s}) {
                w.provisionedTerm = term;
                const cost::EstimateSet set = engine.estimateAll(w);
                QVERIFY2(set.estimates.size() >= 6,
                         qPrintable(w.model % u": "_s % QString::number(set.estimates.size()) % u" "_s
                                    % (set.unavailable.isEmpty() ? QString() : set.unavailable.first().reason)));
                for (const cost::Estimate &e : set.estimates) {
                    QVERIFY2(allFinite(e), qPrintable(e.optionId));
                    QVERIFY(qFuzzyCompare(1 + e.monthlyUsd, 1 + sumOf(e)));
                    QVERIFY(!e.priceAsOf.isEmpty());
                    QVERIFY(!e.assumptions.isEmpty());
                }
                for (const cost::BreakEven &b : set.breakEven)
                    QVERIFY(!b.requestsPerDay || (std::isfinite(*b.requestsPerDay) && *b.requestsPerDay >= 0));
                const QList<cost::SeriesLine> series = engine.costVsVolume(w, {u"aws-bedrock"_s, u"aws-ec2-vllm"_s},
                                                                           std::max(1.0, w.requestsPerDay * 3), 100);
                for (const cost::SeriesLine &line : series) {
                    QCOMPARE(line.points.size(), 100);
                    for (const QPointF &p : line.points)
                        QVERIFY(std::isfinite(p.x()) && std::isfinite(p.y()));
                }
            }
        }
    }

    void kb_supportChatbotByHand()
    {
        const pricing::PriceCatalogue catalogue(*m_kb, nullptr);
        const cost::CostEngine engine(cost::PricingData::load(*m_kb, catalogue));
        const QList<kb::UseCase> useCases = m_kb->useCases();
        const auto it = std::find_if(useCases.cbegin(), useCases.cend(),
                                     [](const kb::UseCase &u) { return u.id == u"support-chatbot"_s; });
        QVERIFY(it != useCases.cend());
        const scenario::WorkloadResult r = scenario::workloadFromJson(it->workloadJson.toUtf8());
        QVERIFY(r.ok());
        const cost::Estimate e = *engine.estimate(*r.workload, it->optionId);
        // 30,000 x 30 = 900,000 requests; 5,400M input x $3 = 16,200; 270M output x $15 = 4,050;
        // overheads 3.59 + 18.93 + 8.50 + 30.18 = 61.20 -> 20,311.20
        QVERIFY(qFuzzyCompare(e.usd(u"input_tokens"_s), 16200.0));
        QVERIFY(qFuzzyCompare(e.usd(u"output_tokens"_s), 4050.0));
        QVERIFY(std::abs(e.monthlyUsd - 20311.20) < 0.005);
    }

    void kb_useCasesMatchTheGuide()
    {
        // The guide quotes each use case's monthly total as <!--lda:usecase:ID:monthly-->$12,345<!--/lda-->;
        // the viewer and the export replace it with makeUseCaseEstimator's figure, which must agree.
        const pricing::PriceCatalogue catalogue(*m_kb, nullptr);
        const cost::UseCaseEstimator estimate = cost::makeUseCaseEstimator(*m_kb, catalogue);
        QVERIFY(m_kb->useCases().size() >= 4);
        static const QRegularExpression fact(u"<!--lda:usecase:([a-z0-9._-]+):monthly-->\\s*\\$([0-9,]+(?:\\.[0-9]+)?)\\s*<!--/lda-->"_s);
        int checked = 0;
        QSet<QString> seen;
        const QList<kb::GuidePageInfo> pages = m_kb->guidePages();
        for (const kb::GuidePageInfo &page : pages) {
            const QString markdown = m_kb->guidePageMarkdown(page.path);
            for (auto m = fact.globalMatch(markdown); m.hasNext();) {
                const QRegularExpressionMatch match = m.next();
                const QString id = match.captured(1);
                const std::optional<double> monthly = estimate(id);
                QVERIFY2(monthly, qPrintable(page.path % u": use case "_s % id % u" cannot be estimated"_s));
                const double quoted = QString(match.captured(2)).remove(u',').toDouble();
                QVERIFY2(std::abs(*monthly - quoted) <= 1.0,
                         qPrintable(page.path % u": "_s % id % u" quotes $"_s % match.captured(2) % u", the engine gives $"_s
                                    % QString::number(*monthly, 'f', 2)));
                seen.insert(id);
                ++checked;
            }
        }
        // The use-case page quotes all four totals; losing them would silently stop this check.
        QCOMPARE(seen.size(), 4);
        qInfo("checked %d quoted use-case totals", checked);
        QVERIFY(!estimate(u"no-such-use-case"_s));
    }

    void kb_priceOverridesApplyAndAreListed()
    {
        QString error;
        auto user = kb::UserDatabase::openInMemory(&error);
        QVERIFY(user);
        QSqlQuery q(user->database());
        QVERIFY(q.exec(u"INSERT INTO price_overrides(option_id, model_id, input_per_mtok, output_per_mtok, note,"
                       " created_at) VALUES('aws-bedrock', 'nova-lite', 1, 2, 'test', '2026-11-20T00:00:00Z')"_s));
        const pricing::PriceCatalogue catalogue(*m_kb, user.get());
        const cost::CostEngine engine(cost::PricingData::load(*m_kb, catalogue));
        const cost::Estimate e = *engine.estimate(workload(1000, 1000, 1000, u"nova-lite"_s), u"aws-bedrock"_s);
        // 30M input x $1 + 30M output x $2 = 90
        QVERIFY(qFuzzyCompare(e.monthlyUsd, 90.0));
        QVERIFY(e.assumptions.join(u' ').contains(u"override"_s));
    }

    // ---- saved scenarios -----------------------------------------------------------------------------

    void scenarios_saveDuplicateDeleteUndoAndReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"user.db"_s);
        qint64 id = 0;
        {
            QString error;
            auto user = kb::UserDatabase::open(path, &error);
            QVERIFY(user);
            scenario::ScenarioStore store(*user);
            scenario::Workload w = workload(100, 10, 20, u"gpt-4o"_s);
            w.budgetUsdPerMonth = 50;
            id = store.save(u"Mine"_s, w, u"notes"_s, &error);
            QVERIFY2(id > 0, qPrintable(error));
            QVERIFY(store.duplicate(id, &error) > 0);
            QCOMPARE(store.list().size(), 2);
            QCOMPARE(store.list().at(1).name, u"Mine (copy)"_s);
            QVERIFY(store.softDelete(id, &error));
            QCOMPARE(store.list().size(), 1);
            QVERIFY(store.undoDelete(id, &error));
            QCOMPARE(store.list().size(), 2);
            // Saving under an existing name replaces it.
            w.requestsPerDay = 200;
            const qint64 again = store.save(u"Mine"_s, w, QString(), &error);
            QVERIFY2(again == id, qPrintable(error));
            // An invalid workload is refused, nothing written.
            scenario::Workload bad = w;
            bad.cacheHitRate = 2;
            QCOMPARE(store.save(u"Bad"_s, bad, QString(), &error), 0);
            QVERIFY(error.contains(u"cache_hit_rate"_s));
        }
        QString error;
        auto reopened = kb::UserDatabase::open(path, &error);
        QVERIFY(reopened);
        scenario::ScenarioStore store(*reopened);
        const std::optional<scenario::Scenario> s = store.find(id);
        QVERIFY(s);
        QCOMPARE(s->workload.requestsPerDay, 200.0);
        QCOMPARE(*s->workload.budgetUsdPerMonth, 50.0);
        QCOMPARE(store.list().size(), 2);
    }

    void scenarios_surviveAKilledProcess()
    {
#ifdef Q_OS_UNIX
        QTemporaryDir dir;
        const QString path = dir.filePath(u"user.db"_s);
        const pid_t child = fork();
        if (child == 0) {
            // The child saves one scenario, then dies with a second save half-done inside a transaction.
            QString error;
            auto user = kb::UserDatabase::open(path, &error);
            scenario::ScenarioStore store(*user);
            if (store.save(u"Committed"_s, workload(100, 10, 20, u"gpt-4o"_s), QString(), &error) <= 0)
                _exit(3);
            QSqlDatabase db = user->database();
            db.transaction();
            QSqlQuery q(db);
            q.exec(u"INSERT INTO scenarios(name, workload_json, created_at, updated_at) VALUES('Half', '{}', 'x', 'x')"_s);
            raise(SIGKILL);
            _exit(4);
        }
        QVERIFY(child > 0);
        int status = 0;
        QCOMPARE(waitpid(child, &status, 0), child);
        QVERIFY(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
        QString error;
        auto user = kb::UserDatabase::open(path, &error);
        QVERIFY2(user, qPrintable(error));
        QSqlQuery check(user->database());
        QVERIFY(check.exec(u"PRAGMA quick_check"_s) && check.next());
        QCOMPARE(check.value(0).toString(), u"ok"_s);
        scenario::ScenarioStore store(*user);
        const QList<scenario::Scenario> list = store.list();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().name, u"Committed"_s);
#else
        QSKIP("fork() is POSIX only");
#endif
    }
};

QTEST_GUILESS_MAIN(TestCostEngine)
#include "tst_costengine.moc"
