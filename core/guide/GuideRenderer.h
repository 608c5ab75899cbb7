#pragma once

#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace lda::core::kb {
class KnowledgeBase;
}

namespace lda::core::guide {

class LiveFactResolver;

// Where rewritten links point: the viewer's guide: scheme, or relative .html files of a static export.
enum class LinkStyle { Scheme, StaticHtml };

[[nodiscard]] inline QString guideScheme() { return QStringLiteral("guide"); }
[[nodiscard]] inline QString guideHost() { return QStringLiteral("guide"); }
// What every viewer URL starts with: "guide://guide/".
[[nodiscard]] inline QString guideUrlPrefix() { return QStringLiteral("guide://guide/"); }

// The glossary as the renderer links it: each term (and its short forms, e.g. "AKS" for
// "AKS (Azure Kubernetes Service)") is linked the first time it appears on a page.
class Glossary final
{
public:
    struct Term
    {
        QString term;
        QString anchor;
        QString definition;
    };

    Glossary() = default;
    explicit Glossary(QList<Term> terms);
    [[nodiscard]] static Glossary load(const kb::KnowledgeBase &kb);

    [[nodiscard]] bool isEmpty() const { return m_terms.isEmpty(); }
    [[nodiscard]] const QList<Term> &terms() const { return m_terms; }
    // Index into terms() of the term a matched text stands for, or -1.
    [[nodiscard]] int termFor(const QString &matched) const;
    [[nodiscard]] const QRegularExpression &exactCase() const { return m_exactCase; }
    [[nodiscard]] const QRegularExpression &anyCase() const { return m_anyCase; }

private:
    QList<Term> m_terms;
    QHash<QString, int> m_variants; // matched text (lower-cased for any-case variants) -> term index
    QRegularExpression m_exactCase; // acronyms and names with inner capitals: "GPU", "vLLM"
    QRegularExpression m_anyCase;   // ordinary words: "context window"
};

struct RenderOptions
{
    LinkStyle links = LinkStyle::Scheme;
    const LiveFactResolver *facts = nullptr; // null: live facts show their static text
    const Glossary *glossary = nullptr;      // null: no glossary links
};

struct RenderedPage
{
    QString path;  // "02-AWS/01-AWS-Options-Overview.md"
    QString title; // text of the "# " heading
    QString body;  // HTML of the article
    QStringList anchors;  // heading ids in document order
    QStringList links;    // every rewritten href/src, for link checks
    bool ok = false;
};

// Markdown -> article HTML: md4c (GitHub dialect, no raw HTML), then one pass over md4c's output that
// gives headings GitHub ids, rewrites relative .md links and images for the chosen LinkStyle, drops
// remote images, links the first use of each glossary term and puts in the live facts.
[[nodiscard]] RenderedPage renderPage(const QString &pagePath, const QString &markdown, const RenderOptions &options);

// The rewrite of one link target found on pagePath. Relative links are resolved against the page's
// folder; "x.md#a" becomes "guide://guide/dir/x.md#a" or "../dir/x.html#a". External URLs are unchanged.
[[nodiscard]] QString rewriteLink(const QString &pagePath, const QString &href, LinkStyle style);
// The output file of a page in a static export: "dir/x.md" -> "dir/x.html".
[[nodiscard]] QString exportFileName(const QString &pagePath);
// The guide-relative path of a guide: URL's path ("/dir/x.md" -> "dir/x.md").
[[nodiscard]] QString pathFromGuideUrlPath(const QString &urlPath);

enum class Theme { Light, Dark };

struct DocumentOptions
{
    LinkStyle links = LinkStyle::Scheme;
    Theme theme = Theme::Light;
};

// A complete HTML document around a rendered page: the shared stylesheet, highlight.js (pages with
// code) and the viewer script (copy buttons, highlighting), all local: files under _assets/ in a static
// export, inline in the viewer (one request per page). In the viewer a Content-Security-Policy allows
// only guide: and qrc: plus exactly those inline scripts (by hash) as a second lock behind the request
// interceptor.
[[nodiscard]] QString pageDocument(const RenderedPage &page, const DocumentOptions &options);

// The assets every page uses, as (file name under _assets/, resource path).
[[nodiscard]] QList<std::pair<QString, QString>> documentAssets();

} // namespace lda::core::guide
