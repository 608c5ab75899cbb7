#include "GuideRenderer.h"

#include "LiveFacts.h"
#include "MarkdownRenderer.h"
#include "Slug.h"
#include "kb/KnowledgeBase.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace lda::core::guide {

namespace {

// Live facts travel through md4c as private-use characters around their index.
constexpr char16_t kFactOpen = u'\uE000';
constexpr char16_t kFactClose = u'\uE001';

bool hasInnerCapital(const QString &s)
{
    for (qsizetype i = 1; i < s.size(); ++i) {
        if (s.at(i).isUpper())
            return true;
    }
    return false;
}

QString alternation(QStringList variants)
{
    // Longest first, so that "Azure OpenAI Service" wins over "Azure OpenAI".
    std::sort(variants.begin(), variants.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    QStringList escaped;
    for (const QString &v : std::as_const(variants))
        escaped.append(QRegularExpression::escape(v));
    return u"(?<![\\w-])(?:"_s % escaped.join(u'|') % u")(?![\\w-])"_s;
}

QString decodeEntities(QString text)
{
    text.replace(u"&lt;"_s, u"<"_s);
    text.replace(u"&gt;"_s, u">"_s);
    text.replace(u"&quot;"_s, u"\""_s);
    text.replace(u"&#39;"_s, u"'"_s);
    text.replace(u"&amp;"_s, u"&"_s);
    return text;
}

QString attribute(QStringView tag, QStringView name)
{
    const QString needle = u' ' % name % u"=\""_s;
    const qsizetype at = tag.indexOf(needle);
    if (at < 0)
        return {};
    const qsizetype from = at + needle.size();
    const qsizetype to = tag.indexOf(u'"', from);
    return to < 0 ? QString() : decodeEntities(tag.mid(from, to - from).toString());
}

QString replaceAttribute(QStringView tag, QStringView name, const QString &value)
{
    const QString needle = u' ' % name % u"=\""_s;
    const qsizetype at = tag.indexOf(needle);
    if (at < 0)
        return tag.toString();
    const qsizetype from = at + needle.size();
    const qsizetype to = tag.indexOf(u'"', from);
    return tag.left(from) % value.toHtmlEscaped() % tag.mid(to);
}

bool isExternal(const QString &href)
{
    const qsizetype colon = href.indexOf(u':');
    const qsizetype slash = href.indexOf(u'/');
    return colon > 0 && (slash < 0 || colon < slash);
}

// The relative path from folder fromDir (guide-relative, "" = root) to guide-relative file.
QString relativeTo(const QString &fromDir, const QString &file)
{
    return QDir(u"/"_s % fromDir).relativeFilePath(u"/"_s % file);
}

struct Context
{
    const QString &pagePath;
    const RenderOptions &options;
    const QList<LiveFact> &facts;
    QSet<int> usedTerms;
    SlugRegistry slugs;
    RenderedPage *page;
};

QString factHtml(const Context &ctx, int index)
{
    if (index < 0 || index >= ctx.facts.size())
        return {};
    const LiveFact &f = ctx.facts.at(index);
    if (ctx.options.facts)
        return ctx.options.facts->html(f);
    return f.staticText.toHtmlEscaped();
}

// Replaces fact tokens in a text run by the fact's HTML; with asStatic, by its static text (for slugs).
QString expandFacts(const Context &ctx, QStringView text, bool asStatic)
{
    QString out;
    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype open = text.indexOf(kFactOpen, pos);
        if (open < 0) {
            out.append(text.mid(pos));
            break;
        }
        const qsizetype close = text.indexOf(kFactClose, open);
        if (close < 0) {
            out.append(text.mid(pos));
            break;
        }
        out.append(text.mid(pos, open - pos));
        const int index = text.mid(open + 1, close - open - 1).toInt();
        if (asStatic)
            out.append(index < ctx.facts.size() ? ctx.facts.at(index).staticText.toHtmlEscaped() : QString());
        else
            out.append(factHtml(ctx, index));
        pos = close + 1;
    }
    return out;
}

// Links the first use of each glossary term in a run of (escaped) text.
QString linkGlossary(Context &ctx, const QString &text)
{
    const Glossary *g = ctx.options.glossary;
    if (!g || g->isEmpty() || ctx.usedTerms.size() == g->terms().size())
        return text;
    struct Hit
    {
        qsizetype start;
        qsizetype length;
        int term;
    };
    QList<Hit> hits;
    for (const QRegularExpression *re : {&g->exactCase(), &g->anyCase()}) {
        if (!re->isValid() || re->pattern().isEmpty())
            continue;
        auto it = re->globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            const int term = g->termFor(m.captured(0));
            if (term >= 0)
                hits.append({m.capturedStart(0), m.capturedLength(0), term});
        }
    }
    if (hits.isEmpty())
        return text;
    std::sort(hits.begin(), hits.end(), [](const Hit &a, const Hit &b) { return a.start < b.start; });
    QString out;
    qsizetype pos = 0;
    for (const Hit &h : std::as_const(hits)) {
        if (h.start < pos || ctx.usedTerms.contains(h.term))
            continue;
        // Do not split an entity such as &amp;.
        const qsizetype amp = text.lastIndexOf(u'&', h.start);
        if (amp >= pos && text.indexOf(u';', amp) >= h.start)
            continue;
        ctx.usedTerms.insert(h.term);
        const Glossary::Term &t = g->terms().at(h.term);
        QString tip = t.definition;
        if (tip.size() > 320)
            tip = tip.left(317) % u"..."_s;
        out.append(QStringView(text).mid(pos, h.start - pos));
        out.append(u"<a class=\"lda-term\" href=\""_s
                   % rewriteLink(ctx.pagePath, u"/GLOSSARY.md#"_s % t.anchor, ctx.options.links).toHtmlEscaped()
                   % u"\" title=\""_s % QString(t.term % u": "_s % tip).toHtmlEscaped() % u"\">"_s
                   % QStringView(text).mid(h.start, h.length) % u"</a>"_s);
        pos = h.start + h.length;
    }
    out.append(QStringView(text).mid(pos));
    return out;
}

