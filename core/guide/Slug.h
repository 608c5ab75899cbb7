#pragma once

#include <QHash>
#include <QString>

namespace lda::core::guide {

// GitHub's heading-anchor rule: lower-case, keep letters, digits, spaces, '-' and '_', spaces -> '-'.
[[nodiscard]] QString githubSlug(QStringView headingText);

// Hands out unique anchors for the headings of one page, the way GitHub numbers repeats (-1, -2, ...).
class SlugRegistry final
{
public:
    [[nodiscard]] QString unique(QStringView headingText);

private:
    QHash<QString, int> m_seen;
};

// Strips inline Markdown from a heading (emphasis, code spans, links) to get the text GitHub slugs.
[[nodiscard]] QString plainHeadingText(QStringView markdownHeading);

} // namespace lda::core::guide
