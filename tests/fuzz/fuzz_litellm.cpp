// libFuzzer harness: the LiteLLM price-map importer (parse, key mapping, tiers, flags).
//
// The input is the JSON file. A small fixed model index stands in for the knowledge base so that the
// mapping paths (Bedrock geo prefixes, Azure data zones, Vertex) are reached without a knowledge.db. The
// importer must never crash, hang or accept a file it then reports as broken; the invariants below
// abort (a crash for libFuzzer) when they do not hold. Seeds in corpus/fuzz_litellm/ are excerpts of
// tests/data/litellm/ (BerriAI/litellm, MIT, see the LICENSE there) plus hand-made broken files.
#include "pricing/LiteLlmImporter.h"

#include <QByteArray>
#include <QString>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace Qt::StringLiterals;
using namespace lda::core::pricing;

namespace {

const ModelIndex &index()
{
    static const ModelIndex i = [] {
        ModelIndex m;
        m.byOption[u"aws-bedrock"_s] = {{u"anthropic.claude-sonnet-4-5-20250929-v1:0"_s, u"claude-sonnet-4-5"_s},
                                        {u"us.amazon.nova-premier-v1:0"_s, u"nova-premier"_s}};
        m.byOption[u"azure-openai"_s] = {{u"gpt-4o-2024-11-20"_s, u"gpt-4o"_s}};
        m.byOption[u"gcp-vertex-ai"_s] = {{u"gemini-2.5-pro"_s, u"gemini-2-5-pro"_s}};
        return m;
    }();
    return i;
}

bool plausible(const std::optional<double> &v)
{
    return !v || (std::isfinite(*v) && *v >= 0 && *v <= 1000);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const LiteLlmParse p = parseLiteLlm(input, u"fuzz.json"_s, index());
    if (p.ok != p.error.isEmpty() || p.error.contains(u'\n') || p.sha256.size() != 64)
        std::abort();
    if (!p.ok)
        return 0;
    int primaries = 0;
    for (const ImportedEntry &e : p.entries) {
        // Implausible or non-finite prices are flagged and dropped, never stored.
        for (const auto &v : {e.inputPerMTok, e.outputPerMTok, e.cachedInputPerMTok, e.cacheWritePerMTok,
                              e.batchInputPerMTok, e.batchOutputPerMTok, e.tierInputPerMTok, e.tierOutputPerMTok})
            if (!plausible(v))
                std::abort();
        if (e.primary && (e.mapping.optionId.isEmpty() || e.mapping.regional || !e.flag.isEmpty()))
            std::abort();
        primaries += e.primary ? 1 : 0;
        // The mapping is a function of key and provider only.
        const KeyMapping again = mapLiteLlmKey(e.key, e.provider, index());
        if (again.optionId != e.mapping.optionId || again.modelId != e.mapping.modelId)
            std::abort();
    }
    if (primaries > p.mapped())
        std::abort();
    (void)isValidIsoDate(p.lastUpdated.left(10));
    return 0;
}
