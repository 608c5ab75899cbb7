// Every live fact of every guide page in knowledge.db must name a real price / GPU rate / use case, and
// its static text (what a code-hosting site shows) must equal the knowledge-base value to the
// precision it shows (GUIDE-CONVENTIONS.md). A failure lists page:line, the static text and the KB value.
#include "guide/LiveFacts.h"
#include "kb/KnowledgeBase.h"
#include "pricing/PriceCatalogue.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace lda::core;

class TestLiveFacts : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<kb::KnowledgeBase> m_kb;
    std::unique_ptr<pricing::PriceCatalogue> m_prices;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_kb = kb::KnowledgeBase::open(QStringLiteral(LDA_TEST_KB), &error);
        QVERIFY2(m_kb, qPrintable(error));
        m_prices = std::make_unique<pricing::PriceCatalogue>(*m_kb, nullptr); // shipped prices only
    }

    void parse_findsFactsOutsideCodeOnly()
    {
        const QString md = u"# T\n\nA <!--lda:price:aws-bedrock/claude-sonnet-4-5:input-->$3.00<!--/lda--> b.\n\n"
                           "```text\n<!--lda:gpu:g5.xlarge:on_demand-->$1<!--/lda-->\n```\n\n"
                           "| x | <!--lda:gpu:g5.12xlarge:on_demand_month-->$4,141<!--/lda--> |\n"_s;
        const QList<guide::LiveFact> facts = guide::findLiveFacts(md);
        QCOMPARE(facts.size(), 2);
        QCOMPARE(facts[0].kind, u"price"_s);
        QCOMPARE(facts[0].id, u"aws-bedrock/claude-sonnet-4-5"_s);
        QCOMPARE(facts[0].field, u"input"_s);
        QCOMPARE(facts[0].staticText, u"$3.00"_s);
        QCOMPARE(facts[0].line, 3);
        QCOMPARE(facts[1].kind, u"gpu"_s);
        QCOMPARE(facts[1].field, u"on_demand_month"_s);
        QCOMPARE(facts[1].line, 9);
    }

    void shownAmount_roundsAtThePrecisionShown()
    {
        QVERIFY(guide::agreesWithShown(u"$4,141", 5.672 * 730)); // 4140.56
        QVERIFY(guide::agreesWithShown(u"$0.075", 0.075));
        QVERIFY(guide::agreesWithShown(u"$3.00", 3.0));
        QVERIFY(!guide::agreesWithShown(u"$3.00", 3.005 + 0.001));
        QVERIFY(!guide::agreesWithShown(u"$4,140", 5.672 * 730));
        QVERIFY(!guide::agreesWithShown(u"about 3", 3.0));
        QCOMPARE(guide::formatUsd(4140.56, 0), u"$4,141"_s);
        QCOMPARE(guide::formatUsd(1234.5, 2), u"$1,234.50"_s);
    }

    void resolver_rendersValueWithAsOfAndUseCaseStatic()
    {
        guide::LiveFactResolver resolver(*m_kb, *m_prices);
        guide::LiveFact fact;
        fact.kind = u"gpu"_s;
        fact.id = u"g5.12xlarge"_s;
        fact.field = u"on_demand_month"_s;
        fact.staticText = u"$4,141"_s;
        const guide::ResolvedFact r = resolver.resolve(fact);
        QVERIFY(r.known);
        QVERIFY(!r.asOf.isEmpty());
        QVERIFY(resolver.html(fact).contains(u"as of "_s % r.asOf));

        guide::LiveFact useCase;
        useCase.kind = u"usecase"_s;
        useCase.id = u"support-chatbot"_s;
        useCase.field = u"monthly"_s;
        useCase.staticText = u"$20,311"_s;
        QVERIFY(resolver.resolve(useCase).isStatic);
        QVERIFY(resolver.html(useCase).contains(u"(static)"_s));
        resolver.setUseCaseEstimator([](const QString &id) -> std::optional<double> {
            return id == u"support-chatbot"_s ? std::optional<double>(20311.4) : std::nullopt;
        });
        const guide::ResolvedFact live = resolver.resolve(useCase);
        QVERIFY(!live.isStatic);
        QCOMPARE(live.display, u"$20,311"_s);

        guide::LiveFact unknown = fact;
        unknown.id = u"no-such-instance"_s;
        QVERIFY(!resolver.resolve(unknown).known);
    }

    void everyPage_staticTextMatchesKnowledgeBase()
    {
        const guide::LiveFactResolver resolver(*m_kb, *m_prices);
        QStringList problems;
        int checked = 0;
        const QList<kb::GuidePageInfo> pages = m_kb->guidePages();
        QVERIFY(!pages.isEmpty());
        for (const kb::GuidePageInfo &page : pages) {
            const QList<guide::LiveFact> facts = guide::findLiveFacts(m_kb->guidePageMarkdown(page.path));
            for (const guide::LiveFact &f : facts) {
                const QString where = u"data/guide/"_s % page.path % u':' % QString::number(f.line);
                const QString what = f.kind % u':' % f.id % u':' % f.field;
                if (f.kind == u"usecase"_s) {
                    if (!resolver.resolve(f).known)
                        problems.append(where % u": unknown use case "_s % what);
                    if (!guide::parseShownAmount(f.staticText))
                        problems.append(where % u": static text '"_s % f.staticText % u"' is not a dollar amount"_s);
                    continue; // the value is the cost engine's (checked where it is wired)
                }
                const guide::ResolvedFact r = resolver.resolve(f);
                if (!r.known) {
                    problems.append(where % u": unknown id "_s % what);
                    continue;
                }
                ++checked;
                if (!guide::parseShownAmount(f.staticText)) {
                    problems.append(where % u": static text '"_s % f.staticText % u"' is not a dollar amount"_s);
                } else if (!guide::agreesWithShown(f.staticText, *r.value)) {
                    problems.append(where % u": "_s % what % u" static "_s % f.staticText % u" vs KB "_s
                                    % QString::number(*r.value, 'g', 10));
                }
            }
        }
        qInfo("%d price/gpu live facts checked", checked);
        for (const QString &p : std::as_const(problems))
            qWarning("%s", qPrintable(p));
        QVERIFY2(problems.isEmpty(), qPrintable(QString::number(problems.size()) % u" live-fact problem(s):\n"_s
                                                % problems.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestLiveFacts)
#include "tst_livefacts.moc"