QString rewriteTag(Context &ctx, QStringView tag)
{
    if (tag.startsWith(u"<a ")) {
        const QString href = attribute(tag, u"href");
        const QString target = rewriteLink(ctx.pagePath, href, ctx.options.links);
        ctx.page->links.append(target);
        QString out = replaceAttribute(tag, u"href", target);
        if (isExternal(target) && !target.startsWith(guideScheme() % u':'))
            out.insert(2, u" class=\"lda-external\" rel=\"noopener noreferrer\""_s);
        return out;
    }
    if (tag.startsWith(u"<img ")) {
        const QString src = attribute(tag, u"src");
        if (isExternal(src)) {
            // Never fetch a remote image, even if the interceptor would stop it.
            return u"<span class=\"lda-blocked\" title=\""_s % src.toHtmlEscaped() % u"\">[remote image: "_s
                % attribute(tag, u"alt").toHtmlEscaped() % u"]</span>"_s;
        }
        const QString target = rewriteLink(ctx.pagePath, src, ctx.options.links);
        ctx.page->links.append(target);
        return replaceAttribute(tag, u"src", target);
    }
    return tag.toString();
}

// Rewrites a fragment of md4c output: tags, text (glossary links unless in code, links or headings).
QString rewriteFragment(Context &ctx, QStringView html, bool allowGlossary)
{
    QString out;
    out.reserve(html.size() + html.size() / 4);
    int noGlossaryDepth = allowGlossary ? 0 : 1;
    qsizetype pos = 0;
    while (pos < html.size()) {
        const qsizetype lt = html.indexOf(u'<', pos);
        const qsizetype textEnd = lt < 0 ? html.size() : lt;
        if (textEnd > pos) {
            const QStringView text = html.mid(pos, textEnd - pos);
            // Glossary first (on text without facts), then facts, so that a term never links inside a fact.
            QString linked;
            qsizetype tpos = 0;
            while (tpos < text.size()) {
                const qsizetype open = text.indexOf(kFactOpen, tpos);
                const qsizetype runEnd = open < 0 ? text.size() : open;
                const QString run = text.mid(tpos, runEnd - tpos).toString();
                linked.append(noGlossaryDepth > 0 ? run : linkGlossary(ctx, run));
                if (open < 0)
                    break;
                const qsizetype close = text.indexOf(kFactClose, open);
                const qsizetype factEnd = close < 0 ? text.size() : close + 1;
                linked.append(expandFacts(ctx, text.mid(open, factEnd - open), false));
                tpos = factEnd;
            }
            out.append(linked);
        }
        if (lt < 0)
            break;
        const qsizetype gt = html.indexOf(u'>', lt);
        if (gt < 0) {
            out.append(html.mid(lt));
            break;
        }
        const QStringView tag = html.mid(lt, gt - lt + 1);
        if (tag.startsWith(u"<code") || tag.startsWith(u"<pre") || tag.startsWith(u"<a ") || tag.startsWith(u"<a>"))
            ++noGlossaryDepth;
        else if (tag == u"</code>" || tag == u"</pre>" || tag == u"</a>")
            noGlossaryDepth = std::max(allowGlossary ? 0 : 1, noGlossaryDepth - 1);
        out.append(rewriteTag(ctx, tag));
        pos = gt + 1;
    }
    return out;
}

