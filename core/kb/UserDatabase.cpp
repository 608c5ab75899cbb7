#include "UserDatabase.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>
#include <QVariant>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcUserDb, "lda.core.kb.userdb")

namespace lda::core::kb {

namespace {

// Ordered schema steps. Step N takes a database at version N-1 to version N. Never edit a released
// step: add a new one.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps = {
        // 1: first release - settings, saved scenarios, guide bookmarks.
        {
            u"CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
            u"CREATE TABLE scenarios (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
            " workload_json TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)"_s,
            u"CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, page TEXT NOT NULL, anchor TEXT NOT NULL DEFAULT '',"
            " title TEXT NOT NULL, created_at TEXT NOT NULL, UNIQUE (page, anchor))"_s,
        },
        // 2: wizard answers, price snapshots and overrides, scenario notes and soft delete (undo).
        {
            u"ALTER TABLE scenarios ADD COLUMN notes TEXT NOT NULL DEFAULT ''"_s,
            u"ALTER TABLE scenarios ADD COLUMN deleted_at TEXT"_s,
            u"CREATE TABLE wizard_answers (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
            " answers_json TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)"_s,
            u"CREATE TABLE price_snapshots (id INTEGER PRIMARY KEY, as_of TEXT NOT NULL, source TEXT NOT NULL,"
            " sha256 TEXT NOT NULL UNIQUE, imported_at TEXT NOT NULL, entries INTEGER NOT NULL,"
            " mapped INTEGER NOT NULL, flagged INTEGER NOT NULL)"_s,
            u"CREATE TABLE imported_prices (snapshot_id INTEGER NOT NULL REFERENCES price_snapshots(id) ON DELETE CASCADE,"
            " source_key TEXT NOT NULL, provider TEXT NOT NULL, option_id TEXT, model_id TEXT,"
            " input_per_mtok REAL, output_per_mtok REAL, cached_input_per_mtok REAL, batch_input_per_mtok REAL,"
            " batch_output_per_mtok REAL, regional INTEGER NOT NULL DEFAULT 0, flag TEXT,"
            " PRIMARY KEY (snapshot_id, source_key))"_s,
            u"CREATE INDEX imported_prices_model ON imported_prices(option_id, model_id)"_s,
            u"CREATE TABLE price_overrides (option_id TEXT NOT NULL, model_id TEXT NOT NULL,"
            " input_per_mtok REAL NOT NULL, output_per_mtok REAL NOT NULL, cached_input_per_mtok REAL,"
            " note TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, PRIMARY KEY (option_id, model_id))"_s,
        },
        // 3: imported prices keep cache-write and context-tier prices, the row that stands for its
        // option/model (is_primary), the entry's mode; snapshots count their skipped non-model keys.
        {
            u"ALTER TABLE imported_prices ADD COLUMN cache_write_per_mtok REAL"_s,
            u"ALTER TABLE imported_prices ADD COLUMN tier_threshold INTEGER"_s,
            u"ALTER TABLE imported_prices ADD COLUMN tier_input_per_mtok REAL"_s,
            u"ALTER TABLE imported_prices ADD COLUMN tier_output_per_mtok REAL"_s,
            u"ALTER TABLE imported_prices ADD COLUMN is_primary INTEGER NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE imported_prices ADD COLUMN mode TEXT"_s,
            u"ALTER TABLE price_snapshots ADD COLUMN skipped INTEGER NOT NULL DEFAULT 0"_s,
            u"CREATE INDEX imported_prices_primary ON imported_prices(snapshot_id, is_primary, option_id, model_id)"_s,
        },
    };
    return steps;
}

QString timestamp()
{
    return QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss"_s);
}

// SQLite says the file itself is bad (SQLITE_CORRUPT, SQLITE_NOTADB), as opposed to "cannot read it now"
// (a read-only folder, a lock, an I/O error), where the file must stay where it is.
bool isDamage(const QSqlError &e)
{
    const int code = e.nativeErrorCode().toInt() & 0xff; // primary result code
    return code == 11 || code == 26;
}

