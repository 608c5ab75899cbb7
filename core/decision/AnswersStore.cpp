#include "AnswersStore.h"

#include "kb/UserDatabase.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace lda::core::decision {

namespace {

SavedAnswers fromRow(const QSqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toString(),
            QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object(), q.value(3).toString(),
            q.value(4).toString()};
}

} // namespace

AnswersStore::AnswersStore(const kb::UserDatabase &db)
    : m_db(db)
{
}

QList<SavedAnswers> AnswersStore::list() const
{
    QList<SavedAnswers> out;
    QSqlQuery q(m_db.database());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT id, name, answers_json, created_at, updated_at FROM wizard_answers ORDER BY name"_s))
        return out;
    while (q.next())
        out.append(fromRow(q));
    return out;
}

std::optional<SavedAnswers> AnswersStore::find(const QString &name) const
{
    QSqlQuery q(m_db.database());
    q.prepare(u"SELECT id, name, answers_json, created_at, updated_at FROM wizard_answers WHERE name = ?"_s);
    q.addBindValue(name);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return fromRow(q);
}

bool AnswersStore::save(const QString &name, const QJsonObject &answers, QString *error)
{
    if (name.trimmed().isEmpty()) {
        *error = u"a name is needed to save answers"_s;
        return false;
    }
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    QSqlQuery q(m_db.database());
    q.prepare(u"INSERT INTO wizard_answers (name, answers_json, created_at, updated_at) VALUES (?, ?, ?, ?)"
              " ON CONFLICT(name) DO UPDATE SET answers_json = excluded.answers_json,"
              " updated_at = excluded.updated_at"_s);
    q.addBindValue(name.trimmed());
    q.addBindValue(QString::fromUtf8(QJsonDocument(answers).toJson(QJsonDocument::Compact)));
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec()) {
        *error = u"cannot save answers '"_s % name % u"': "_s % q.lastError().text();
        return false;
    }
    return true;
}

bool AnswersStore::remove(const QString &name, QString *error)
{
    QSqlQuery q(m_db.database());
    q.prepare(u"DELETE FROM wizard_answers WHERE name = ?"_s);
    q.addBindValue(name);
    if (!q.exec()) {
        *error = u"cannot delete answers '"_s % name % u"': "_s % q.lastError().text();
        return false;
    }
    return true;
}

} // namespace lda::core::decision