QString stripTags(QStringView html)
{
    QString out;
    bool inTag = false;
    for (QChar c : html) {
        if (c == u'<')
            inTag = true;
        else if (c == u'>')
            inTag = false;
        else if (!inTag)
            out.append(c);
    }
    return out;
}

} // namespace

Glossary::Glossary(QList<Term> terms)
    : m_terms(std::move(terms))
{
    static const QRegularExpression paren(u"^(.*?)\\s*\\(([^)]*)\\)\\s*$"_s);
    QStringList exact;
    QStringList any;
    for (int i = 0; i < int(m_terms.size()); ++i) {
        QStringList variants = {m_terms.at(i).term};
        const QRegularExpressionMatch m = paren.match(m_terms.at(i).term);
        if (m.hasMatch()) {
            variants = {m.captured(1), m.captured(2)};
        }
        for (const QString &v : std::as_const(variants)) {
            const QString escapedV = v.toHtmlEscaped();
            if (v.size() < 3)
                continue;
            if (hasInnerCapital(v) || v.at(0).isDigit()) {
                if (!m_variants.contains(escapedV)) {
                    m_variants.insert(escapedV, i);
                    exact.append(escapedV);
                }
            } else if (!m_variants.contains(escapedV.toLower())) {
                m_variants.insert(escapedV.toLower(), i);
                any.append(escapedV);
            }
        }
    }
    if (!exact.isEmpty())
        m_exactCase = QRegularExpression(alternation(exact), QRegularExpression::UseUnicodePropertiesOption);
    if (!any.isEmpty())
        m_anyCase = QRegularExpression(alternation(any), QRegularExpression::CaseInsensitiveOption
                                                             | QRegularExpression::UseUnicodePropertiesOption);
    m_exactCase.optimize();
    m_anyCase.optimize();
}

Glossary Glossary::load(const kb::KnowledgeBase &kb)
{
    QList<Term> terms;
    QSqlQuery q(kb.database());
    q.setForwardOnly(true);
    if (q.exec(u"SELECT term, anchor, definition FROM glossary ORDER BY term"_s)) {
        while (q.next())
            terms.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    }
    return Glossary(std::move(terms));
}

int Glossary::termFor(const QString &matched) const
{
    const auto exact = m_variants.constFind(matched);
    if (exact != m_variants.cend())
        return exact.value();
    return m_variants.value(matched.toLower(), -1);
}

QString pathFromGuideUrlPath(const QString &urlPath)
{
    QString path = QDir::cleanPath(urlPath);
    while (path.startsWith(u'/'))
        path.remove(0, 1);
    return path;
}

QString exportFileName(const QString &pagePath)
{
    return pagePath.endsWith(u".md"_s) ? pagePath.chopped(3) % u".html"_s : pagePath;
}

