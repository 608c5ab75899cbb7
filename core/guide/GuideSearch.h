#pragma once

#include <QList>
#include <QString>

namespace lda::core::kb {
class KnowledgeBase;
}

namespace lda::core::guide {

struct SearchHit
{
    QString page;    // "02-AWS/02-Bedrock-Quick-Start.md"
    QString title;   // page title
    QString section; // section heading
    QString anchor;  // section anchor, empty for the text before the first heading
    QString snippet; // matched words between kMarkOpen and kMarkClose
    double score = 0; // higher is better: glossary terms, then page titles, then bm25
    enum class Kind { Glossary, PageTitle, Text } kind = Kind::Text;
};

inline constexpr char16_t kMarkOpen = u'\u0002';
inline constexpr char16_t kMarkClose = u'\u0003';

// The snippet as HTML with <mark> around matches, or as plain text with the given markers.
[[nodiscard]] QString snippetHtml(const QString &snippet);
[[nodiscard]] QString snippetText(const QString &snippet, QStringView open, QStringView close);

// Turns what a user typed into a safe FTS5 expression: words become quoted terms, "quoted phrases"
// stay phrases, the last word is a prefix; FTS5 operators and punctuation are never passed through.
// Returns an empty string when nothing searchable is left.
[[nodiscard]] QString ftsQuery(const QString &userInput);

// Full-text search over the guide (FTS5, porter stemming). Ranking: a glossary term whose name
// matches, then pages whose title matches, then every section by bm25 (titles weigh 8x the body).
// Thread-safe to the extent KnowledgeBase is: each thread uses its own connection.
class GuideSearch final
{
public:
    explicit GuideSearch(const kb::KnowledgeBase &kb);
    [[nodiscard]] QList<SearchHit> search(const QString &userInput, int limit = 20) const;

private:
    const kb::KnowledgeBase &m_kb;
};

} // namespace lda::core::guide