// Checks a file without keeping it open: returns an empty string when SQLite can read it cleanly, and
// sets *damaged when the problem is the file's content.
QString probeFile(const QString &path, bool *damaged)
{
    const QString name = u"lda-userdb-probe-"_s % QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (!db.open()) {
            problem = db.lastError().text();
            *damaged = isDamage(db.lastError());
        } else {
            QSqlQuery q(db);
            if (!q.exec(u"PRAGMA quick_check"_s) || !q.next()) {
                problem = q.lastError().text().isEmpty() ? u"unreadable"_s : q.lastError().text();
                *damaged = isDamage(q.lastError());
            } else if (q.value(0).toString() != u"ok"_s) {
                problem = q.value(0).toString();
                *damaged = true;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return problem;
}

} // namespace

UserDatabase::~UserDatabase()
{
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString &name : names) {
        if (name.startsWith(m_connectionPrefix)) {
            QSqlDatabase::database(name, false).close();
            QSqlDatabase::removeDatabase(name);
        }
    }
}

int UserDatabase::currentSchemaVersion()
{
    return int(migrations().size());
}

QStringList UserDatabase::migrationStatements(int toVersion)
{
    if (toVersion < 1 || toVersion > migrations().size())
        return {};
    return migrations().at(toVersion - 1);
}

std::unique_ptr<UserDatabase> UserDatabase::open(const QString &path, QString *error, UserDbOpenReport *report)
{
    UserDbOpenReport localReport;
    UserDbOpenReport &rep = report ? *report : localReport;
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        *error = u"cannot create the folder for user data: "_s % info.absolutePath();
        return nullptr;
    }
    if (info.exists() && info.size() > 0) {
        bool damaged = false;
        const QString problem = probeFile(path, &damaged);
        if (!problem.isEmpty() && !damaged) {
            *error = u"cannot read user data "_s % path % u" ("_s % problem % u"); it was left untouched"_s;
            return nullptr;
        }
        if (!problem.isEmpty()) {
            const QString aside = path % u".corrupt-"_s % timestamp();
            if (!QFile::rename(path, aside)) {
                *error = u"user data "_s % path % u" is damaged ("_s % problem % u") and cannot be moved aside"_s;
                return nullptr;
            }
            QFile::rename(path % u"-wal"_s, aside % u"-wal"_s);
            QFile::remove(path % u"-shm"_s);
            rep.movedAsidePath = aside;
            rep.messages.append(u"Your user data file was damaged ("_s % problem % u"). It was kept as "_s % aside
                                % u" and a new one was created."_s);
            qCWarning(lcUserDb) << "moved damaged user.db aside:" << aside << problem;
        }
    }

    std::unique_ptr<UserDatabase> udb(new UserDatabase);
    udb->m_path = info.absoluteFilePath();
    udb->m_connectionPrefix = u"lda-user-"_s % QUuid::createUuid().toString(QUuid::WithoutBraces) % u'-';
    QSqlDatabase db = udb->database();
    if (!db.isOpen()) {
        *error = u"cannot open user data "_s % path % u": "_s % db.lastError().text();
        return nullptr;
    }
    if (!udb->migrate(&rep, error))
        return nullptr;
    return udb;
}

std::unique_ptr<UserDatabase> UserDatabase::openInMemory(QString *error)
{
    std::unique_ptr<UserDatabase> udb(new UserDatabase);
    udb->m_path = u":memory:"_s;
    udb->m_connectionPrefix = u"lda-user-mem-"_s % QUuid::createUuid().toString(QUuid::WithoutBraces) % u'-';
    QSqlDatabase db = udb->database();
    if (!db.isOpen()) {
        *error = u"cannot open an in-memory database: "_s % db.lastError().text();
        return nullptr;
    }
    UserDbOpenReport report;
    if (!udb->migrate(&report, error))
        return nullptr;
    return udb;
}

