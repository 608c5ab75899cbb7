#include "KbSource.h"

#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace lda::core::kb {

QString Diagnostic::toString() const
{
    return file % u':' % QString::number(line) % u": " % message;
}

const SourceField *SourceRecord::field(QStringView key) const
{
    for (const SourceField &f : fields) {
        if (f.key == key)
            return &f;
    }
    return nullptr;
}

QString SourceRecord::value(QStringView key) const
{
    const SourceField *f = field(key);
    return f ? f->value : QString();
}

QList<const SourceField *> SourceRecord::all(QStringView key) const
{
    QList<const SourceField *> result;
    for (const SourceField &f : fields) {
        if (f.key == key)
            result.append(&f);
    }
    return result;
}

bool isValidRecordId(QStringView id)
{
    if (id.isEmpty() || id.size() > 200)
        return false;
    for (QChar c : id) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'.' || u == u'-'
            || u == u'_' || u == u'/' || u == u'@' || u == u'*';
        if (!ok)
            return false;
    }
    return true;
}

static bool isValidKey(QStringView key)
{
    if (key.isEmpty())
        return false;
    for (QChar c : key) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'.' || u == u'-' || u == u'_';
        if (!ok)
            return false;
    }
    return true;
}

SourceParseResult parseKbSource(const QString &fileName, QByteArrayView utf8Text)
{
    SourceParseResult result;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(utf8Text);
    if (decoder.hasError()) {
        result.errors.append({fileName, 1, u"the file is not valid UTF-8"_s});
        return result;
    }

    SourceRecord *current = nullptr;
    const QList<QStringView> lines = QStringView(text).split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNo = int(i + 1);
        const QStringView line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;

        if (line.startsWith(u'[')) {
            if (!line.endsWith(u']')) {
                result.errors.append({fileName, lineNo, u"record header must end with ']'"_s});
                current = nullptr;
                continue;
            }
            const QStringView inner = line.mid(1, line.size() - 2).trimmed();
            const qsizetype space = inner.indexOf(u' ');
            if (space <= 0) {
                result.errors.append({fileName, lineNo, u"record header must be '[type id]'"_s});
                current = nullptr;
                continue;
            }
            const QString type = inner.left(space).toString();
            const QString id = inner.mid(space + 1).trimmed().toString();
            if (!isValidRecordId(id)) {
                result.errors.append({fileName, lineNo,
                                      u"invalid record id '"_s % id
                                          % u"' (use lower-case letters, digits and . - _ / @)"_s});
                current = nullptr;
                continue;
            }
            result.records.append(SourceRecord{type, id, fileName, lineNo, {}});
            current = &result.records.last();
            continue;
        }

        const qsizetype eq = line.indexOf(u'=');
        if (eq < 0) {
            result.errors.append({fileName, lineNo, u"expected 'key = value' or '[type id]'"_s});
            continue;
        }
        const QString key = line.left(eq).trimmed().toString();
        const QString value = line.mid(eq + 1).trimmed().toString();
        if (!isValidKey(key)) {
            result.errors.append({fileName, lineNo, u"invalid key '"_s % key % u"'"_s});
            continue;
        }
        if (!current) {
            result.errors.append({fileName, lineNo, u"field '"_s % key % u"' outside of a record"_s});
            continue;
        }
        if (value.isEmpty()) {
            result.errors.append({fileName, lineNo, u"field '"_s % key % u"' has an empty value"_s});
            continue;
        }
        current->fields.append({key, value, lineNo});
    }
    return result;
}

} // namespace lda::core::kb
