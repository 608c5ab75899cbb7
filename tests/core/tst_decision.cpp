// The decision engine over the shipped decision tree: answer profiles, reasons, stability, conflicts,
// what would change the answer, the answers file, the comparison rules and the decision record.
#include "decision/AnswersStore.h"
#include "decision/Comparison.h"
#include "decision/DecisionEstimate.h"
#include "decision/DecisionTree.h"
#include "decision/Evaluator.h"
#include "decision/RecommendationExport.h"
#include "kb/KnowledgeBase.h"
#include "kb/UserDatabase.h"
#include "report/DecisionRecord.h"
#include "scenario/Workload.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lda::core;
using namespace lda::core::decision;

namespace {

Answers answersFrom(const DecisionTree &tree, const QByteArray &json)
{
    const AnswersResult r = answersFromJson(tree, json);
    if (!r.ok())
        qFatal("bad profile %s: %s", json.constData(), qPrintable(r.error));
    return *r.answers;
}

QString ranking(const Evaluation &e)
{
    QStringList parts;
    for (const OptionResult &r : e.ranked)
        parts.append(r.optionId % u'=' % QString::number(r.score));
    return parts.join(u' ');
}

} // namespace

class TestDecision : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<kb::KnowledgeBase> m_kb;
    std::optional<DecisionTree> m_tree;
    std::unique_ptr<Evaluator> m_evaluator;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        m_kb = kb::KnowledgeBase::open(QStringLiteral(LDA_TEST_KB), &error);
        QVERIFY2(m_kb, qPrintable(error));
        m_tree = DecisionTree::load(*m_kb, &error);
        QVERIFY2(m_tree, qPrintable(error));
        m_evaluator = std::make_unique<Evaluator>(*m_tree, m_kb->options());
    }

    void tree_definesTheContractQuestionsAndValues()
    {
        const QList<std::pair<QString, QStringList>> contract = {
            {u"cloud"_s, {u"aws"_s, u"azure"_s, u"gcp"_s, u"any"_s}},
            {u"model_family"_s,
             {u"openai"_s, u"anthropic"_s, u"google"_s, u"open_weights"_s, u"custom_weights"_s, u"any"_s}},
            {u"ops_maturity"_s, {u"none"_s, u"containers"_s, u"kubernetes"_s}},
            {u"traffic_pattern"_s, {u"steady"_s, u"spiky"_s, u"batch"_s}},
            {u"data_control"_s, {u"provider_ok"_s, u"region_pinned"_s, u"own_network"_s}},
            {u"compliance"_s, {u"none"_s, u"hipaa"_s, u"fedramp"_s, u"air_gapped"_s}},
            {u"latency"_s, {u"interactive"_s, u"relaxed"_s}},
            {u"time_to_production"_s, {u"days"_s, u"weeks"_s, u"months"_s}},
            {u"model_size"_s, {u"small"_s, u"medium"_s, u"large"_s, u"xl"_s}},
            {u"scale_to_zero"_s, {u"yes"_s, u"no"_s}},
            {u"accelerator"_s, {u"nvidia"_s, u"inferentia"_s, u"tpu"_s, u"any"_s}},
            {u"existing_kubernetes"_s, {u"yes"_s, u"no"_s}},
            {u"custom_weights"_s, {u"none"_s, u"lora"_s, u"full"_s}},
        };
        for (const auto &[id, values] : contract) {
            const Question *q = m_tree->question(id);
            QVERIFY2(q, qPrintable(id));
            for (const QString &v : values)
                QVERIFY2(q->choice(v), qPrintable(id % u'/' % v));
            QVERIFY(!q->help.isEmpty());
            QVERIFY(q->guide.contains(u".md#"_s));
        }
        for (const QString &id : {u"monthly_tokens_millions"_s, u"budget_usd_per_month"_s}) {
            QVERIFY(m_tree->question(id));
            QVERIFY(m_tree->question(id)->isNumber());
        }
    }

    void profiles_rankTheExpectedOptionFirst_data()
    {
        QTest::addColumn<QByteArray>("answers");
        QTest::addColumn<QStringList>("expected"); // the top option must be one of these
        const auto row = [](const char *name, const char *json, QStringList expected) {
            QTest::newRow(name) << QByteArray(json) << expected;
        };
        row("01 aws claude, no ops", R"({"cloud":"aws","model_family":"anthropic","ops_maturity":"none"})",
            {u"aws-bedrock"_s});
        row("02 any cloud + openai", R"({"cloud":"any","model_family":"openai"})", {u"azure-openai"_s});
        row("03 any cloud + gemini", R"({"cloud":"any","model_family":"google","traffic_pattern":"spiky"})",
            {u"gcp-vertex-ai"_s});
        row("04 any cloud + claude", R"({"cloud":"any","model_family":"anthropic","time_to_production":"days"})",
            {u"aws-bedrock"_s});
        row("05 aws own weights, containers",
            R"({"cloud":"aws","model_family":"custom_weights","custom_weights":"full","ops_maturity":"containers",
                "traffic_pattern":"steady","data_control":"own_network","time_to_production":"weeks"})",
            {u"aws-sagemaker"_s});
        row("06 aws open weights, k8s team, high volume",
            R"({"cloud":"aws","model_family":"open_weights","ops_maturity":"kubernetes","existing_kubernetes":"yes",
                "traffic_pattern":"steady","monthly_tokens_millions":5000,"data_control":"own_network",
                "time_to_production":"months"})",
            {u"aws-ec2-vllm"_s});
        row("07 azure own small model, spiky",
            R"({"cloud":"azure","model_family":"custom_weights","custom_weights":"full","model_size":"small",
                "ops_maturity":"containers","traffic_pattern":"spiky","scale_to_zero":"yes","latency":"relaxed"})",
            {u"azure-container-instances"_s});
        row("08 azure own 70B, existing AKS",
            R"({"cloud":"azure","model_family":"custom_weights","custom_weights":"full","model_size":"large",
                "ops_maturity":"kubernetes","existing_kubernetes":"yes","traffic_pattern":"steady"})",
            {u"azure-aks"_s});
        row("09 gcp own 8B, bursty, scale to zero",
            R"({"cloud":"gcp","model_family":"custom_weights","custom_weights":"full","model_size":"small",
                "ops_maturity":"containers","traffic_pattern":"spiky","scale_to_zero":"yes"})",
            {u"gcp-cloud-run"_s});
        row("10 gcp open weights on TPUs, GKE",
            R"({"cloud":"gcp","model_family":"open_weights","ops_maturity":"kubernetes","existing_kubernetes":"yes",
                "traffic_pattern":"steady","monthly_tokens_millions":8000,"accelerator":"tpu"})",
            {u"gcp-gke"_s});
        row("11 azure gpt, fedramp", R"({"cloud":"azure","model_family":"openai","compliance":"fedramp"})",
            {u"azure-openai"_s});
        row("12 gcp claude", R"({"cloud":"gcp","model_family":"anthropic"})", {u"gcp-vertex-ai"_s});
        row("13 any cloud, inferentia, containers",
            R"({"cloud":"any","model_family":"open_weights","accelerator":"inferentia","ops_maturity":"containers",
                "traffic_pattern":"steady"})",
            {u"aws-sagemaker"_s});
        row("14 any cloud, air-gapped open weights",
            R"({"cloud":"any","model_family":"open_weights","compliance":"air_gapped","ops_maturity":"kubernetes"})",
            {u"aws-ec2-vllm"_s, u"azure-aks"_s, u"gcp-gke"_s});
        row("15 any cloud, open weights, no ops, days",
            R"({"cloud":"any","model_family":"open_weights","ops_maturity":"none","time_to_production":"days"})",
            {u"aws-bedrock"_s, u"azure-openai"_s, u"gcp-vertex-ai"_s});
        row("16 aws open weights low volume, small budget",
            R"({"cloud":"aws","model_family":"open_weights","monthly_tokens_millions":20,"budget_usd_per_month":300,
                "traffic_pattern":"spiky"})",
            {u"aws-bedrock"_s});
        row("17 azure gpt batch", R"({"cloud":"azure","model_family":"openai","traffic_pattern":"batch"})",
            {u"azure-openai"_s});
        row("18 gcp own 8B steady on existing GKE",
            R"({"cloud":"gcp","model_family":"custom_weights","model_size":"small","ops_maturity":"kubernetes",
                "existing_kubernetes":"yes","traffic_pattern":"steady","monthly_tokens_millions":3000})",
            {u"gcp-gke"_s});
        row("19 any cloud, own 400B model, k8s",
            R"({"cloud":"any","model_family":"custom_weights","custom_weights":"full","model_size":"xl",
                "ops_maturity":"kubernetes","existing_kubernetes":"yes","traffic_pattern":"steady",
                "monthly_tokens_millions":20000})",
            {u"aws-ec2-vllm"_s, u"azure-aks"_s, u"gcp-gke"_s});
        row("20 guide's example answers file",
            R"({"cloud":"any","model_family":"open_weights","ops_maturity":"containers","monthly_tokens_millions":600,
                "traffic_pattern":"spiky","data_control":"region_pinned","compliance":"none","latency":"interactive",
                "time_to_production":"weeks","budget_usd_per_month":5000})",
            {u"gcp-cloud-run"_s, u"azure-container-instances"_s, u"aws-bedrock"_s, u"gcp-vertex-ai"_s});
    }

    void profiles_rankTheExpectedOptionFirst()
    {
        QFETCH(QByteArray, answers);
        QFETCH(QStringList, expected);
        const Evaluation e = m_evaluator->evaluate(answersFrom(*m_tree, answers));
        QVERIFY(!e.ranked.isEmpty());
        qInfo("%s -> %s", QTest::currentDataTag(), qPrintable(ranking(e)));
        QVERIFY2(expected.contains(e.top()->optionId), qPrintable(ranking(e)));
        QVERIFY(e.conflicts.isEmpty());
        // Every recommendation carries reasons, and reasons tied to answers name them.
        for (const OptionResult &r : e.ranked) {
            QVERIFY2(!r.reasons.isEmpty(), qPrintable(r.optionId));
            for (const Reason &reason : r.reasons) {
                for (const auto &[question, value] : reason.answers) {
                    QVERIFY(reason.display().contains(question % u" = "_s % value));
                    // For people: the question's name and the answer's label, not the ids.
                    const Question *q = m_tree->question(question);
                    QVERIFY(q && !q->name.isEmpty());
                    QVERIFY2(reason.readable().contains(q->name % u": "_s), qPrintable(reason.readable()));
                    if (!q->isNumber())
                        QVERIFY2(reason.readable().contains(u"“"_s % q->label(value) % u"”"_s),
                                 qPrintable(reason.readable()));
                    QVERIFY2(!reason.readable().contains(question % u" = "_s), qPrintable(reason.readable()));
                }
            }
        }
        // Every option is either ranked or excluded with a reason.
        QCOMPARE(e.ranked.size() + e.excluded.size(), 9);
        for (const OptionResult &r : e.excluded)
            QVERIFY(!r.exclusions.isEmpty());
    }

    void profiles_coverAllNineOptions()
    {
        // The expected tops of the single-answer rows above, as a set.
        const QStringList covered = {u"aws-bedrock"_s, u"aws-sagemaker"_s, u"aws-ec2-vllm"_s,
                                     u"azure-openai"_s, u"azure-container-instances"_s, u"azure-aks"_s,
                                     u"gcp-vertex-ai"_s, u"gcp-cloud-run"_s, u"gcp-gke"_s};
        for (const kb::DeploymentOption &o : m_kb->options())
            QVERIFY2(covered.contains(o.id), qPrintable(o.id));
    }

    void noAnswers_everyOptionRankedWithADefaultReason()
    {
        const Evaluation e = m_evaluator->evaluate({});
        QCOMPARE(e.ranked.size(), 9);
        for (const OptionResult &r : e.ranked) {
            QVERIFY(!r.reasons.isEmpty());
            QCOMPARE(r.reasons.first().answersText(), u"default"_s);
        }
    }

    void stability_irrelevantAnswerKeepsTheRanking_data()
    {
        QTest::addColumn<QByteArray>("base");
        QTest::addColumn<QString>("question");
        QTest::addColumn<QString>("value");
        QTest::newRow("hipaa: every option is eligible")
            << QByteArray(R"({"cloud":"any","model_family":"open_weights","traffic_pattern":"spiky"})")
            << u"compliance"_s << u"hipaa"_s;
        QTest::newRow("budget above every threshold")
            << QByteArray(R"({"cloud":"aws","model_family":"anthropic"})") << u"budget_usd_per_month"_s
            << u"50000"_s;
        QTest::newRow("model size for a managed-only family")
            << QByteArray(R"({"cloud":"any","model_family":"openai"})") << u"model_size"_s << u"medium"_s;
        QTest::newRow("accelerator 'any'")
            << QByteArray(R"({"cloud":"gcp","model_family":"custom_weights","ops_maturity":"kubernetes"})")
            << u"accelerator"_s << u"any"_s;
        QTest::newRow("cloud 'any' equals no preference")
            << QByteArray(R"({"model_family":"open_weights","ops_maturity":"containers"})") << u"cloud"_s
            << u"any"_s;
    }

    void stability_irrelevantAnswerKeepsTheRanking()
    {
        QFETCH(QByteArray, base);
        QFETCH(QString, question);
        QFETCH(QString, value);
        const Answers a = answersFrom(*m_tree, base);
        Answers b = a;
        bool isNumber = false;
        const double n = value.toDouble(&isNumber);
        if (isNumber)
            b.setNumber(question, n);
        else
            b.setChoice(question, value);
        QStringList before, after;
        for (const OptionResult &r : m_evaluator->rank(a).ranked)
            before.append(r.optionId);
        for (const OptionResult &r : m_evaluator->rank(b).ranked)
            after.append(r.optionId);
        QCOMPARE(after, before);
    }

    void conflict_airGappedWithOpenAi_isExplainedNotEmpty()
    {
        const Evaluation e =
            m_evaluator->evaluate(answersFrom(*m_tree, R"({"compliance":"air_gapped","model_family":"openai"})"));
        QVERIFY(!e.ranked.isEmpty());
        QVERIFY(e.top()->relaxed);
        QVERIFY(!e.conflicts.isEmpty());
        QCOMPARE(e.conflicts.first().id, u"air-gapped-hosted-model"_s);
        QVERIFY(e.conflicts.first().explanation.contains(u"air-gapped"_s));
        QVERIFY(!e.conflicts.first().suggestion.isEmpty());
        const QJsonObject json = recommendationToJson(*m_tree, {}, e, {});
        QVERIFY(!json.value(u"recommendations"_s).toArray().isEmpty());
        QVERIFY(!json.value(u"conflicts"_s).toArray().isEmpty());
    }

    void conflict_withoutARecord_getsAGenericExplanation()
    {
        // A tree in code whose two answers exclude every option between them and has no conflict record.
        DecisionTree tree;
        Question q{u"q"_s, u"choice"_s, 1, u"Q"_s, u"Q?"_s, u"help"_s, u"README.md#x"_s, {}, {{u"a"_s, u"A"_s, {}}}};
        Question r{u"r"_s, u"choice"_s, 2, u"R"_s, u"R?"_s, u"help"_s, u"README.md#x"_s, {}, {{u"b"_s, u"B"_s, {}}}};
        tree.setQuestions({q, r});
        QStringList all;
        for (const kb::DeploymentOption &o : m_kb->options())
            all.append(o.id);
        const QStringList half = all.mid(0, 4);
        const QStringList rest = all.mid(4);
        tree.setRules({{u"x"_s, {{u"q"_s, Condition::Op::Is, {u"a"_s}, 0}}, half, 0, true, u"Not with A"_s},
                       {u"y"_s, {{u"r"_s, Condition::Op::Is, {u"b"_s}, 0}}, rest, 0, true, u"Not with B"_s}});
        const Evaluator evaluator(tree, m_kb->options());
        Answers a;
        a.setChoice(u"q"_s, u"a"_s);
        a.setChoice(u"r"_s, u"b"_s);
        const Evaluation e = evaluator.evaluate(a);
        QCOMPARE(e.ranked.size(), 9); // each option breaks exactly one constraint
        QCOMPARE(e.conflicts.size(), 1);
        QCOMPARE(e.conflicts.first().id, u"no-option-fits"_s);
        QVERIFY(e.conflicts.first().explanation.contains(u"q = a"_s));
        QVERIFY(e.conflicts.first().explanation.contains(u"r = b"_s));
    }

    void whatWouldChange_eachChangePutsTheRunnerUpFirst()
    {
        const Answers a = answersFrom(*m_tree, R"({"cloud":"gcp","model_family":"custom_weights","model_size":"small",
            "ops_maturity":"containers","traffic_pattern":"spiky","scale_to_zero":"yes"})");
        const Evaluation e = m_evaluator->evaluate(a);
        QVERIFY(e.runnerUp());
        QVERIFY(!e.whatWouldChange.isEmpty());
        for (const AnswerChange &c : e.whatWouldChange) {
            QCOMPARE(c.optionId, e.runnerUp()->optionId);
            Answers changed = a;
            if (c.to)
                changed.set(c.question, *c.to);
            else
                changed.clear(c.question);
            QCOMPARE(m_evaluator->rank(changed).top()->optionId, e.runnerUp()->optionId);
            QVERIFY(c.text.contains(c.question));
            const Question *q = m_tree->question(c.question);
            QVERIFY(q);
            QVERIFY2(c.readable.startsWith(u"If "_s % q->name % u" were "_s), qPrintable(c.readable));
            QVERIFY2(c.readable.contains(e.runnerUp()->name), qPrintable(c.readable));
        }
    }

    void answers_badInputNamesTheIdOrValue_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown question") << QByteArray(R"({"colour":"red"})") << u"unknown question 'colour'"_s;
        QTest::newRow("unknown value") << QByteArray(R"({"cloud":"mars"})")
                                       << u"'cloud': unknown value 'mars' (use aws|azure|gcp|any)"_s;
        QTest::newRow("negative number") << QByteArray(R"({"monthly_tokens_millions":-5})")
                                         << u"'monthly_tokens_millions': expected a number >= 0, got '-5'"_s;
        QTest::newRow("number as text") << QByteArray(R"({"budget_usd_per_month":"lots"})")
                                        << u"'budget_usd_per_month': expected a number >= 0, got 'lots'"_s;
        QTest::newRow("choice as number") << QByteArray(R"({"latency":3})") << u"'latency': unknown value '3'"_s;
        QTest::newRow("not an object") << QByteArray("[1]") << u"expected a JSON object"_s;
        QTest::newRow("syntax") << QByteArray("{\n\"cloud\": }") << u"a.json: line 2: not valid JSON"_s;
    }

    void answers_badInputNamesTheIdOrValue()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const AnswersResult r = answersFromJson(*m_tree, json, u"a.json"_s);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(expected), qPrintable(r.error));
        QVERIFY(!r.error.contains(u'\n'));
    }

    void answers_nullMeansNoPreference_andRoundTrips()
    {
        const AnswersResult r =
            answersFromJson(*m_tree, R"({"cloud":null,"latency":"relaxed","budget_usd_per_month":900})");
        QVERIFY(r.ok());
        QVERIFY(!r.answers->has(u"cloud"_s));
        const QJsonObject json = answersToJson(*m_tree, *r.answers);
        QCOMPARE(json.value(u"budget_usd_per_month"_s).toDouble(), 900.0);
        QCOMPARE(answersFromJsonObject(*m_tree, json).answers, r.answers);
    }

    void recommendJson_followsTheContract()
    {
        const Answers a = answersFrom(*m_tree, R"({"cloud":"aws","model_family":"open_weights",
            "monthly_tokens_millions":300})");
        const Evaluation e = m_evaluator->evaluate(a);
        const DecisionEstimator estimator(*m_kb, nullptr);
        QHash<QString, MonthlyEstimate> estimates;
        for (const OptionResult &r : e.ranked)
            estimates.insert(r.optionId, estimator.estimate(a, r.optionId));
        const QJsonObject root = recommendationToJson(*m_tree, a, e, estimates);
        const QJsonArray recs = root.value(u"recommendations"_s).toArray();
        QCOMPARE(recs.size(), 3);
        double previous = 1e9;
        for (const QJsonValue &v : recs) {
            const QJsonObject o = v.toObject();
            for (const QString &key : {u"option"_s, u"score"_s, u"reasons"_s, u"guide"_s, u"monthly_usd_estimate"_s})
                QVERIFY2(o.contains(key), qPrintable(key));
            QVERIFY(o.value(u"score"_s).isDouble());
            QVERIFY(o.value(u"score"_s).toDouble() <= previous);
            previous = o.value(u"score"_s).toDouble();
            QVERIFY(!o.value(u"reasons"_s).toArray().isEmpty());
            const QJsonValue usd = o.value(u"monthly_usd_estimate"_s);
            QVERIFY(usd.isNull() || (usd.isDouble() && usd.toDouble() >= 0));
        }
        QVERIFY(root.value(u"what_would_change"_s).isArray());
        // Bedrock is priced per token by the cost engine from the derived workload.
        QVERIFY(recs.first().toObject().value(u"monthly_usd_estimate"_s).isDouble());
    }

    void estimate_withoutVolume_isUnavailableNotZero()
    {
        const DecisionEstimator estimator(*m_kb, nullptr);
        const MonthlyEstimate e = estimator.estimate(answersFrom(*m_tree, R"({"cloud":"aws"})"), u"aws-bedrock"_s);
        QVERIFY(!e.monthlyUsd);
        QVERIFY(e.unavailableReason.contains(u"monthly_tokens_millions"_s));
    }

    void comparison_rowsFilterAndMarkDifferences()
    {
        const QList<kb::DeploymentOption> all = m_kb->options();
        const QList<kb::DeploymentOption> two =
            selectOptions(all, {u"gcp-gke"_s, u"aws-bedrock"_s});
        QCOMPARE(two.size(), 2);
        QCOMPARE(two.first().id, u"aws-bedrock"_s); // knowledge-base order
        QCOMPARE(selectOptions(all, {}, u"azure"_s).size(), 3);

        QVERIFY(!valuesDiffer({u"Yes"_s, u" yes "_s}));
        QVERIFY(valuesDiffer({u"yes"_s, u"no"_s}));

        const QList<kb::Criterion> criteria = m_kb->criteria();
        const QList<ComparisonRow> rows = comparisonRows(two, criteria);
        QCOMPARE(rows.size(), criteria.size());
        const QList<ComparisonRow> diff = comparisonRows(two, criteria, {{}, {}, true});
        QVERIFY(!diff.isEmpty());
        for (const ComparisonRow &r : diff)
            QVERIFY(r.differs);
        const QString category = criterionCategories(criteria).first();
        for (const ComparisonRow &r : comparisonRows(two, criteria, {{}, category, false}))
            QCOMPARE(r.category, category);

        const lda::core::util::Table t = comparisonTable(two, rows);
        QCOMPARE(t.headers.size(), 3);
        const QJsonObject json = comparisonToJson(two, rows);
        QCOMPARE(json.value(u"options"_s).toArray().size(), 2);
        QVERIFY(json.value(u"criteria"_s).toArray().first().toObject().value(u"values"_s).toObject().contains(
            u"gcp-gke"_s));
    }

    void modelPrices_searchSortAndWorkloadCost()
    {
        const pricing::PriceCatalogue catalogue(*m_kb, nullptr);
        QList<ModelPriceRow> rows = modelPriceRows(m_kb->models(), m_kb->options(), catalogue.resolvedPrices());
        QVERIFY(rows.size() >= 40);
        int sonnet = 0;
        for (const ModelPriceRow &r : rows)
            sonnet += matches(r, {u"sonnet 4.5"_s, {}, {}}) ? 1 : 0;
        QVERIFY(sonnet >= 1);
        for (const ModelPriceRow &r : rows) {
            if (matches(r, {{}, u"gcp"_s, {}}))
                QCOMPARE(r.provider, u"gcp"_s);
        }
        // Unknown prices sort last in both directions.
        std::sort(rows.begin(), rows.end(), [](const ModelPriceRow &a, const ModelPriceRow &b) {
            return lessThan(a, b, ModelPriceColumn::Input, false);
        });
        QVERIFY(rows.first().inputPerMTok);
        bool seenUnknown = false;
        for (const ModelPriceRow &r : rows) {
            if (!r.inputPerMTok)
                seenUnknown = true;
            else
                QVERIFY(!seenUnknown);
        }
        QCOMPARE(perTokenCostUsd(10, 2, 3, 15), 60.0);
        scenario::Workload w;
        w.requestsPerDay = 1000;
        w.inputTokensPerRequest = 1000;
        w.outputTokensPerRequest = 100;
        ModelPriceRow priced = rows.first();
        const std::optional<double> c = workloadCost(priced, w, nullptr);
        QVERIFY(c);
        QCOMPARE(*c, perTokenCostUsd(30, 3, *priced.inputPerMTok, *priced.outputPerMTok));
        priced.inputPerMTok.reset();
        QVERIFY(!workloadCost(priced, w, nullptr));
    }

    void decisionRecord_coversEverySection()
    {
        const Answers a = answersFrom(*m_tree, R"({"cloud":"aws","model_family":"anthropic"})");
        report::DecisionRecordInput in;
        in.date = u"2026-11-27"_s;
        in.kbVersion = u"test"_s;
        in.pricesAsOf = u"2026-11-01"_s;
        in.tree = &*m_tree;
        in.answers = a;
        in.evaluation = m_evaluator->evaluate(a);
        in.options = m_kb->options();
        const DecisionEstimator estimator(*m_kb, nullptr);
        for (const OptionResult &r : in.evaluation.ranked)
            in.estimates.insert(r.optionId, estimator.estimate(a, r.optionId));
        const QString md = report::decisionRecordMarkdown(in);
        for (const QString &section : {u"## Context"_s, u"## Answers"_s, u"## Decision"_s,
                                       u"## Alternatives considered"_s, u"## Estimated monthly cost"_s,
                                       u"## Risks and mitigations"_s, u"## What would change this decision"_s,
                                       u"## Links"_s})
            QVERIFY2(md.contains(section), qPrintable(section));
        QVERIFY(md.contains(u"We will use **Amazon Bedrock**"_s));
        QVERIFY(md.contains(u"estimate unavailable"_s)); // no volume answered: no made-up number
        QVERIFY2(md.contains(u"Model family: “Anthropic Claude”"_s), qPrintable(md)); // names, not ids
        QVERIFY(md.contains(u"02-AWS/01-AWS-Options-Overview.md#amazon-bedrock"_s));
        const QString html = report::decisionRecordHtml(in);
        QVERIFY(html.startsWith(u"<!DOCTYPE html>"_s));
        QVERIFY(html.contains(u"<h2>Decision</h2>"_s));
    }

    void answersStore_savesReopensAndReplaces()
    {
        QString error;
        auto user = kb::UserDatabase::openInMemory(&error);
        QVERIFY(user);
        AnswersStore store(*user);
        QVERIFY(store.list().isEmpty());
        QVERIFY(store.save(u"chatbot"_s, QJsonObject{{u"cloud"_s, u"aws"_s}}, &error));
        QVERIFY(store.save(u"chatbot"_s, QJsonObject{{u"cloud"_s, u"gcp"_s}}, &error));
        QCOMPARE(store.list().size(), 1);
        QCOMPARE(store.find(u"chatbot"_s)->answers.value(u"cloud"_s).toString(), u"gcp"_s);
        QVERIFY(!store.save(u"  "_s, {}, &error));
        QVERIFY(store.remove(u"chatbot"_s, &error));
        QVERIFY(!store.find(u"chatbot"_s));
    }
};

QTEST_GUILESS_MAIN(TestDecision)
#include "tst_decision.moc"
