// libFuzzer harness: the guide's Markdown processing - renderMarkdown() (md4c, raw HTML disabled) and the
// GuideSource readers the compiler runs over every page: splitSections(), pageTitle(), parseGlossary().
// Besides crashes it checks the one security promise of the renderer: raw HTML in the source never
// comes out as markup (DESIGN.md §6), so no "<script" can appear in the output.
#include "guide/GuideSource.h"
#include "guide/MarkdownRenderer.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString markdown = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));

    const lda::core::guide::RenderResult rendered = lda::core::guide::renderMarkdown(markdown);
    if (rendered.html.contains(u"<script"_s, Qt::CaseInsensitive)) {
        std::fprintf(stderr, "raw HTML passed through the Markdown renderer\n");
        std::abort();
    }

    const QList<lda::core::guide::PageSection> sections = lda::core::guide::splitSections(markdown);
    for (const lda::core::guide::PageSection &s : sections) {
        if (s.level < 0 || s.level > 6) {
            std::fprintf(stderr, "heading level %d out of range\n", s.level);
            std::abort();
        }
    }
    (void)lda::core::guide::pageTitle(markdown);

    const QList<lda::core::guide::GlossaryEntry> glossary = lda::core::guide::parseGlossary(markdown);
    for (const lda::core::guide::GlossaryEntry &e : glossary)
        (void)e.definition.size();
    return 0;
}
