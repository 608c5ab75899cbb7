#include "GuideSource.h"

#include "Slug.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace lda::core::guide {

namespace {

bool isFence(QStringView trimmed)
{
    return trimmed.startsWith(u"```") || trimmed.startsWith(u"~~~");
}

// Returns the heading level (1-6) of an ATX heading line, or 0.
int headingLevel(QStringView line)
{
    int level = 0;
    while (level < line.size() && line.at(level) == u'#')
        ++level;
    if (level == 0 || level > 6 || level >= line.size() || line.at(level) != u' ')
        return 0;
    return level;
}

QString searchableText(const QString &markdown)
{
    static const QRegularExpression comment(u"<!--.*?-->"_s, QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression link(u"!?\\[([^\\]]*)\\]\\([^)]*\\)"_s);
    QString text = markdown;
    text.replace(comment, QString());
    text.replace(link, u"\\1"_s);
    return text;
}

} // namespace

QList<PageSection> splitSections(const QString &markdown)
{
    QList<PageSection> sections;
    SlugRegistry slugs;
    PageSection current;
    QString body;
    bool inFence = false;

    const auto flush = [&]() {
        current.body = searchableText(body).trimmed();
        if (!current.title.isEmpty() || !current.body.isEmpty())
            sections.append(current);
        body.clear();
    };

    const QStringList lines = markdown.split(u'\n');
    for (const QString &line : lines) {
        const QStringView trimmed = QStringView(line).trimmed();
        if (isFence(trimmed)) {
            inFence = !inFence;
            continue;
        }
        const int level = inFence ? 0 : headingLevel(line);
        if (level > 0) {
            flush();
            current = PageSection{};
            current.level = level;
            current.title = plainHeadingText(QStringView(line).mid(level + 1));
            current.anchor = slugs.unique(current.title);
            continue;
        }
        body.append(line);
        body.append(u'\n');
    }
    flush();
    return sections;
}

QString pageTitle(const QString &markdown)
{
    bool inFence = false;
    const QStringList lines = markdown.split(u'\n');
    for (const QString &line : lines) {
        const QStringView trimmed = QStringView(line).trimmed();
        if (isFence(trimmed)) {
            inFence = !inFence;
            continue;
        }
        if (!inFence && headingLevel(line) == 1)
            return plainHeadingText(QStringView(line).mid(2));
    }
    return {};
}

QList<GlossaryEntry> parseGlossary(const QString &markdown)
{
    static const QRegularExpression usedIn(u"Used in:\\s*\\[[^\\]]*\\]\\(([^)#\\s]+)"_s);
    QList<GlossaryEntry> entries;
    const QList<PageSection> sections = splitSections(markdown);
    for (const PageSection &section : sections) {
        if (section.level != 3)
            continue;
        GlossaryEntry entry;
        entry.term = section.title;
        entry.anchor = section.anchor;
        const qsizetype paragraphEnd = section.body.indexOf(u"\n\n"_s);
        QString definition = section.body.left(paragraphEnd < 0 ? section.body.size() : paragraphEnd);
        const qsizetype usedAt = definition.indexOf(u"Used in:"_s);
        if (usedAt >= 0)
            definition.truncate(usedAt);
        entry.definition = definition.simplified();
        // Find the link in the raw Markdown of this section: splitSections removed link targets.
        entries.append(entry);
    }
    // Second pass over the raw text to recover each term's "Used in" link target.
    const QStringList lines = markdown.split(u'\n');
    qsizetype index = -1;
    bool inFence = false;
    for (const QString &line : lines) {
        const QStringView trimmed = QStringView(line).trimmed();
        if (isFence(trimmed)) {
            inFence = !inFence;
            continue;
        }
        if (inFence)
            continue;
        const int level = headingLevel(line);
        if (level == 3)
            ++index;
        else if (level > 0 && level < 3)
            continue;
        if (index >= 0 && index < entries.size() && entries[index].usedIn.isEmpty()) {
            const QRegularExpressionMatch m = usedIn.match(line);
            if (m.hasMatch())
                entries[index].usedIn = m.captured(1);
        }
    }
    return entries;
}

} // namespace lda::core::guide
