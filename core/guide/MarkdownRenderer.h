#pragma once

#include <QByteArray>
#include <QString>

namespace lda::core::guide {

struct RenderResult
{
    QString html;
    bool ok = false;
};

// Markdown -> HTML with md4c in its GitHub dialect (tables, task lists, strikethrough, autolinks).
// Raw HTML in the source is never passed through (MD_FLAG_NOHTML): the guide cannot inject markup.
[[nodiscard]] RenderResult renderMarkdown(const QString &markdown);

} // namespace lda::core::guide
