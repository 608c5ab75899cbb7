#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

namespace lda::core::kb {

// One problem found in a source file, reported as "file:line: message" (the compiler's error format).
struct Diagnostic
{
    QString file;
    int line = 0;
    QString message;

    [[nodiscard]] QString toString() const;
    friend bool operator==(const Diagnostic &, const Diagnostic &) = default;
};

struct SourceField
{
    QString key;
    QString value;
    int line = 0;
};

// A "[type id]" record of a .kb file with its fields in file order (see data/kb/README.md).
struct SourceRecord
{
    QString type;
    QString id;
    QString file;
    int line = 0;
    QList<SourceField> fields;

    [[nodiscard]] const SourceField *field(QStringView key) const;
    [[nodiscard]] QString value(QStringView key) const;
    [[nodiscard]] QList<const SourceField *> all(QStringView key) const;
};

struct SourceParseResult
{
    QList<SourceRecord> records;
    QList<Diagnostic> errors;
};

// Parses the text of one .kb file. Never throws; every malformed line becomes a Diagnostic.
[[nodiscard]] SourceParseResult parseKbSource(const QString &fileName, QByteArrayView utf8Text);

// True for ids made of lower-case letters, digits and . - _ / (the record id alphabet).
[[nodiscard]] bool isValidRecordId(QStringView id);

} // namespace lda::core::kb
