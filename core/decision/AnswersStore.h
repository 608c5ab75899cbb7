#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace lda::core::kb {
class UserDatabase;
}

namespace lda::core::decision {

struct SavedAnswers
{
    qint64 id = 0;
    QString name;
    QJsonObject answers; // the answers file form (DESIGN.md §4); validate with answersFromJsonObject
    QString createdAt;
    QString updatedAt;
};

// Named sets of wizard answers in user.db (table wizard_answers, schema v2). Saving a name that exists
// replaces its answers; each write is one statement, so it is atomic.
class AnswersStore final
{
public:
    explicit AnswersStore(const kb::UserDatabase &db);

    [[nodiscard]] QList<SavedAnswers> list() const; // by name
    [[nodiscard]] std::optional<SavedAnswers> find(const QString &name) const;
    bool save(const QString &name, const QJsonObject &answers, QString *error);
    bool remove(const QString &name, QString *error);

private:
    const kb::UserDatabase &m_db;
};

} // namespace lda::core::decision
