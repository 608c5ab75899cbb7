#include "PriceCatalogue.h"

#include "kb/KnowledgeBase.h"
#include "kb/UserDatabase.h"

#include <QHash>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace lda::core::pricing {

namespace {

std::optional<double> optDouble(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

} // namespace

QString originName(PriceOrigin origin)
{
    switch (origin) {
    case PriceOrigin::Shipped:
        return u"shipped"_s;
    case PriceOrigin::Import:
        return u"import"_s;
    case PriceOrigin::Override:
        return u"override"_s;
    }
    return {};
}

PriceCatalogue::PriceCatalogue(const kb::KnowledgeBase &kb, const kb::UserDatabase *user)
    : m_kb(kb)
    , m_user(user)
{
}

QList<Price> PriceCatalogue::shippedPrices() const
{
    QList<Price> result;
    QSqlQuery q(m_kb.database());
    q.setForwardOnly(true);
    q.exec(u"SELECT p.option_id, p.model_id, input_per_mtok, output_per_mtok, cached_input_per_mtok,"
           " cache_write_per_mtok, batch_discount, regional_premium, tier_threshold, tier_input_per_mtok,"
           " tier_output_per_mtok, as_of, source, confidence, p.note"
           " FROM prices p JOIN options o ON o.id = p.option_id"
           " ORDER BY o.sort_order, p.model_id"_s);
    while (q.next()) {
        Price p;
        p.optionId = q.value(0).toString();
        p.modelId = q.value(1).toString();
        p.inputPerMTok = q.value(2).toDouble();
        p.outputPerMTok = q.value(3).toDouble();
        p.cachedInputPerMTok = optDouble(q.value(4));
        p.cacheWritePerMTok = optDouble(q.value(5));
        p.batchDiscount = optDouble(q.value(6));
        p.regionalPremium = optDouble(q.value(7));
        if (!q.value(8).isNull())
            p.tierThreshold = q.value(8).toLongLong();
        p.tierInputPerMTok = optDouble(q.value(9));
        p.tierOutputPerMTok = optDouble(q.value(10));
        p.asOf = q.value(11).toString();
        p.source = q.value(12).toString();
        p.confidence = q.value(13).toString();
        p.note = q.value(14).toString();
        result.append(p);
    }
    return result;
}

QList<Price> PriceCatalogue::resolvedPrices(const PriceFilter &filter) const
{
    QList<Price> prices = shippedPrices();
    if (m_user) {
        QHash<QString, qsizetype> index;
        for (qsizetype i = 0; i < prices.size(); ++i)
            index.insert(prices[i].optionId % u'/' % prices[i].modelId, i);
        QSqlQuery q(m_user->database());
        q.exec(u"SELECT option_id, model_id, input_per_mtok, output_per_mtok, cached_input_per_mtok, note, created_at"
               " FROM price_overrides"_s);
        while (q.next()) {
            const auto it = index.constFind(q.value(0).toString() % u'/' % q.value(1).toString());
            if (it == index.cend())
                continue; // an override of a price the knowledge base no longer has: ignored
            Price &p = prices[*it];
            p.inputPerMTok = q.value(2).toDouble();
            p.outputPerMTok = q.value(3).toDouble();
            if (!q.value(4).isNull())
                p.cachedInputPerMTok = q.value(4).toDouble();
            p.note = q.value(5).toString();
            p.asOf = q.value(6).toString().left(10);
            p.source = u"user override"_s;
            p.confidence = u"V"_s;
            p.origin = PriceOrigin::Override;
        }
    }
    if (filter.provider.isEmpty() && filter.optionId.isEmpty() && filter.modelId.isEmpty())
        return prices;

    QHash<QString, QString> providerOf;
    if (!filter.provider.isEmpty()) {
        const QList<kb::DeploymentOption> options = m_kb.options();
        for (const kb::DeploymentOption &o : options)
            providerOf.insert(o.id, o.provider);
    }
    QList<Price> filtered;
    for (const Price &p : std::as_const(prices)) {
        if (!filter.optionId.isEmpty() && p.optionId != filter.optionId)
            continue;
        if (!filter.modelId.isEmpty() && p.modelId != filter.modelId)
            continue;
        if (!filter.provider.isEmpty() && providerOf.value(p.optionId) != filter.provider)
            continue;
        filtered.append(p);
    }
    return filtered;
}

std::optional<Price> PriceCatalogue::resolved(const QString &optionId, const QString &modelId) const
{
    const QList<Price> prices = resolvedPrices({QString(), optionId, modelId});
    if (prices.isEmpty())
        return std::nullopt;
    return prices.first();
}

} // namespace lda::core::pricing
