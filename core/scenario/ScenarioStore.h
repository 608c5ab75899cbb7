#pragma once

#include "Workload.h"

#include <QList>
#include <QString>

namespace lda::core::kb {
class UserDatabase;
}

namespace lda::core::scenario {

// A saved scenario: a named workload with notes, kept in user.db.
struct Scenario
{
    qint64 id = 0;
    QString name;
    Workload workload;
    QString notes;
    QString createdAt;
    QString updatedAt;
};

// The user's scenarios in user.db (table scenarios, schema v2). Every write is one transaction, so a
// crash leaves either the old or the new row. Delete is soft (deleted_at) so it can be undone.
class ScenarioStore final
{
public:
    explicit ScenarioStore(const kb::UserDatabase &db);

    [[nodiscard]] QList<Scenario> list() const; // not deleted, by name
    [[nodiscard]] std::optional<Scenario> find(qint64 id) const;
    [[nodiscard]] std::optional<Scenario> findByName(const QString &name) const;

    // Inserts, or replaces the scenario of the same name. Returns the id, or 0 with *error set.
    qint64 save(const QString &name, const Workload &workload, const QString &notes, QString *error);
    // A copy named "<name> (copy)", "<name> (copy 2)", ...; returns the new id or 0.
    qint64 duplicate(qint64 id, QString *error);
    bool softDelete(qint64 id, QString *error);
    bool undoDelete(qint64 id, QString *error);
    // A name not yet used by a live scenario, based on `base`.
    [[nodiscard]] QString uniqueName(const QString &name) const;

private:
    const kb::UserDatabase &m_db;
};

} // namespace lda::core::scenario