QString rewriteLink(const QString &pagePath, const QString &href, LinkStyle style)
{
    if (href.isEmpty() || href.startsWith(u'#') || isExternal(href))
        return href;
    const qsizetype hash = href.indexOf(u'#');
    const QString target = hash < 0 ? href : href.left(hash);
    const QString fragment = hash < 0 ? QString() : href.mid(hash);
    const QString pageDir = pagePath.contains(u'/') ? pagePath.section(u'/', 0, -2) : QString();
    QString resolved = target.startsWith(u'/') ? target.mid(1) : (pageDir.isEmpty() ? target : pageDir % u'/' % target);
    resolved = QDir::cleanPath(resolved);
    if (resolved.startsWith(u"../"_s) || resolved == u".."_s)
        return href; // outside the guide: left alone, and the link check reports it
    if (style == LinkStyle::Scheme)
        return guideUrlPrefix() % resolved % fragment;
    const QString file = exportFileName(resolved);
    return (file == exportFileName(pagePath) ? QString() : relativeTo(pageDir, file)) % fragment;
}

RenderedPage renderPage(const QString &pagePath, const QString &markdown, const RenderOptions &options)
{
    RenderedPage page;
    page.path = pagePath;
    const QList<LiveFact> facts = findLiveFacts(markdown);
    QString source;
    source.reserve(markdown.size());
    qsizetype pos = 0;
    for (int i = 0; i < int(facts.size()); ++i) {
        source.append(QStringView(markdown).mid(pos, facts.at(i).start - pos));
        source.append(kFactOpen % QString::number(i) % kFactClose);
        pos = facts.at(i).start + facts.at(i).length;
    }
    source.append(QStringView(markdown).mid(pos));

    const RenderResult md = renderMarkdown(source);
    page.ok = md.ok;
    Context ctx{pagePath, options, facts, {}, {}, &page};
    if (pagePath == u"GLOSSARY.md"_s) {
        // The glossary page defines the terms; linking them to themselves helps nobody.
        for (int i = 0; options.glossary && i < int(options.glossary->terms().size()); ++i)
            ctx.usedTerms.insert(i);
    }

    const QString &html = md.html;
    QString body;
    body.reserve(html.size() * 5 / 4);
    pos = 0;
    static const QRegularExpression headingOpen(u"<h([1-6])>"_s);
    while (pos < html.size()) {
        const QRegularExpressionMatch m = headingOpen.match(html, pos);
        const qsizetype next = m.hasMatch() ? m.capturedStart(0) : html.size();
        body.append(rewriteFragment(ctx, QStringView(html).mid(pos, next - pos), true));
        if (!m.hasMatch())
            break;
        const QString level = m.captured(1);
        const QString closeTag = u"</h"_s % level % u'>';
        const qsizetype innerFrom = m.capturedEnd(0);
        qsizetype close = html.indexOf(closeTag, innerFrom);
        if (close < 0)
            close = html.size();
        const QStringView inner = QStringView(html).mid(innerFrom, close - innerFrom);
        const QString plain = decodeEntities(stripTags(expandFacts(ctx, inner, true)));
        const QString id = ctx.slugs.unique(plain);
        page.anchors.append(id);
        if (level == u"1"_s && page.title.isEmpty())
            page.title = plain.trimmed();
        body.append(u"<h"_s % level % u" id=\""_s % id.toHtmlEscaped() % u"\">"_s % rewriteFragment(ctx, inner, false)
                    % u"<a class=\"lda-anchor\" href=\"#"_s % id.toHtmlEscaped() % u"\" aria-label=\"Link to this section\">#</a>"_s
                    % closeTag);
        pos = std::min(html.size(), close + closeTag.size());
    }
    page.body = body;
    return page;
}

QList<std::pair<QString, QString>> documentAssets()
{
    return {{u"guide.css"_s, u":/guide/guide.css"_s},
            {u"guide.js"_s, u":/guide/guide.js"_s},
            {u"highlight.min.js"_s, u":/guide/highlight.min.js"_s},
            {u"highlight.js-LICENSE.txt"_s, u":/guide/highlight.js-LICENSE.txt"_s}};
}

