#pragma once

#include <QList>
#include <QString>

namespace lda::core::guide {

// A heading of a guide page and the text under it (up to the next heading), as stored for search.
struct PageSection
{
    QString anchor;
    QString title;
    int level = 0;
    QString body; // Markdown with link targets, HTML comments and fence markers removed
};

struct GlossaryEntry
{
    QString term;
    QString anchor;
    QString definition;
    QString usedIn; // relative page path the definition points to, may be empty
};

// Splits a Markdown page at its ATX headings (ignoring headings inside fenced code). The first
// section is the text before the first heading, with an empty anchor, if there is any.
[[nodiscard]] QList<PageSection> splitSections(const QString &markdown);

// The text of the first "# " heading, or an empty string.
[[nodiscard]] QString pageTitle(const QString &markdown);

// Reads GLOSSARY.md: level-3 headings below the letter sections, each with its definition paragraph.
[[nodiscard]] QList<GlossaryEntry> parseGlossary(const QString &markdown);

} // namespace lda::core::guide
