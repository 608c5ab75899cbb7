#pragma once

#include <QString>
#include <QStringList>

namespace lda::core::kb {
class KnowledgeBase;
}

namespace lda::core::guide {

class LiveFactResolver;

struct ExportResult
{
    int pages = 0;
    int assets = 0;
    int linksChecked = 0;
    QStringList brokenLinks; // "dir/page.html: target" for each link that does not resolve
    QString error;           // a failure to write (empty on success)
    [[nodiscard]] bool ok() const { return error.isEmpty() && brokenLinks.isEmpty(); }
};

// Writes the whole guide as static HTML into dir (created if needed): one .html per page in the
// guide's folder layout, relative links between them, the guide's SVG/PNG assets and _assets/ with the
// shared stylesheet, script and highlight.js, plus an index.html. Opens from disk in any browser.
[[nodiscard]] ExportResult exportGuideHtml(const kb::KnowledgeBase &kb, const LiveFactResolver *facts,
                                           const QString &dir);

// Checks every href/src of every .html file under dir: relative targets must exist and, with a
// #fragment, must name an id in the target page. External http(s)/mailto links are not followed.
// Returns the broken ones as "file: target"; *checked receives the number of links looked at.
[[nodiscard]] QStringList checkExportLinks(const QString &dir, int *checked = nullptr);

} // namespace lda::core::guide
