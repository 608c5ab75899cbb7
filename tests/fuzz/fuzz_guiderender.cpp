// libFuzzer harness: the guide page renderer, renderPage() (core/guide/GuideRenderer.h), with live
// facts and glossary links, i.e. md4c plus the renderer's own pass over its output (heading ids, link
// and image rewriting, glossary links, <!--lda:KIND:ARGS-->STATIC<!--/lda--> replacement).
//
// The knowledge base behind the live facts and the glossary is loaded once: $LDA_FUZZ_KB, else the
// default build tree's build/share/llm-deploy-advisor/knowledge.db next to this source. Without one
// (a fresh checkout with only the fuzz build) pages render without facts and glossary, with a note on
// stderr. Each input is rendered for the viewer (guide: links) and for a static export. Besides
// crashes it checks the renderer's security promises (DESIGN.md §6): no "<script", no raw "<iframe"
// and no remote image (<img src="http:, https: or //) in the output, whatever the Markdown or the fact comments.
#include "guide/GuideRenderer.h"
#include "guide/LiveFacts.h"
#include "kb/KnowledgeBase.h"
#include "pricing/PriceCatalogue.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace Qt::StringLiterals;
using namespace lda::core;

namespace {

struct Context
{
    std::unique_ptr<kb::KnowledgeBase> kb;
    std::unique_ptr<pricing::PriceCatalogue> prices;
    std::unique_ptr<guide::LiveFactResolver> facts;
    guide::Glossary glossary;
};

const Context &context()
{
    static const Context c = [] {
        Context ctx;
        QString path = qEnvironmentVariable("LDA_FUZZ_KB");
        if (path.isEmpty())
            path = QFileInfo(QStringLiteral(__FILE__)).absolutePath()
                   + u"/../../build/share/llm-deploy-advisor/knowledge.db"_s;
        QString error = u"not found"_s;
        if (QFileInfo::exists(path))
            ctx.kb = kb::KnowledgeBase::open(path, &error);
        if (ctx.kb) {
            ctx.prices = std::make_unique<pricing::PriceCatalogue>(*ctx.kb, nullptr);
            ctx.facts = std::make_unique<guide::LiveFactResolver>(*ctx.kb, *ctx.prices);
            // A fixed stand-in for the cost engine, so that use-case facts take the live path too.
            ctx.facts->setUseCaseEstimator([](const QString &id) -> std::optional<double> {
                if (id == u"support-chatbot")
                    return 20311.0;
                return std::nullopt;
            });
            ctx.glossary = guide::Glossary::load(*ctx.kb);
        } else {
            std::fprintf(stderr, "fuzz_guiderender: no knowledge base at %s (%s); rendering without facts\n",
                         qPrintable(path), qPrintable(error));
        }
        return ctx;
    }();
    return c;
}

// A remote image: src with an http(s) scheme or protocol-relative. A relative file whose name merely
// starts with "http" ("httpsq/x.png", found by this harness) is a local image and fine.
const QRegularExpression &remoteImage()
{
    static const QRegularExpression re(u"<img src=\"\\s*(https?:|//|\\\\)"_s, QRegularExpression::CaseInsensitiveOption);
    return re;
}

void check(const guide::RenderedPage &page, const char *style)
{
    const char *bad = nullptr;
    if (page.body.contains(u"<script"_s, Qt::CaseInsensitive))
        bad = "<script";
    else if (page.body.contains(u"<iframe"_s, Qt::CaseInsensitive))
        bad = "<iframe";
    else if (page.body.contains(remoteImage()))
        bad = "a remote <img";
    if (bad) {
        const qsizetype at = bad[0] == '<' ? page.body.indexOf(QString::fromLatin1(bad), 0, Qt::CaseInsensitive)
                                           : page.body.indexOf(remoteImage());
        std::fprintf(stderr, "%s got through the renderer (%s links): ...%s...\n", bad, style,
                     qPrintable(page.body.mid(qMax<qsizetype>(0, at - 200), 400)));
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv); // the SQL plugin loader wants an application
    (void)context();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Context &c = context();
    const QString markdown = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));

    const QList<guide::LiveFact> found = guide::findLiveFacts(markdown);
    for (const guide::LiveFact &f : found) {
        if (f.start < 0 || f.length < 0 || f.start + f.length > markdown.size()) {
            std::fprintf(stderr, "live fact outside the page: start %lld length %lld size %lld\n",
                         static_cast<long long>(f.start), static_cast<long long>(f.length),
                         static_cast<long long>(markdown.size()));
            std::abort();
        }
        (void)guide::agreesWithShown(f.staticText, 1.0);
        if (c.facts) {
            (void)c.facts->resolve(f);
            (void)c.facts->html(f);
        }
    }

    const guide::RenderOptions viewer{guide::LinkStyle::Scheme, c.facts.get(), c.kb ? &c.glossary : nullptr};
    check(guide::renderPage(u"02-AWS/01-AWS-Options-Overview.md"_s, markdown, viewer), "scheme");
    const guide::RenderOptions exported{guide::LinkStyle::StaticHtml, c.facts.get(), c.kb ? &c.glossary : nullptr};
    check(guide::renderPage(u"README.md"_s, markdown, exported), "static");
    return 0;
}
