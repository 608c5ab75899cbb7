#include "PriceCatalogue.h"
#include "util/SqlValues.h"

#include "kb/KnowledgeBase.h"
#include "kb/UserDatabase.h"

#include "util/TextTable.h"

#include <QDateTime>
#include <QHash>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace lda::core::pricing {

using util::optDouble;

namespace {

// The primary rows of one snapshot, keyed "option/model".
struct SnapshotRow
{
    QString optionId;
    QString modelId;
    QString key;
    double input = 0;
    double output = 0;
    std::optional<double> cachedInput;
    std::optional<double> cacheWrite;
    std::optional<double> batchInput;
    std::optional<qint64> tierThreshold;
    std::optional<double> tierInput;
    std::optional<double> tierOutput;
};

struct Snapshot
{
    qint64 id = 0;
    QString asOf;
    QString source;
    QHash<QString, SnapshotRow> rows;
};

std::optional<Snapshot> loadSnapshot(const kb::UserDatabase &user, std::optional<qint64> id)
{
    if (!id)
        return std::nullopt;
    QSqlQuery q(user.database());
    q.prepare(u"SELECT as_of, source FROM price_snapshots WHERE id = ?"_s);
    q.addBindValue(*id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    Snapshot s;
    s.id = *id;
    s.asOf = q.value(0).toString();
    s.source = q.value(1).toString();
    q.prepare(u"SELECT option_id, model_id, source_key, input_per_mtok, output_per_mtok, cached_input_per_mtok,"
              " cache_write_per_mtok, batch_input_per_mtok, tier_threshold, tier_input_per_mtok, tier_output_per_mtok"
              " FROM imported_prices WHERE snapshot_id = ? AND is_primary = 1 AND option_id IS NOT NULL"
              " AND input_per_mtok IS NOT NULL AND output_per_mtok IS NOT NULL AND flag IS NULL"_s);
    q.addBindValue(*id);
    q.exec();
    while (q.next()) {
        SnapshotRow r;
        r.optionId = q.value(0).toString();
        r.modelId = q.value(1).toString();
        r.key = q.value(2).toString();
        r.input = q.value(3).toDouble();
        r.output = q.value(4).toDouble();
        r.cachedInput = optDouble(q.value(5));
        r.cacheWrite = optDouble(q.value(6));
        r.batchInput = optDouble(q.value(7));
        if (!q.value(8).isNull())
            r.tierThreshold = q.value(8).toLongLong();
        r.tierInput = optDouble(q.value(9));
        r.tierOutput = optDouble(q.value(10));
        s.rows.insert(r.optionId % u'/' % r.modelId, r);
    }
    return s;
}

bool differs(double imported, double shipped)
{
    if (shipped == 0)
        return imported != 0;
    return std::abs(imported - shipped) / std::abs(shipped) > PriceCatalogue::kDisagreeRatio;
}

void applyImport(Price &p, const SnapshotRow &r, const Snapshot &s)
{
    p.inputPerMTok = r.input;
    p.outputPerMTok = r.output;
    // Figures the file does not have (cache, batch, context tier, regional premium) stay as shipped rather
    // than silently becoming "none", which would under-state long-context and cached costs.
    if (r.cachedInput)
        p.cachedInputPerMTok = r.cachedInput;
    if (r.cacheWrite)
        p.cacheWritePerMTok = r.cacheWrite;
    if (r.batchInput && r.input > 0)
        p.batchDiscount = std::round((1 - *r.batchInput / r.input) * 1000) / 1000;
    if (r.tierThreshold) {
        p.tierThreshold = r.tierThreshold;
        p.tierInputPerMTok = r.tierInput;
        p.tierOutputPerMTok = r.tierOutput;
    }
    p.asOf = s.asOf;
    p.source = s.source % u" ("_s % r.key % u')';
    p.confidence = u"C"_s;
    p.origin = PriceOrigin::Import;
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

QDate PriceCatalogue::today() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc().date();
}

bool PriceCatalogue::isStale(const QString &asOf) const
{
    const QDate date = QDate::fromString(asOf, Qt::ISODate);
    return date.isValid() && date.daysTo(today()) > kStaleAfterDays;
}

std::optional<qint64> PriceCatalogue::latestSnapshotId() const
{
    if (!m_user)
        return std::nullopt;
    QSqlQuery q(m_user->database());
    if (q.exec(u"SELECT id FROM price_snapshots ORDER BY as_of DESC, id DESC LIMIT 1"_s) && q.next())
        return q.value(0).toLongLong();
    return std::nullopt;
}

std::optional<qint64> PriceCatalogue::chosenSnapshotId() const
{
    if (!m_user)
        return std::nullopt;
    const QString choice = m_user->setting(u"prices/use_snapshot"_s, u"none"_s);
    if (choice == u"latest"_s)
        return latestSnapshotId();
    bool ok = false;
    const qint64 id = choice.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    QSqlQuery q(m_user->database());
    q.prepare(u"SELECT 1 FROM price_snapshots WHERE id = ?"_s);
    q.addBindValue(id);
    return q.exec() && q.next() ? std::optional<qint64>(id) : std::nullopt;
}

QList<Price> PriceCatalogue::resolvedPrices(const PriceFilter &filter) const
{
    QList<Price> prices = shippedPrices();
    if (m_user) {
        QHash<QString, qsizetype> index;
        for (qsizetype i = 0; i < prices.size(); ++i)
            index.insert(prices[i].optionId % u'/' % prices[i].modelId, i);
        const std::optional<Snapshot> latest = loadSnapshot(*m_user, latestSnapshotId());
        const std::optional<qint64> chosenId = chosenSnapshotId();
        const std::optional<Snapshot> chosen =
            chosenId && latest && *chosenId == latest->id ? latest : loadSnapshot(*m_user, chosenId);
        // "Sources disagree": always against the newest import, whether or not the user chose to use it.
        if (latest) {
            for (Price &p : prices) {
                const auto it = latest->rows.constFind(p.optionId % u'/' % p.modelId);
                if (it == latest->rows.cend())
                    continue;
                if (differs(it->input, p.inputPerMTok) || differs(it->output, p.outputPerMTok)) {
                    p.sourcesDisagree = true;
                    p.disagreement = u"shipped "_s % util::formatNumber(p.inputPerMTok) % u" / "_s
                        % util::formatNumber(p.outputPerMTok) % u" ("_s % p.asOf % u"), "_s % latest->source
                        % u" "_s % util::formatNumber(it->input) % u" / "_s % util::formatNumber(it->output)
                        % u" ("_s % latest->asOf % u')';
                }
            }
        }
        if (chosen) {
            for (auto it = chosen->rows.cbegin(); it != chosen->rows.cend(); ++it) {
                const auto at = index.constFind(it.key());
                if (at == index.cend()) {
                    // A model/option the knowledge base lists without a shipped price: the import fills it.
                    Price p;
                    p.optionId = it->optionId;
                    p.modelId = it->modelId;
                    index.insert(it.key(), prices.size());
                    prices.append(p);
                    applyImport(prices.last(), *it, *chosen);
                } else {
                    applyImport(prices[*at], *it, *chosen);
                }
            }
        }
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
    // The user's own figure does not go stale by our clock; shipped and imported ones do.
    for (Price &p : prices)
        p.stale = p.origin != PriceOrigin::Override && isStale(p.asOf);
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

QList<PricePoint> PriceCatalogue::history(const QString &modelId, const QString &optionId) const
{
    QList<PricePoint> points;
    const QList<Price> shipped = shippedPrices();
    for (const Price &p : shipped) {
        if (p.modelId != modelId || (!optionId.isEmpty() && p.optionId != optionId))
            continue;
        points.append({p.optionId, p.asOf, p.inputPerMTok, p.outputPerMTok, PriceOrigin::Shipped, p.source});
    }
    if (m_user) {
        QSqlQuery q(m_user->database());
        q.prepare(u"SELECT i.option_id, s.as_of, i.input_per_mtok, i.output_per_mtok, s.source, i.source_key"
                  " FROM imported_prices i JOIN price_snapshots s ON s.id = i.snapshot_id"
                  " WHERE i.model_id = ? AND (COALESCE(?, '') = '' OR i.option_id = ?) AND i.is_primary = 1 AND i.flag IS NULL"
                  " ORDER BY s.as_of, s.id"_s);
        q.addBindValue(modelId);
        q.addBindValue(optionId);
        q.addBindValue(optionId);
        q.exec();
        while (q.next()) {
            points.append({q.value(0).toString(), q.value(1).toString(), optDouble(q.value(2)), optDouble(q.value(3)),
                           PriceOrigin::Import, q.value(4).toString() % u" ("_s % q.value(5).toString() % u')'});
        }
        q.prepare(u"SELECT option_id, created_at, input_per_mtok, output_per_mtok FROM price_overrides"
                  " WHERE model_id = ? AND (COALESCE(?, '') = '' OR option_id = ?)"_s);
        q.addBindValue(modelId);
        q.addBindValue(optionId);
        q.addBindValue(optionId);
        q.exec();
        while (q.next()) {
            points.append({q.value(0).toString(), q.value(1).toString().left(10), optDouble(q.value(2)),
                           optDouble(q.value(3)), PriceOrigin::Override, u"user override"_s});
        }
    }
    std::stable_sort(points.begin(), points.end(), [](const PricePoint &a, const PricePoint &b) {
        return std::tie(a.asOf, a.origin, a.optionId) < std::tie(b.asOf, b.origin, b.optionId);
    });
    return points;
}

std::optional<PricePoint> PriceCatalogue::priceOn(const QString &optionId, const QString &modelId,
                                                  const QDate &date) const
{
    const QString day = date.toString(Qt::ISODate);
    const QList<PricePoint> points = history(modelId, optionId);
    std::optional<PricePoint> result;
    for (const PricePoint &p : points) {
        if (p.asOf <= day && p.inputPerMTok && p.outputPerMTok)
            result = p;
    }
    return result;
}

} // namespace lda::core::pricing
