#include "PriceSearch.h"

using namespace Qt::StringLiterals;

namespace lda::core::pricing {

void PriceSearch::setRows(const QList<Row> &rows)
{
    m_providers.clear();
    m_text.clear();
    m_providers.reserve(rows.size());
    m_text.reserve(rows.size());
    for (const Row &r : rows) {
        m_providers.append(r.provider);
        // A separator that no query word contains keeps words from matching across two fields.
        m_text.append(r.fields.join(u'\x1f').toCaseFolded());
    }
}

QBitArray PriceSearch::match(const QString &provider, const QString &query) const
{
    QBitArray bits(int(m_text.size()), false);
    const QStringList words = query.simplified().toCaseFolded().split(u' ', Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < m_text.size(); ++i) {
        if (!provider.isEmpty() && m_providers.at(i) != provider)
            continue;
        const QString &text = m_text.at(i);
        bool ok = true;
        for (const QString &w : words) {
            if (!text.contains(w)) {
                ok = false;
                break;
            }
        }
        if (ok)
            bits.setBit(int(i));
    }
    return bits;
}

} // namespace lda::core::pricing
