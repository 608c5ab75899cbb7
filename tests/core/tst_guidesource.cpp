#include "guide/GuideSource.h"
#include "guide/MarkdownRenderer.h"
#include "guide/Slug.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace lda::core::guide;

class TestGuideSource : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void slug_followsGitHub_data()
    {
        QTest::addColumn<QString>("heading");
        QTest::addColumn<QString>("slug");
        QTest::newRow("plain") << u"Amazon Bedrock"_s << u"amazon-bedrock"_s;
        QTest::newRow("plus") << u"EC2 + vLLM"_s << u"ec2--vllm"_s;
        QTest::newRow("parens") << u"Azure Kubernetes Service (AKS)"_s << u"azure-kubernetes-service-aks"_s;
        QTest::newRow("colon") << u"Use case 1: Customer support chatbot"_s << u"use-case-1-customer-support-chatbot"_s;
        QTest::newRow("code") << plainHeadingText(u"The `vllm serve` command"_s) << u"the-vllm-serve-command"_s;
    }
    void slug_followsGitHub()
    {
        QFETCH(QString, heading);
        QFETCH(QString, slug);
        QCOMPARE(githubSlug(heading), slug);
    }

    void slugRegistry_numbersRepeats()
    {
        SlugRegistry r;
        QCOMPARE(r.unique(u"Pricing"_s), u"pricing"_s);
        QCOMPARE(r.unique(u"Pricing"_s), u"pricing-1"_s);
        QCOMPARE(r.unique(u"Pricing"_s), u"pricing-2"_s);
    }

    void sections_ignoreHeadingsInCode()
    {
        const QList<PageSection> s = splitSections(u"# Title\n\nIntro.\n\n```bash\n# not a heading\n```\n\n"
                                                   "## Next [link](a.md)\n\nBody.\n"_s);
        QCOMPARE(s.size(), 2);
        QCOMPARE(s[0].anchor, u"title"_s);
        QVERIFY(s[0].body.contains(u"# not a heading"_s));
        QCOMPARE(s[1].title, u"Next link"_s);
        QCOMPARE(s[1].anchor, u"next-link"_s);
        QCOMPARE(pageTitle(u"```text\n# x\n```\n# Real\n"_s), u"Real"_s);
    }

    void glossary_readsTermsDefinitionsAndLinks()
    {
        const auto entries = parseGlossary(u"# Glossary\n\n## By topic\n\n**Serving**\n- [vLLM](#vllm)\n\n## V\n\n"
                                           "### vLLM\n\nAn open-source inference server.\n\nUsed in: "
                                           "[Self-hosting](02-AWS/03-EC2-vLLM-Self-Hosting.md)\n\n"
                                           "### VRAM\n\nGPU memory. Used in: [Basics](01-Fundamentals/01-LLM-Basics.md)\n"_s);
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[0].term, u"vLLM"_s);
        QCOMPARE(entries[0].definition, u"An open-source inference server."_s);
        QCOMPARE(entries[0].usedIn, u"02-AWS/03-EC2-vLLM-Self-Hosting.md"_s);
        QCOMPARE(entries[1].definition, u"GPU memory."_s);
        QCOMPARE(entries[1].usedIn, u"01-Fundamentals/01-LLM-Basics.md"_s);
    }

    void render_tablesTaskListsAndNoRawHtml()
    {
        const RenderResult r = renderMarkdown(u"| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n\n~~old~~\n\n"
                                              "<script>alert(1)</script>\n"_s);
        QVERIFY(r.ok);
        QVERIFY(r.html.contains(u"<table>"_s));
        QVERIFY(r.html.contains(u"checkbox"_s));
        QVERIFY(r.html.contains(u"<del>old</del>"_s));
        QVERIFY(!r.html.contains(u"<script>"_s));
    }
};

QTEST_GUILESS_MAIN(TestGuideSource)
#include "tst_guidesource.moc"
