#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace lda::core::util {

// Plain-text and CSV renderings of a table, shared by the command line and the exports.
struct Table
{
    QStringList headers;
    QList<QStringList> rows;
};

// Columns padded to their widest cell, a rule under the header; numbers are right-aligned.
[[nodiscard]] QString toTextTable(const Table &table);
// RFC 4180: fields with comma, quote or newline are quoted, quotes doubled; lines end with \r\n.
[[nodiscard]] QString toCsv(const Table &table);
[[nodiscard]] QString csvField(const QString &value);
// A GitHub-flavoured Markdown table; '|' in cells is escaped.
[[nodiscard]] QString toMarkdownTable(const Table &table);

// "$1,234.56"-style money for display; NaN/inf never reach here (callers validate).
[[nodiscard]] QString formatUsd(double value, int decimals = 2);
// A number for JSON/CSV without trailing zeros ("3", "0.075").
[[nodiscard]] QString formatNumber(double value);

} // namespace lda::core::util
