#include "kb/UserDatabase.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using lda::core::kb::UserDatabase;
using lda::core::kb::UserDbOpenReport;

namespace {

// Creates a database file from an SQL script (statements separated by ';' at line ends).
void createFromScript(const QString &dbPath, const QString &scriptPath)
{
    QFile script(scriptPath);
    QVERIFY(script.open(QIODevice::ReadOnly));
    const QString sql = QString::fromUtf8(script.readAll());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"fixture"_s);
        db.setDatabaseName(dbPath);
        QVERIFY(db.open());
        QSqlQuery q(db);
        const QStringList statements = sql.split(u";\n"_s, Qt::SkipEmptyParts);
        for (QString statement : statements) {
            QStringList lines = statement.split(u'\n');
            lines.removeIf([](const QString &l) { return l.trimmed().startsWith(u"--"_s); });
            statement = lines.join(u'\n').trimmed();
            if (!statement.isEmpty())
                QVERIFY2(q.exec(statement), qPrintable(statement));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"fixture"_s);
}

int count(const UserDatabase &db, const QString &sql)
{
    QSqlQuery q(db.database());
    return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
}

} // namespace

class TestUserDatabase : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void open_createsCurrentSchema()
    {
        QTemporaryDir dir;
        QString error;
        UserDbOpenReport report;
        auto db = UserDatabase::open(dir.filePath(u"sub/user.db"_s), &error, &report);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(db->schemaVersion(), UserDatabase::currentSchemaVersion());
        QCOMPARE(report.fromVersion, 0);
        QVERIFY(report.backupPath.isEmpty());
        QSqlQuery q(db->database());
        QVERIFY(q.exec(u"PRAGMA journal_mode"_s) && q.next());
        QCOMPARE(q.value(0).toString(), u"wal"_s);
    }

    void open_migratesVersion1WithoutLoss()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"user.db"_s);
        createFromScript(path, QStringLiteral(LDA_TEST_DATA_DIR) % u"/userdb-v1.sql"_s);
        QString error;
        UserDbOpenReport report;
        auto db = UserDatabase::open(path, &error, &report);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(report.fromVersion, 1);
        QCOMPARE(report.toVersion, UserDatabase::currentSchemaVersion());
        QCOMPARE(db->schemaVersion(), UserDatabase::currentSchemaVersion());
        QCOMPARE(count(*db, u"SELECT count(*) FROM scenarios"_s), 2);
        QCOMPARE(count(*db, u"SELECT count(*) FROM bookmarks"_s), 2);
        QSqlQuery q(db->database());
        QVERIFY(q.exec(u"SELECT name, workload_json, notes, deleted_at FROM scenarios WHERE id = 1"_s) && q.next());
        QCOMPARE(q.value(0).toString(), u"Support bot — EU"_s);
        QVERIFY(q.value(1).toString().contains(u"10000"_s));
        QCOMPARE(q.value(2).toString(), QString());
        QVERIFY(q.value(3).isNull());
        QCOMPARE(db->setting(u"theme"_s), u"dark"_s);
        // New tables of version 2 exist and work.
        QCOMPARE(count(*db, u"SELECT count(*) FROM price_overrides"_s), 0);
        // The backup holds the version-1 data as it was.
        QVERIFY(QFile::exists(report.backupPath));
        QVERIFY(!report.messages.isEmpty());
    }

    void open_movesDamagedFileAsideAndStartsFresh()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"user.db"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
        f.close();
        QString error;
        UserDbOpenReport report;
        auto db = UserDatabase::open(path, &error, &report);
        QVERIFY2(db, qPrintable(error));
        QVERIFY(!report.movedAsidePath.isEmpty());
        QVERIFY(QFile::exists(report.movedAsidePath)); // kept, never deleted
        QCOMPARE(QFile(report.movedAsidePath).size(), 8192);
        QCOMPARE(db->schemaVersion(), UserDatabase::currentSchemaVersion());
    }

    void open_refusesNewerSchemaAndLeavesItUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"user.db"_s);
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"newer"_s);
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(u"CREATE TABLE future (x)"_s));
            QVERIFY(q.exec(u"PRAGMA user_version = 99"_s));
            raw.close();
        }
        QSqlDatabase::removeDatabase(u"newer"_s);
        QString error;
        auto db = UserDatabase::open(path, &error);
        QVERIFY(!db);
        QVERIFY(error.contains(u"newer version"_s));
        QVERIFY(QFile::exists(path));
    }

    void settings_roundTrip()
    {
        QString error;
        auto db = UserDatabase::openInMemory(&error);
        QVERIFY(db);
        QCOMPARE(db->setting(u"k"_s, u"default"_s), u"default"_s);
        QVERIFY(db->setSetting(u"k"_s, u"v1"_s));
        QVERIFY(db->setSetting(u"k"_s, u"v2"_s));
        QCOMPARE(db->setting(u"k"_s), u"v2"_s);
    }
};

QTEST_GUILESS_MAIN(TestUserDatabase)
#include "tst_userdatabase.moc"
