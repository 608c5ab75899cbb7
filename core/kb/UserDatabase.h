#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>

namespace lda::core::kb {

// What happened while opening user.db, for the status bar or a one-time message to the user.
struct UserDbOpenReport
{
    int fromVersion = 0;     // schema version found on disk (0 = new file)
    int toVersion = 0;       // schema version after migration
    QString backupPath;      // copy taken before migrating, if any
    QString movedAsidePath;  // where a damaged file was moved, if it was
    QStringList messages;    // sentences for the user
};

// The user's own database (scenarios, answers, bookmarks, imported prices, overrides, settings).
// Opened read-write with WAL and foreign keys; migrated forward in ordered steps with a backup taken
// first; a damaged file is moved aside (never deleted) and a fresh one created.
class UserDatabase final
{
public:
    ~UserDatabase();
    UserDatabase(const UserDatabase &) = delete;
    UserDatabase &operator=(const UserDatabase &) = delete;

    [[nodiscard]] static int currentSchemaVersion();
    // The migration steps, for tests and for documentation: statements that take version i-1 to i.
    [[nodiscard]] static QStringList migrationStatements(int toVersion);

    // Opens (creating if needed) and migrates. Returns null with *error set when the file cannot be
    // used at all (e.g. it was written by a newer version of the app, or the folder is not writable).
    [[nodiscard]] static std::unique_ptr<UserDatabase> open(const QString &path, QString *error,
                                                            UserDbOpenReport *report = nullptr);
    // A private in-memory database (for a read-only data folder, tests and fuzzing).
    [[nodiscard]] static std::unique_ptr<UserDatabase> openInMemory(QString *error);

    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] bool isInMemory() const { return m_path == u":memory:"; }
    [[nodiscard]] QSqlDatabase database() const; // the connection for the calling thread
    [[nodiscard]] int schemaVersion() const;

    // Simple typed key/value storage for settings that travel with the user's data.
    [[nodiscard]] QString setting(const QString &key, const QString &defaultValue = {}) const;
    bool setSetting(const QString &key, const QString &value);

private:
    UserDatabase() = default;
    bool migrate(UserDbOpenReport *report, QString *error);
    QString m_path;
    QString m_connectionPrefix;
};

} // namespace lda::core::kb
