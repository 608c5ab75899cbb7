#include "GuideSearch.h"

#include "kb/KnowledgeBase.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcGuideSearch, "lda.core.guide.search")

namespace lda::core::guide {

namespace {

// Splits into FTS5 tokens the way unicode61 would: runs of letters and digits.
QStringList words(QStringView text)
{
    QStringList out;
    QString current;
    for (QChar c : text) {
        if (c.isLetterOrNumber()) {
            current.append(c);
        } else if (!current.isEmpty()) {
            out.append(current);
            current.clear();
        }
    }
    if (!current.isEmpty())
        out.append(current);
    return out;
}

QString quoted(const QStringList &tokens)
{
    return u'"' % tokens.join(u' ') % u'"';
}

// A cheap stand-in for the porter stemmer, only used to find where to cut and what to mark in a snippet.
QString roughStem(const QString &word)
{
    static const QStringList suffixes = {u"ations"_s, u"ation"_s, u"ings"_s, u"ing"_s, u"ies"_s, u"ied"_s,
                                         u"es"_s, u"ed"_s, u"ly"_s, u"s"_s};
    for (const QString &suffix : suffixes) {
        if (word.size() - suffix.size() >= 3 && word.endsWith(suffix))
            return word.chopped(suffix.size());
    }
    return word;
}

// The snippet of a section body: about 25 words around the first match, matches marked. Done here
// rather than with FTS5's snippet(), which re-tokenises every returned row and costs more than the
// ranking itself on this guide's long sections.
QString makeSnippet(const QString &body, const QRegularExpression &terms)
{
    constexpr qsizetype kBefore = 60;
    constexpr qsizetype kLength = 200;
    QString text = body;
    text.replace(u'|', u' ');
    text.replace(u'#', u' ');
    // Markdown emphasis and code markers are noise in a one-line excerpt (and would clash with markers).
    text.remove(u"**"_s);
    text.remove(u"__"_s);
    text.remove(u'`');
    text = text.simplified();
    qsizetype first = 0;
    const QRegularExpressionMatch m = terms.isValid() ? terms.match(text) : QRegularExpressionMatch();
    if (m.hasMatch())
        first = m.capturedStart(0);
    qsizetype from = std::max<qsizetype>(0, first - kBefore);
    if (from > 0) {
        const qsizetype space = text.indexOf(u' ', from);
        from = space >= 0 && space < first ? space + 1 : from;
    }
    qsizetype to = std::min(text.size(), from + kLength);
    if (to < text.size()) {
        const qsizetype space = text.lastIndexOf(u' ', to);
        to = space > first ? space : to;
    }
    const QString window = text.mid(from, to - from);
    QString out = from > 0 ? u"…"_s : QString();
    qsizetype pos = 0;
    auto it = terms.isValid() ? terms.globalMatch(window) : QRegularExpressionMatchIterator();
    while (it.hasNext()) {
        const QRegularExpressionMatch hit = it.next();
        out.append(QStringView(window).mid(pos, hit.capturedStart(0) - pos));
        out.append(kMarkOpen % hit.captured(0) % kMarkClose);
        pos = hit.capturedEnd(0);
    }
    out.append(QStringView(window).mid(pos));
    if (to < text.size())
        out.append(u"…"_s);
    return out;
}

QRegularExpression termsPattern(const QString &userInput)
{
    QStringList alternatives;
    const QStringList all = words(QStringView(userInput).left(512));
    for (const QString &w : all) {
        if (w.size() >= 2)
            alternatives.append(QRegularExpression::escape(roughStem(w.toLower())));
    }
    if (alternatives.isEmpty())
        return QRegularExpression();
    return QRegularExpression(u"(?<!\\w)(?:"_s % alternatives.join(u'|') % u")\\w*"_s,
                              QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
}

} // namespace

QString snippetHtml(const QString &snippet)
{
    QString html = snippet.toHtmlEscaped();
    html.replace(kMarkOpen, u"<mark>"_s);
    html.replace(kMarkClose, u"</mark>"_s);
    return html;
}

QString snippetText(const QString &snippet, QStringView open, QStringView close)
{
    QString text = snippet;
    text.replace(kMarkOpen, open.toString());
    text.replace(kMarkClose, close.toString());
    return text;
}

QString ftsQuery(const QString &userInput)
{
    QStringList parts;
    bool lastIsWord = false;
    qsizetype pos = 0;
    const QString input = userInput.left(512);
    while (pos < input.size()) {
        const qsizetype quote = input.indexOf(u'"', pos);
        const qsizetype plainEnd = quote < 0 ? input.size() : quote;
        const QStringList plain = words(QStringView(input).mid(pos, plainEnd - pos));
        for (const QString &w : plain)
            parts.append(quoted({w}));
        if (!plain.isEmpty())
            lastIsWord = true;
        if (quote < 0)
            break;
        const qsizetype closeQuote = input.indexOf(u'"', quote + 1);
        const qsizetype phraseEnd = closeQuote < 0 ? input.size() : closeQuote;
        const QStringList phrase = words(QStringView(input).mid(quote + 1, phraseEnd - quote - 1));
        if (!phrase.isEmpty()) {
            parts.append(quoted(phrase));
            // An unterminated phrase is still being typed: let its last word be a prefix.
            lastIsWord = closeQuote < 0;
        }
        pos = phraseEnd + 1;
    }
    if (parts.isEmpty())
        return {};
    // One- and two-letter prefixes match most sections (and cost the most to rank): expand from the
    // third letter on; shorter words are still searched as whole words.
    if (lastIsWord && parts.last().size() > 4)
        parts.last().append(u'*');
    return parts.join(u' ');
}

GuideSearch::GuideSearch(const kb::KnowledgeBase &kb)
    : m_kb(kb)
{
}

QList<SearchHit> GuideSearch::search(const QString &userInput, int limit) const
{
    QList<SearchHit> hits;
    const QString expr = ftsQuery(userInput);
    if (expr.isEmpty() || limit <= 0)
        return hits;
    const QSqlDatabase db = m_kb.database();
    const QRegularExpression terms = termsPattern(userInput);
    QSet<qlonglong> seen;

    // 1 and 2: glossary terms and page titles whose heading matches. Few rows: these are cheap.
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(u"SELECT s.id, s.page, p.title, s.title, s.anchor, s.level, bm25(guide_fts, 8.0, 1.0), s.body"
                  " FROM guide_fts JOIN guide_sections s ON s.id = guide_fts.rowid JOIN guide_pages p ON p.path = s.page"
                  " WHERE guide_fts MATCH ? AND ((s.page = 'GLOSSARY.md' AND s.level = 3) OR s.level = 1)"
                  " ORDER BY bm25(guide_fts, 8.0, 1.0) LIMIT ?"_s);
        q.addBindValue(QString(u"{title} : ("_s % expr % u')'));
        q.addBindValue(limit);
        if (!q.exec())
            qCWarning(lcGuideSearch) << "title search failed:" << q.lastError().text();
        QList<SearchHit> glossary;
        QList<SearchHit> titles;
        while (q.next()) {
            SearchHit h;
            h.page = q.value(1).toString();
            h.title = q.value(2).toString();
            h.section = q.value(3).toString();
            h.anchor = q.value(4).toString();
            const bool isGlossary = h.page == u"GLOSSARY.md"_s && q.value(5).toInt() == 3;
            h.kind = isGlossary ? SearchHit::Kind::Glossary : SearchHit::Kind::PageTitle;
            h.score = (isGlossary ? 2000.0 : 1000.0) - q.value(6).toDouble();
            const QString body = q.value(7).toString();
            h.snippet = makeSnippet(body.trimmed().isEmpty() ? h.section : body, terms);
            if (h.snippet.isEmpty())
                h.snippet = h.section;
            seen.insert(q.value(0).toLongLong());
            (isGlossary ? glossary : titles).append(h);
        }
        hits = glossary + titles;
    }

