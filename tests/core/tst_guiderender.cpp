// Markdown -> page HTML: tables, code, heading anchors (GitHub slugs, equal to the search index's),
// link rewriting for the viewer and the export, glossary links, live facts and remote images.
#include "guide/GuideRenderer.h"
#include "guide/LiveFacts.h"
#include "kb/KnowledgeBase.h"
#include "pricing/PriceCatalogue.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lda::core;

class TestGuideRender : public QObject
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

    void render_tablesCodeAndTaskLists()
    {
        const QString md = u"# Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```python\nprint(\"<x>\")\n```\n\n"
                           "- [x] done\n- [ ] open\n\n~~gone~~\n"_s;
        const guide::RenderedPage page = guide::renderPage(u"a.md"_s, md, {});
        QVERIFY(page.ok);
        QCOMPARE(page.title, u"Title"_s);
        QVERIFY(page.body.contains(u"<table>"_s));
        QVERIFY(page.body.contains(u"<td>1</td>"_s));
        QVERIFY(page.body.contains(u"<code class=\"language-python\">print(&quot;&lt;x&gt;&quot;)"_s));
        QVERIFY(page.body.contains(u"type=\"checkbox\""_s));
        QVERIFY(page.body.contains(u"<del>gone</del>"_s));
    }

    void render_rawHtmlIsNeverPassedThrough()
    {
        const guide::RenderedPage page =
            guide::renderPage(u"a.md"_s, u"# T\n\n<script>alert(1)</script> <b>x</b>\n"_s, {});
        QVERIFY(!page.body.contains(u"<script>"_s));
        QVERIFY(!page.body.contains(u"<b>"_s));
        QVERIFY(page.body.contains(u"&lt;script&gt;"_s));
    }

    void render_headingIdsFollowGitHub()
    {
        const QString md = u"# Guide: *Intro*\n\n## Pricing & `cost`\n\n## Pricing & cost\n\n### Step 1 — set up\n"_s;
        const guide::RenderedPage page = guide::renderPage(u"a.md"_s, md, {});
        QCOMPARE(page.anchors, (QStringList{u"guide-intro"_s, u"pricing--cost"_s, u"pricing--cost-1"_s, u"step-1--set-up"_s}));
        QVERIFY(page.body.contains(u"<h2 id=\"pricing--cost\">"_s));
        QVERIFY(page.body.contains(u"href=\"#pricing--cost-1\""_s));
    }

    void render_anchorsEqualTheSearchIndexOnEveryPage()
    {
        const QList<kb::GuidePageInfo> pages = m_kb->guidePages();
        QVERIFY(pages.size() >= 4);
        for (const kb::GuidePageInfo &info : pages) {
            const guide::RenderedPage page = guide::renderPage(info.path, m_kb->guidePageMarkdown(info.path), {});
            QVERIFY2(page.ok, qPrintable(info.path));
            QStringList indexed;
            QSqlQuery q(m_kb->database());
            q.prepare(u"SELECT anchor FROM guide_sections WHERE page = ? AND level > 0 ORDER BY position"_s);
            q.addBindValue(info.path);
            QVERIFY(q.exec());
            while (q.next())
                indexed.append(q.value(0).toString());
            QCOMPARE(page.anchors, indexed);
        }
    }

    void rewrite_relativeLinksForViewerAndExport_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addColumn<QString>("href");
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<QString>("html");
        QTest::newRow("sibling chapter") << u"02-AWS/01-AWS-Options-Overview.md"_s
                                         << u"../03-Azure/01-Azure-Options-Overview.md#pricing"_s
                                         << u"guide://guide/03-Azure/01-Azure-Options-Overview.md#pricing"_s
                                         << u"../03-Azure/01-Azure-Options-Overview.html#pricing"_s;
        QTest::newRow("same folder") << u"02-AWS/01-AWS-Options-Overview.md"_s << u"02-Bedrock-Quick-Start.md"_s
                                     << u"guide://guide/02-AWS/02-Bedrock-Quick-Start.md"_s << u"02-Bedrock-Quick-Start.html"_s;
        QTest::newRow("from root") << u"README.md"_s << u"02-AWS/02-Bedrock-Quick-Start.md#setup"_s
                                   << u"guide://guide/02-AWS/02-Bedrock-Quick-Start.md#setup"_s
                                   << u"02-AWS/02-Bedrock-Quick-Start.html#setup"_s;
        QTest::newRow("to root") << u"02-AWS/x.md"_s << u"../GLOSSARY.md#token"_s << u"guide://guide/GLOSSARY.md#token"_s
                                 << u"../GLOSSARY.html#token"_s;
        QTest::newRow("anchor only") << u"a/b.md"_s << u"#here"_s << u"#here"_s << u"#here"_s;
        QTest::newRow("image") << u"01-Fundamentals/x.md"_s << u"../images/arch.svg"_s << u"guide://guide/images/arch.svg"_s
                               << u"../images/arch.svg"_s;
        QTest::newRow("external") << u"a.md"_s << u"https://docs.vllm.ai/"_s << u"https://docs.vllm.ai/"_s
                                  << u"https://docs.vllm.ai/"_s;
        QTest::newRow("outside the guide") << u"a.md"_s << u"../../README.md"_s << u"../../README.md"_s
                                           << u"../../README.md"_s;
    }

    void rewrite_relativeLinksForViewerAndExport()
    {
        QFETCH(QString, page);
        QFETCH(QString, href);
        QFETCH(QString, scheme);
        QFETCH(QString, html);
        QCOMPARE(guide::rewriteLink(page, href, guide::LinkStyle::Scheme), scheme);
        QCOMPARE(guide::rewriteLink(page, href, guide::LinkStyle::StaticHtml), html);
    }

    void render_linksAndRemoteImages()
    {
        const QString md = u"# T\n\nSee [Bedrock](../02-AWS/02-Bedrock-Quick-Start.md#pricing) and [vLLM](https://docs.vllm.ai).\n\n"
                           "![tracker](https://evil.example/pixel.png) ![diagram](../images/a.svg)\n"_s;
        const guide::RenderedPage page = guide::renderPage(u"01-Fundamentals/x.md"_s, md, {});
        QVERIFY(page.body.contains(u"href=\"guide://guide/02-AWS/02-Bedrock-Quick-Start.md#pricing\""_s));
        QVERIFY(page.body.contains(u"class=\"lda-external\""_s));
        QVERIFY(!page.body.contains(u"src=\"https://evil.example"_s));
        QVERIFY(page.body.contains(u"[remote image: tracker]"_s));
        QVERIFY(page.body.contains(u"src=\"guide://guide/images/a.svg\""_s));
    }

    void render_glossaryLinksFirstUseOnlyWithTooltip()
    {
        const guide::Glossary glossary({{u"Context window"_s, u"context-window"_s, u"How much text a model reads."_s},
                                        {u"AKS (Azure Kubernetes Service)"_s, u"aks-azure-kubernetes-service"_s, u"Managed Kubernetes."_s},
                                        {u"vLLM"_s, u"vllm"_s, u"An inference server."_s}});
        const QString md = u"# T\n\nThe context window matters. A context window again. Run vLLM on AKS, `vLLM` in code.\n\n"
                           "## vLLM heading\n"_s;
        const guide::RenderedPage page = guide::renderPage(u"02-AWS/x.md"_s, md, {guide::LinkStyle::Scheme, nullptr, &glossary});
        QCOMPARE(page.body.count(u"class=\"lda-term\""_s), 3);
        QVERIFY(page.body.contains(u"href=\"guide://guide/GLOSSARY.md#context-window\" title=\"Context window: How much text a model reads.\">context window</a>"_s));
        QVERIFY(page.body.contains(u"#aks-azure-kubernetes-service\""_s));
        QVERIFY(page.body.contains(u"<code>vLLM</code>"_s));
        QVERIFY(page.body.contains(u"<h2 id=\"vllm-heading\">vLLM heading"_s));
        const guide::RenderedPage exported =
            guide::renderPage(u"02-AWS/x.md"_s, md, {guide::LinkStyle::StaticHtml, nullptr, &glossary});
        QVERIFY(exported.body.contains(u"href=\"../GLOSSARY.html#context-window\""_s));
    }

    void render_liveFactsShowValueAndAsOf()
    {
        const pricing::PriceCatalogue prices(*m_kb, nullptr);
        const guide::LiveFactResolver facts(*m_kb, prices);
        const QString md = u"# T\n\n| GPU | $/h |\n|---|---|\n| g5 | <!--lda:gpu:g5.12xlarge:on_demand-->$5.672<!--/lda--> |\n\n"
                           "Chatbot: <!--lda:usecase:support-chatbot:monthly-->$20,311<!--/lda-->.\n\n"
                           "```text\n<!--lda:gpu:g5.12xlarge:on_demand-->$5.672<!--/lda-->\n```\n"_s;
        const guide::RenderedPage page = guide::renderPage(u"a.md"_s, md, {guide::LinkStyle::Scheme, &facts, nullptr});
        QVERIFY(page.body.contains(u"<span class=\"lda-fact\" title=\"Source: "_s));
        QVERIFY(page.body.contains(u"<span class=\"lda-asof\">as of "_s));
        QVERIFY(page.body.contains(u"$20,311 <span class=\"lda-asof\">(static)</span>"_s));
        // The syntax example in a code block stays literal.
        QVERIFY(page.body.contains(u"&lt;!--lda:gpu:g5.12xlarge:on_demand--&gt;$5.672&lt;!--/lda--&gt;"_s));
        // Without a resolver the static text shows, and no comment leaks as text.
        const guide::RenderedPage plain = guide::renderPage(u"a.md"_s, md, {});
        QVERIFY(plain.body.contains(u"<td>$5.672</td>"_s));
    }

    void render_everyPage()
    {
        const pricing::PriceCatalogue prices(*m_kb, nullptr);
        const guide::LiveFactResolver facts(*m_kb, prices);
        const guide::Glossary glossary = guide::Glossary::load(*m_kb);
        QVERIFY(glossary.terms().size() >= 150);
        QElapsedTimer timer;
        timer.start();
        qint64 worst = 0;
        const QList<kb::GuidePageInfo> pages = m_kb->guidePages();
        for (const kb::GuidePageInfo &info : pages) {
            QElapsedTimer one;
            one.start();
            const guide::RenderedPage page = guide::renderPage(info.path, m_kb->guidePageMarkdown(info.path),
                                                               {guide::LinkStyle::Scheme, &facts, &glossary});
            worst = std::max(worst, one.elapsed());
            QVERIFY(page.ok);
            QVERIFY2(!page.body.contains(u"&lt;!--lda:"_s) || page.body.contains(u"<pre>"_s), qPrintable(info.path));
            // Viewer pages carry the stylesheet and scripts inline; the CSP allows exactly those scripts.
            const QString doc = guide::pageDocument(page, {});
            QVERIFY(doc.contains(u"<style>"_s) && !doc.contains(u"_assets/guide.css"_s));
            const qsizetype cspAt = doc.indexOf(u"script-src guide: qrc:"_s);
            QVERIFY(cspAt > 0);
            const QString scriptSources = doc.mid(cspAt, doc.indexOf(u';', cspAt) - cspAt);
            int scripts = 0;
            for (qsizetype at = doc.indexOf(u"<script>"_s); at >= 0; at = doc.indexOf(u"<script>"_s, at + 1)) {
                const qsizetype from = at + 8;
                const QByteArray text = doc.mid(from, doc.indexOf(u"</script>"_s, from) - from).toUtf8();
                const QString hash = QString::fromLatin1(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toBase64());
                QVERIFY2(scriptSources.contains(u"'sha256-"_s % hash % u'\''), qPrintable(info.path));
                ++scripts;
            }
            QCOMPARE(scripts, page.body.contains(u"<pre"_s) ? 2 : 1);
            QVERIFY(!doc.contains(u"<script src"_s));
        }
        // Informational only: speed is asserted by scripts/bench, never here (a sanitizer build is 10x slower).
        qInfo("rendered %d pages in %lld ms (slowest %lld ms)", int(pages.size()), timer.elapsed(), worst);
    }
};

QTEST_GUILESS_MAIN(TestGuideRender)
#include "tst_guiderender.moc"
