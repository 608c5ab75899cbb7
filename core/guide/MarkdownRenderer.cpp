#include "MarkdownRenderer.h"

#include <md4c-html.h>

namespace lda::core::guide {

namespace {

void appendChunk(const MD_CHAR *text, MD_SIZE size, void *userData)
{
    static_cast<QByteArray *>(userData)->append(text, qsizetype(size));
}

} // namespace

RenderResult renderMarkdown(const QString &markdown)
{
    const QByteArray utf8 = markdown.toUtf8();
    QByteArray html;
    html.reserve(utf8.size() * 3 / 2);
    const unsigned parserFlags = MD_DIALECT_GITHUB | MD_FLAG_NOHTML;
    const int rc = md_html(utf8.constData(), MD_SIZE(utf8.size()), &appendChunk, &html, parserFlags, 0);
    return {QString::fromUtf8(html), rc == 0};
}

} // namespace lda::core::guide