QSqlDatabase UserDatabase::database() const
{
    // An in-memory database exists once per connection, so it is shared by all threads of the process
    // through one connection; a file gets a connection per thread.
    const QString name = isInMemory()
        ? m_connectionPrefix
        : m_connectionPrefix % QString::number(quintptr(QThread::currentThreadId()), 16);
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (db.open()) {
        QSqlQuery q(db);
        if (!isInMemory())
            q.exec(u"PRAGMA journal_mode=WAL"_s);
        q.exec(u"PRAGMA foreign_keys=ON"_s);
        q.exec(u"PRAGMA synchronous=NORMAL"_s);
    }
    return db;
}

int UserDatabase::schemaVersion() const
{
    QSqlQuery q(database());
    return q.exec(u"PRAGMA user_version"_s) && q.next() ? q.value(0).toInt() : -1;
}

bool UserDatabase::migrate(UserDbOpenReport *report, QString *error)
{
    const int from = schemaVersion();
    report->fromVersion = from;
    report->toVersion = from;
    if (from < 0) {
        *error = u"cannot read the schema version of "_s % m_path;
        return false;
    }
    if (from > currentSchemaVersion()) {
        *error = u"user data "_s % m_path % u" was written by a newer version of the app (schema "_s
            % QString::number(from) % u", this version reads up to "_s % QString::number(currentSchemaVersion())
            % u"); it was left untouched"_s;
        return false;
    }
    if (from == currentSchemaVersion())
        return true;

    if (from > 0 && !isInMemory()) {
        // Take a consistent copy first: VACUUM INTO writes a clean snapshot even with a WAL.
        const QString backup = m_path % u".backup-v"_s % QString::number(from) % u'-' % timestamp();
        QSqlQuery q(database());
        if (!q.prepare(u"VACUUM INTO ?"_s)) {
            *error = u"cannot back up user data before upgrading: "_s % q.lastError().text();
            return false;
        }
        q.addBindValue(backup);
        if (!q.exec()) {
            *error = u"cannot back up user data before upgrading: "_s % q.lastError().text();
            return false;
        }
        report->backupPath = backup;
    }

    QSqlDatabase db = database();
    for (int version = from + 1; version <= currentSchemaVersion(); ++version) {
        if (!db.transaction()) {
            *error = u"cannot start the upgrade of user data: "_s % db.lastError().text();
            return false;
        }
        QSqlQuery q(db);
        for (const QString &sql : migrations().at(version - 1)) {
            if (!q.exec(sql)) {
                const QString why = q.lastError().text();
                db.rollback();
                *error = u"upgrading user data to version "_s % QString::number(version) % u" failed: "_s % why;
                return false;
            }
        }
        if (!q.exec(u"PRAGMA user_version = "_s % QString::number(version)) || !db.commit()) {
            db.rollback();
            *error = u"cannot record the user data version: "_s % db.lastError().text();
            return false;
        }
    }
    report->toVersion = currentSchemaVersion();
    if (from > 0)
        report->messages.append(u"Your user data was upgraded from version "_s % QString::number(from) % u" to "_s
                                % QString::number(currentSchemaVersion()) % u"; a backup is at "_s % report->backupPath);
    return true;
}

QString UserDatabase::setting(const QString &key, const QString &defaultValue) const
{
    QSqlQuery q(database());
    q.prepare(u"SELECT value FROM settings WHERE key = ?"_s);
    q.addBindValue(key);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return defaultValue;
}

bool UserDatabase::setSetting(const QString &key, const QString &value)
{
    QSqlQuery q(database());
    q.prepare(u"INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"_s);
    q.addBindValue(key);
    q.addBindValue(value);
    return q.exec();
}

} // namespace lda::core::kb
