#include "ScenarioStore.h"

#include "kb/UserDatabase.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcScenario, "lda.core.scenario")

namespace lda::core::scenario {

namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

std::optional<Scenario> fromQuery(const QSqlQuery &q)
{
    const WorkloadResult r = workloadFromJson(q.value(2).toByteArray(), q.value(1).toString());
    if (!r.ok()) {
        qCWarning(lcScenario) << "skipping unreadable scenario" << q.value(1).toString();
        return std::nullopt;
    }
    return Scenario{q.value(0).toLongLong(), q.value(1).toString(), *r.workload, q.value(3).toString(),
                    q.value(4).toString(), q.value(5).toString()};
}

const QString SelectColumns = u"SELECT id, name, workload_json, notes, created_at, updated_at FROM scenarios "_s;

} // namespace

ScenarioStore::ScenarioStore(const kb::UserDatabase &db)
    : m_db(db)
{
}

QList<Scenario> ScenarioStore::list() const
{
    QList<Scenario> result;
    QSqlQuery q(m_db.database());
    q.exec(SelectColumns % u"WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE"_s);
    while (q.next()) {
        if (std::optional<Scenario> s = fromQuery(q))
            result.append(*s);
    }
    return result;
}

std::optional<Scenario> ScenarioStore::find(qint64 id) const
{
    QSqlQuery q(m_db.database());
    q.prepare(SelectColumns % u"WHERE id = ? AND deleted_at IS NULL"_s);
    q.addBindValue(id);
    if (q.exec() && q.next())
        return fromQuery(q);
    return std::nullopt;
}

std::optional<Scenario> ScenarioStore::findByName(const QString &name) const
{
    QSqlQuery q(m_db.database());
    q.prepare(SelectColumns % u"WHERE name = ? AND deleted_at IS NULL"_s);
    q.addBindValue(name);
    if (q.exec() && q.next())
        return fromQuery(q);
    return std::nullopt;
}

qint64 ScenarioStore::save(const QString &name, const Workload &workload, const QString &notes, QString *error)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        *error = u"a scenario needs a name"_s;
        return 0;
    }
    const QList<WorkloadError> problems = validateWorkload(workload);
    if (!problems.isEmpty()) {
        *error = problems.first().toString();
        return 0;
    }
    Workload stored = workload;
    stored.name = trimmed;
    const QString json = QString::fromUtf8(QJsonDocument(workloadToJson(stored)).toJson(QJsonDocument::Compact));
    QSqlDatabase db = m_db.database();
    if (!db.transaction()) {
        *error = db.lastError().text();
        return 0;
    }
    const auto rollback = [&](const QSqlQuery &q) {
        *error = q.lastError().text();
        db.rollback();
        return qint64(0);
    };
    QSqlQuery q(db);
    // A soft-deleted scenario of the same name gives its name up for good.
    q.prepare(u"DELETE FROM scenarios WHERE name = ? AND deleted_at IS NOT NULL"_s);
    q.addBindValue(trimmed);
    if (!q.exec())
        return rollback(q);
    const QString stamp = now();
    q.prepare(u"INSERT INTO scenarios(name, workload_json, created_at, updated_at, notes) VALUES(?, ?, ?, ?, ?)"
              " ON CONFLICT(name) DO UPDATE SET workload_json = excluded.workload_json,"
              " updated_at = excluded.updated_at, notes = excluded.notes"_s);
    q.addBindValue(trimmed);
    q.addBindValue(json);
    q.addBindValue(stamp);
    q.addBindValue(stamp);
    q.addBindValue(notes.isNull() ? u""_s : notes); // NOT NULL column: a null QString binds as NULL
    if (!q.exec())
        return rollback(q);
    q.prepare(u"SELECT id FROM scenarios WHERE name = ?"_s);
    q.addBindValue(trimmed);
    if (!q.exec() || !q.next())
        return rollback(q);
    const qint64 id = q.value(0).toLongLong();
    if (!db.commit()) {
        *error = db.lastError().text();
        db.rollback();
        return 0;
    }
    return id;
}

QString ScenarioStore::uniqueName(const QString &name) const
{
    // "X (copy)" duplicated again becomes "X (copy 2)", not "X (copy) (copy)".
    static const QRegularExpression copySuffix(uR"( \(copy( [0-9]+)?\)$)"_s);
    const QString base = QString(name).remove(copySuffix);
    if (!findByName(base))
        return base;
    for (int i = 1;; ++i) {
        const QString candidate =
            i == 1 ? QString(base % u" (copy)"_s) : QString(base % u" (copy "_s % QString::number(i) % u')');
        if (!findByName(candidate))
            return candidate;
    }
}

qint64 ScenarioStore::duplicate(qint64 id, QString *error)
{
    const std::optional<Scenario> s = find(id);
    if (!s) {
        *error = u"no such scenario"_s;
        return 0;
    }
    return save(uniqueName(s->name), s->workload, s->notes, error);
}

bool ScenarioStore::softDelete(qint64 id, QString *error)
{
    QSqlQuery q(m_db.database());
    q.prepare(u"UPDATE scenarios SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL"_s);
    q.addBindValue(now());
    q.addBindValue(id);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    if (q.numRowsAffected() != 1) {
        *error = u"no such scenario"_s;
        return false;
    }
    return true;
}

bool ScenarioStore::undoDelete(qint64 id, QString *error)
{
    QSqlQuery q(m_db.database());
    q.prepare(u"UPDATE scenarios SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL"_s);
    q.addBindValue(id);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    if (q.numRowsAffected() != 1) {
        *error = u"nothing to undo"_s;
        return false;
    }
    return true;
}

} // namespace lda::core::scenario