    // 3: every section by bm25. FTS5 sorts by rank itself, so snippet() runs only for returned rows.
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT f.rowid, s.page, p.title, s.title, s.anchor, f.rank, s.body"
              " FROM guide_fts f JOIN guide_sections s ON s.id = f.rowid JOIN guide_pages p ON p.path = s.page"
              " WHERE guide_fts MATCH ? AND rank MATCH 'bm25(8.0, 1.0)' ORDER BY rank LIMIT ?"_s);
    q.addBindValue(expr);
    q.addBindValue(limit + int(seen.size()));
    if (!q.exec()) {
        qCWarning(lcGuideSearch) << "search failed:" << expr << q.lastError().text();
        return hits.mid(0, limit);
    }
    while (q.next() && hits.size() < limit) {
        if (seen.contains(q.value(0).toLongLong()))
            continue;
        SearchHit h;
        h.page = q.value(1).toString();
        h.title = q.value(2).toString();
        h.section = q.value(3).toString();
        h.anchor = q.value(4).toString();
        h.score = -q.value(5).toDouble();
        const QString body = q.value(6).toString();
        h.snippet = makeSnippet(body.trimmed().isEmpty() ? h.section : body, terms);
        hits.append(h);
    }
    return hits.mid(0, limit);
}

} // namespace lda::core::guide
