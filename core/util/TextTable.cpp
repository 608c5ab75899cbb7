#include "TextTable.h"

#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace lda::core::util {

static bool looksNumeric(const QString &s)
{
    static const QRegularExpression number(u"^[-+$]?[0-9][0-9,]*(\\.[0-9]+)?%?$"_s);
    return number.match(s).hasMatch();
}

QString toTextTable(const Table &table)
{
    const qsizetype columns = table.headers.size();
    QList<qsizetype> widths(columns, 0);
    for (qsizetype c = 0; c < columns; ++c)
        widths[c] = table.headers[c].size();
    for (const QStringList &row : table.rows) {
        for (qsizetype c = 0; c < columns && c < row.size(); ++c)
            widths[c] = std::max(widths[c], row[c].size());
    }
    QString out;
    const auto line = [&](const QStringList &cells, bool header) {
        QString text;
        for (qsizetype c = 0; c < columns; ++c) {
            const QString cell = c < cells.size() ? cells[c] : QString();
            const bool right = !header && looksNumeric(cell);
            text += right ? cell.rightJustified(widths[c]) : cell.leftJustified(widths[c]);
            if (c + 1 < columns)
                text += u"  "_s;
        }
        while (text.endsWith(u' '))
            text.chop(1);
        out += text % u'\n';
    };
    line(table.headers, true);
    QStringList rules;
    for (qsizetype w : std::as_const(widths))
        rules.append(QString(w, u'-'));
    line(rules, true);
    for (const QStringList &row : table.rows)
        line(row, false);
    return out;
}

QString csvField(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') && !value.contains(u'\r'))
        return value;
    QString escaped = value;
    escaped.replace(u"\""_s, u"\"\""_s);
    return u'"' % escaped % u'"';
}

QString toCsv(const Table &table)
{
    QString out;
    const auto line = [&](const QStringList &cells) {
        QStringList fields;
        for (const QString &c : cells)
            fields.append(csvField(c));
        out += fields.join(u',') % u"\r\n"_s;
    };
    line(table.headers);
    for (const QStringList &row : table.rows)
        line(row);
    return out;
}

QString toMarkdownTable(const Table &table)
{
    const auto escape = [](QString s) {
        s.replace(u"|"_s, u"\\|"_s);
        s.replace(u'\n', u' ');
        return s;
    };
    QString out = u"| "_s;
    QStringList headers;
    for (const QString &h : table.headers)
        headers.append(escape(h));
    out += headers.join(u" | "_s) % u" |\n|"_s;
    for (qsizetype i = 0; i < table.headers.size(); ++i)
        out += u"---|"_s;
    out += u'\n';
    for (const QStringList &row : table.rows) {
        QStringList cells;
        for (const QString &c : row)
            cells.append(escape(c));
        out += u"| "_s % cells.join(u" | "_s) % u" |\n"_s;
    }
    return out;
}

QString formatUsd(double value, int decimals)
{
    static const QLocale english(QLocale::English, QLocale::UnitedStates);
    const QString digits = english.toString(std::abs(value), 'f', decimals);
    return (value < 0 ? u"-$"_s : u"$"_s) % digits;
}

QString formatNumber(double value)
{
    if (std::floor(value) == value && std::abs(value) < 1e15)
        return QString::number(qint64(value));
    return QString::number(value, 'g', 12);
}

} // namespace lda::core::util
