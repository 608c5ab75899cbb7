// Helper of tst_crashkill: saves into user.db in an endless loop and prints "saved <store> <key>" right
// after each save has been committed, until it is SIGKILLed. One function per store; the stores of the
// features write through their own APIs once they exist (scenarios, bookmarks, price imports), until
// then plain SQL through UserDatabase stands in for them with the same shape of transaction.
//   crash_saver USER_DB RUN_ID
#include "kb/UserDatabase.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

#include <cstdio>

using namespace Qt::StringLiterals;
using lda::core::kb::UserDatabase;

namespace {

// The value every store saves for a key; tst_crashkill recomputes it to check what it reads back.
QString payload(const QString &key)
{
    return key % u':' % QString(64, u'p');
}

// Settings: one autocommitted upsert through the typed API.
bool saveSetting(UserDatabase &db, const QString &key)
{
    return db.setSetting(u"crash/"_s % key, payload(key));
}

// A scenario: several statements in one transaction (insert, then update), like a save with notes.
bool saveScenario(UserDatabase &db, const QString &key)
{
    QSqlDatabase sql = db.database();
    if (!sql.transaction())
        return false;
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    QSqlQuery q(sql);
    q.prepare(u"INSERT INTO scenarios (name, workload_json, created_at, updated_at) VALUES (?, ?, ?, ?)"_s);
    q.addBindValue(QString(u"crash "_s % key));
    q.addBindValue(u"{\"requests_per_day\":1}"_s);
    q.addBindValue(now);
    q.addBindValue(now);
    bool ok = q.exec();
    if (ok) {
        q.prepare(u"UPDATE scenarios SET notes = ? WHERE name = ?"_s);
        q.addBindValue(payload(key));
        q.addBindValue(QString(u"crash "_s % key));
        ok = q.exec() && q.numRowsAffected() == 1;
    }
    if (!ok) {
        sql.rollback();
        return false;
    }
    return sql.commit();
}

// A guide bookmark: a single insert in a transaction.
bool saveBookmark(UserDatabase &db, const QString &key)
{
    QSqlDatabase sql = db.database();
    if (!sql.transaction())
        return false;
    QSqlQuery q(sql);
    q.prepare(u"INSERT INTO bookmarks (page, anchor, title, created_at) VALUES (?, ?, ?, ?)"_s);
    q.addBindValue(QString(u"crash/"_s % key % u".md"_s));
    q.addBindValue(key);
    q.addBindValue(payload(key));
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (!q.exec()) {
        sql.rollback();
        return false;
    }
    return sql.commit();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3) {
        std::fputs("usage: crash_saver USER_DB RUN_ID\n", stderr);
        return 2;
    }
    QString error;
    const std::unique_ptr<UserDatabase> db = UserDatabase::open(args.at(1), &error);
    if (!db) {
        std::fprintf(stderr, "error: %s\n", qPrintable(error));
        return 1;
    }
    struct Store
    {
        const char *name;
        bool (*save)(UserDatabase &, const QString &);
    };
    const Store stores[] = {{"setting", &saveSetting}, {"scenario", &saveScenario}, {"bookmark", &saveBookmark}};
    for (int n = 0;; ++n) {
        const Store &store = stores[n % 3];
        const QString key = args.at(2) % u'-' % QString::number(n);
        if (!store.save(*db, key)) {
            std::fprintf(stderr, "error: saving %s %s failed\n", store.name, qPrintable(key));
            return 1;
        }
        std::printf("saved %s %s\n", store.name, qPrintable(key));
        std::fflush(stdout);
    }
}