namespace {

// A compiled-in asset put inline into viewer pages, with the CSP source that allows exactly it.
struct InlineAsset
{
    QString text;
    QString cspHash; // 'sha256-...' of the UTF-8 text
    bool ok = false; // false: the asset cannot be inlined (missing, or would end its element early)
};

InlineAsset inlineAsset(const QString &resource, const QString &closeTag)
{
    InlineAsset asset;
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly))
        return asset;
    const QByteArray data = file.readAll();
    asset.text = QString::fromUtf8(data);
    asset.cspHash = u"'sha256-"_s % QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toBase64())
        % u'\'';
    asset.ok = !asset.text.contains(closeTag, Qt::CaseInsensitive) && !asset.text.contains(u"<!--"_s);
    return asset;
}

// Viewer pages carry their stylesheet and scripts inline: one request per page instead of four round
// trips through the scheme handler on the GUI thread, the stylesheet one of them render-blocking.
struct InlineAssets
{
    InlineAsset css = inlineAsset(u":/guide/guide.css"_s, u"</style"_s);
    InlineAsset highlighter = inlineAsset(u":/guide/highlight.min.js"_s, u"</script"_s);
    InlineAsset script = inlineAsset(u":/guide/guide.js"_s, u"</script"_s);
};

const InlineAssets &inlineAssets()
{
    static const InlineAssets assets;
    return assets;
}

} // namespace

QString pageDocument(const RenderedPage &page, const DocumentOptions &options)
{
    const bool scheme = options.links == LinkStyle::Scheme;
    const QString pageDir = page.path.contains(u'/') ? page.path.section(u'/', 0, -2) : QString();
    const QString assets = scheme ? guideUrlPrefix() % u"_assets/"_s : relativeTo(pageDir, u"_assets/x"_s).chopped(1);
    const bool hasCode = page.body.contains(u"<pre"_s);
    const InlineAssets &inl = inlineAssets();
    const bool inlined = scheme && inl.css.ok && inl.highlighter.ok && inl.script.ok;
    const QString scriptHashes = inlined ? u' ' % inl.script.cspHash % (hasCode ? u' ' % inl.highlighter.cspHash : QString())
                                         : QString();
    const QString csp = scheme
        ? u"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src guide: qrc:; img-src guide: qrc: data:;"
          " style-src guide: qrc: 'unsafe-inline'; script-src guide: qrc:"_s
            % scriptHashes % u"; connect-src 'none'; frame-src 'none'\">"_s
        : u"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; img-src 'self' data:;"
          " style-src 'self' 'unsafe-inline'; connect-src 'none'\">"_s;
    const QString home = scheme ? QString() : u"<nav class=\"lda-nav\"><a href=\""_s
            % relativeTo(pageDir, u"README.html"_s) % u"\">Guide home</a> · <a href=\""_s
            % relativeTo(pageDir, u"GLOSSARY.html"_s) % u"\">Glossary</a></nav>"_s;
    // highlight.js only where there is code; a plain script before guide.js, which uses it.
    const QString style = inlined ? u"<style>"_s % inl.css.text % u"</style>"_s
                                  : u"<link rel=\"stylesheet\" href=\""_s % assets % u"guide.css\">"_s;
    const QString highlighter = !hasCode ? QString()
        : inlined                        ? u"<script>"_s % inl.highlighter.text % u"</script>"_s
                                         : u"<script src=\""_s % assets % u"highlight.min.js\"></script>"_s;
    const QString script = inlined ? u"<script>"_s % inl.script.text % u"</script>"_s
                                   : u"<script src=\""_s % assets % u"guide.js\"></script>"_s;
    return u"<!DOCTYPE html>\n<html lang=\"en\" class=\""_s % (options.theme == Theme::Dark ? u"dark"_s : u"light"_s)
        % u"\"><head><meta charset=\"utf-8\">"_s % csp
        % u"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"_s
        % page.title.toHtmlEscaped() % u"</title>"_s % style % u"</head>\n<body>"_s % home
        % u"<main class=\"lda-page\">\n"_s % page.body % u"</main>\n"_s % highlighter % script
        % u"</body></html>\n"_s;
}

} // namespace lda::core::guide
