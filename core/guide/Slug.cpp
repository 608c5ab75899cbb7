#include "Slug.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace lda::core::guide {

QString githubSlug(QStringView headingText)
{
    QString slug;
    slug.reserve(headingText.size());
    for (QChar c : headingText) {
        if (c.isLetterOrNumber() || c == u'-' || c == u'_')
            slug.append(c.toLower());
        else if (c == u' ')
            slug.append(u'-');
    }
    return slug;
}

QString SlugRegistry::unique(QStringView headingText)
{
    const QString base = githubSlug(headingText);
    auto it = m_seen.find(base);
    if (it == m_seen.end()) {
        m_seen.insert(base, 0);
        return base;
    }
    QString candidate;
    do {
        ++it.value();
        candidate = base % u'-' % QString::number(it.value());
    } while (m_seen.contains(candidate));
    m_seen.insert(candidate, 0);
    return candidate;
}

QString plainHeadingText(QStringView markdownHeading)
{
    static const QRegularExpression link(u"!?\\[([^\\]]*)\\]\\([^)]*\\)"_s);
    static const QRegularExpression comment(u"<!--.*?-->"_s);
    QString text = markdownHeading.toString();
    text.replace(comment, QString());
    text.replace(link, u"\\1"_s);
    text.remove(u'`');
    text.remove(u'*');
    // Underscores used for emphasis are dropped by GitHub too, but only at word boundaries.
    static const QRegularExpression underscoreEmphasis(u"(^|\\s)_+|_+(\\s|$)"_s);
    text.replace(underscoreEmphasis, u"\\1\\2"_s);
    return text.trimmed();
}

} // namespace lda::core::guide
