// Checks the shipped knowledge base built from data/ against the content minimums of DESIGN.md §3.
#include "kb/KnowledgeBase.h"
#include "pricing/PriceCatalogue.h"
#include "kb/UserDatabase.h"

#include <QSet>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lda::core;

class TestKnowledgeBase : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<kb::KnowledgeBase> m_kb;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_kb = kb::KnowledgeBase::open(QStringLiteral(LDA_TEST_KB), &error);
        QVERIFY2(m_kb, qPrintable(error));
    }

    void shipped_meetsContentMinimums()
    {
        QVERIFY2(m_kb->integrityProblems().isEmpty(), qPrintable(m_kb->integrityProblems().join(u'\n')));
    }

    void shipped_hasTheNineOptionsWithEveryAttribute()
    {
        const QStringList ids = {u"aws-bedrock"_s, u"aws-sagemaker"_s, u"aws-ec2-vllm"_s, u"azure-openai"_s,
                                 u"azure-container-instances"_s, u"azure-aks"_s, u"gcp-vertex-ai"_s,
                                 u"gcp-cloud-run"_s, u"gcp-gke"_s};
        for (const QString &id : ids) {
            const auto o = m_kb->option(id);
            QVERIFY2(o, qPrintable(id));
            QVERIFY(!o->strengths.isEmpty());
            QVERIFY(!o->weaknesses.isEmpty());
            QVERIFY(!o->guide.isEmpty());
        }
        const QList<kb::Criterion> criteria = m_kb->criteria();
        QVERIFY(criteria.size() >= 15);
        for (const kb::Criterion &c : criteria)
            QCOMPARE(c.values.size(), m_kb->options().size());
    }

    void shipped_modelsHaveAvailability()
    {
        const QList<kb::Model> models = m_kb->models();
        QVERIFY(models.size() >= 40);
        int available = 0;
        for (const kb::Model &m : models)
            available += m.availability.isEmpty() ? 0 : 1;
        QVERIFY(available >= 40);
    }

    void shipped_everyPriceAndGpuRateIsSourcedAndDated()
    {
        const pricing::PriceCatalogue catalogue(*m_kb, nullptr);
        const QList<pricing::Price> prices = catalogue.resolvedPrices();
        QVERIFY(prices.size() >= 40);
        for (const pricing::Price &p : prices) {
            QVERIFY2(!p.source.isEmpty() && p.asOf.size() == 10, qPrintable(p.optionId % u'/' % p.modelId));
            QVERIFY(p.inputPerMTok >= 0 && p.inputPerMTok < 1000);
            QVERIFY(p.outputPerMTok >= 0 && p.outputPerMTok < 1000);
        }
        const QList<kb::GpuInstance> gpus = m_kb->gpuInstances();
        QVERIFY(gpus.size() >= 25);
        for (const kb::GpuInstance &g : gpus) {
            QVERIFY2(!g.source.isEmpty() && g.asOf.size() == 10 && g.onDemandHour > 0, qPrintable(g.id));
            QVERIFY(!g.options.isEmpty());
        }
    }

    void shipped_knownFiguresMatchTheSources()
    {
        // Spot checks from the LiteLLM price map (2026-07-24) and FACTS.md.
        const pricing::PriceCatalogue catalogue(*m_kb, nullptr);
        const auto sonnet = catalogue.resolved(u"aws-bedrock"_s, u"claude-sonnet-4-5"_s);
        QVERIFY(sonnet);
        QCOMPARE(sonnet->inputPerMTok, 3.0);
        QCOMPARE(sonnet->outputPerMTok, 15.0);
        const auto llama = catalogue.resolved(u"aws-bedrock"_s, u"llama-3-3-70b"_s);
        QVERIFY(llama);
        QCOMPARE(llama->inputPerMTok, 0.72);
        const auto gpt4o = catalogue.resolved(u"azure-openai"_s, u"gpt-4o"_s);
        QVERIFY(gpt4o);
        QCOMPARE(gpt4o->inputPerMTok, 2.5);
        QCOMPARE(gpt4o->outputPerMTok, 10.0);
        const auto p5 = m_kb->gpuInstance(u"p5.48xlarge"_s);
        QVERIFY(p5);
        QCOMPARE(p5->onDemandHour, 55.04);
    }

    void shipped_useCasesAndGuideArePresent()
    {
        QCOMPARE(m_kb->useCases().size(), 4);
        QVERIFY(m_kb->guidePages().size() >= 1);
        QCOMPARE(m_kb->guidePages().first().path, u"README.md"_s);
    }

    void overrides_takePrecedenceOverShipped()
    {
        QString error;
        auto user = kb::UserDatabase::openInMemory(&error);
        QVERIFY(user);
        QSqlQuery q(user->database());
        QVERIFY(q.exec(u"INSERT INTO price_overrides VALUES ('azure-openai', 'gpt-4o', 2.0, 8.0, NULL, "
                       "'EA discount', '2026-11-01T00:00:00Z')"_s));
        const pricing::PriceCatalogue catalogue(*m_kb, user.get());
        const auto p = catalogue.resolved(u"azure-openai"_s, u"gpt-4o"_s);
        QVERIFY(p);
        QCOMPARE(p->origin, pricing::PriceOrigin::Override);
        QCOMPARE(p->inputPerMTok, 2.0);
        QCOMPARE(p->asOf, u"2026-11-01"_s);
        QCOMPARE(catalogue.resolvedPrices({u"azure"_s, {}, {}}).size(),
                 pricing::PriceCatalogue(*m_kb, nullptr).resolvedPrices({u"azure"_s, {}, {}}).size());
    }
};

QTEST_GUILESS_MAIN(TestKnowledgeBase)
#include "tst_knowledgebase.moc"
