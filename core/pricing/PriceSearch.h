#pragma once

#include <QBitArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace lda::core::pricing {

// The filter rule of the Prices table, kept out of the proxy model so that it is unit-tested and fast:
// each row is reduced once to a provider and one case-folded text; a query matches a row when every
// whitespace-separated word occurs in it (and the provider matches, when one is given).
class PriceSearch final
{
public:
    struct Row
    {
        QString provider;
        QStringList fields; // what the user can search: names, ids, source, as-of, origin, flags
    };

    void setRows(const QList<Row> &rows);
    [[nodiscard]] qsizetype size() const { return m_providers.size(); }
    // One bit per row, set when the row passes.
    [[nodiscard]] QBitArray match(const QString &provider, const QString &query) const;

private:
    QStringList m_providers;
    QStringList m_text;
};

} // namespace lda::core::pricing
