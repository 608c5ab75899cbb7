#include "PriceStore.h"
#include "util/SqlValues.h"

#include "kb/UserDatabase.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <cmath>

using namespace Qt::StringLiterals;

namespace lda::core::pricing {

using util::optDouble;

namespace {

bool plausible(double v)
{
    return std::isfinite(v) && v >= 0 && v <= 1000;
}

} // namespace

PriceStore::PriceStore(kb::UserDatabase &user)
    : m_user(user)
{
}

QList<PriceSnapshot> PriceStore::snapshots() const
{
    QList<PriceSnapshot> result;
    QSqlQuery q(m_user.database());
    q.exec(u"SELECT id, as_of, source, sha256, imported_at, entries, mapped, flagged, skipped FROM price_snapshots"
           " ORDER BY as_of, id"_s);
    while (q.next()) {
        result.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                       q.value(4).toString(), q.value(5).toInt(), q.value(6).toInt(), q.value(7).toInt(),
                       q.value(8).toInt()});
    }
    return result;
}

QList<ImportedRow> PriceStore::importedRows(qint64 snapshotId) const
{
    QList<ImportedRow> result;
    QSqlQuery q(m_user.database());
    q.setForwardOnly(true);
    q.prepare(u"SELECT source_key, provider, option_id, model_id, input_per_mtok, output_per_mtok, regional,"
              " is_primary, flag FROM imported_prices WHERE snapshot_id = ? ORDER BY source_key"_s);
    q.addBindValue(snapshotId);
    q.exec();
    while (q.next()) {
        result.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                       optDouble(q.value(4)), optDouble(q.value(5)), q.value(6).toBool(), q.value(7).toBool(),
                       q.value(8).toString()});
    }
    return result;
}

QString PriceStore::snapshotChoice() const
{
    return m_user.setting(kUseSnapshotKey, u"none"_s);
}

bool PriceStore::setSnapshotChoice(const QString &choice, QString *error)
{
    if (choice != u"none"_s && choice != u"latest"_s) {
        bool ok = false;
        const qint64 id = choice.toLongLong(&ok);
        QSqlQuery q(m_user.database());
        q.prepare(u"SELECT 1 FROM price_snapshots WHERE id = ?"_s);
        q.addBindValue(id);
        if (!ok || !q.exec() || !q.next()) {
            *error = u"unknown snapshot '"_s % choice % u"' for --snapshot (use an id from prices snapshots, latest or none)"_s;
            return false;
        }
    }
    if (!m_user.setSetting(kUseSnapshotKey, choice)) {
        *error = u"cannot save the setting "_s % kUseSnapshotKey;
        return false;
    }
    return true;
}

bool PriceStore::setOverride(const QString &optionId, const QString &modelId, const OverrideInput &input,
                             QString *error, const QDateTime &now)
{
    const auto check = [&](double v, const QString &field) {
        if (plausible(v))
            return true;
        *error = u"field '"_s % field % u"': "_s % QString::number(v)
            % u" is not a price between 0 and 1000 USD per million tokens"_s;
        return false;
    };
    if (!check(input.inputPerMTok, u"input_per_mtok"_s) || !check(input.outputPerMTok, u"output_per_mtok"_s)
        || (input.cachedInputPerMTok && !check(*input.cachedInputPerMTok, u"cached_input_per_mtok"_s)))
        return false;
    QSqlQuery q(m_user.database());
    q.prepare(u"INSERT INTO price_overrides (option_id, model_id, input_per_mtok, output_per_mtok,"
              " cached_input_per_mtok, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
              " ON CONFLICT(option_id, model_id) DO UPDATE SET input_per_mtok = excluded.input_per_mtok,"
              " output_per_mtok = excluded.output_per_mtok, cached_input_per_mtok = excluded.cached_input_per_mtok,"
              " note = excluded.note, created_at = excluded.created_at"_s);
    q.addBindValue(optionId);
    q.addBindValue(modelId);
    q.addBindValue(input.inputPerMTok);
    q.addBindValue(input.outputPerMTok);
    q.addBindValue(input.cachedInputPerMTok ? QVariant(*input.cachedInputPerMTok)
                                            : QVariant(QMetaType::fromType<double>()));
    q.addBindValue(input.note);
    q.addBindValue(now.toString(Qt::ISODate));
    if (!q.exec()) {
        *error = u"cannot save the override: "_s % q.lastError().text();
        return false;
    }
    return true;
}

bool PriceStore::resetOverride(const QString &optionId, const QString &modelId)
{
    QSqlQuery q(m_user.database());
    q.prepare(u"DELETE FROM price_overrides WHERE option_id = ? AND model_id = ?"_s);
    q.addBindValue(optionId);
    q.addBindValue(modelId);
    return q.exec();
}

bool PriceStore::hasOverride(const QString &optionId, const QString &modelId) const
{
    QSqlQuery q(m_user.database());
    q.prepare(u"SELECT 1 FROM price_overrides WHERE option_id = ? AND model_id = ?"_s);
    q.addBindValue(optionId);
    q.addBindValue(modelId);
    return q.exec() && q.next();
}

} // namespace lda::core::pricing
