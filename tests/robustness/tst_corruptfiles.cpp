// Corrupt and hostile files (issue 10, DESIGN.md §6): a damaged or foreign knowledge.db and user.db, a
// read-only data folder, a full disk and a missing guide page. For each: a clear message, no data loss
// (a file is kept or moved aside, never deleted or rewritten) and an app that still starts - checked
// through the core API and through the real binary (`self-test`, a command that opens user.db, and a
// GUI start under offscreen with LDA_BENCH_EXIT_AFTER_PAINT=1).
#include "guide/MarkdownRenderer.h"
#include "kb/KnowledgeBase.h"
#include "kb/UserDatabase.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using lda::core::kb::KnowledgeBase;
using lda::core::kb::UserDatabase;
using lda::core::kb::UserDbOpenReport;

namespace {

struct Run
{
    int exitCode = -1; // -2: crashed or killed, -1: did not finish
    QByteArray out;
    QByteArray err;
};

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(&f);
    return h.result().toHex();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

// Runs one SQL statement on a database file outside the app's own code.
bool execSql(const QString &path, const QString &sql)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"robustness-fixture"_s);
        db.setDatabaseName(path);
        ok = db.open() && QSqlQuery(db).exec(sql);
        db.close();
    }
    QSqlDatabase::removeDatabase(u"robustness-fixture"_s);
    return ok;
}

QString integrityCheck(const QString &path)
{
    QString result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"robustness-check"_s);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            result = q.exec(u"PRAGMA integrity_check"_s) && q.next() ? q.value(0).toString() : q.lastError().text();
        } else {
            result = db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"robustness-check"_s);
    return result;
}

// A tmpfs mounted for one test (root only: read-only folder and full disk that even root cannot write).
class TmpfsMount final
{
public:
    explicit TmpfsMount(const QString &dir, const QString &size)
        : m_dir(dir)
    {
        if (geteuid() != 0 || !QDir().mkpath(dir))
            return;
        m_ok = QProcess::execute(u"mount"_s, {u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size="_s % size, u"tmpfs"_s, dir}) == 0;
    }
    ~TmpfsMount()
    {
        if (m_ok)
            QProcess::execute(u"umount"_s, {u"-l"_s, m_dir});
    }
    TmpfsMount(const TmpfsMount &) = delete;
    TmpfsMount &operator=(const TmpfsMount &) = delete;
    [[nodiscard]] bool ok() const { return m_ok; }
    bool remountReadOnly()
    {
        return QProcess::execute(u"mount"_s, {u"-o"_s, u"remount,ro"_s, m_dir}) == 0;
    }

private:
    QString m_dir;
    bool m_ok = false;
};

} // namespace

class TestCorruptFiles : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QByteArray m_kb; // the shipped knowledge.db

    QProcessEnvironment environment(bool gui) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"HOME"_s, m_dir.filePath(u"home"_s));
        env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"home/config"_s));
        env.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"home/data"_s));
        if (gui)
            env.insert(u"LDA_BENCH_EXIT_AFTER_PAINT"_s, u"1"_s);
        return env;
    }

    Run run(const QStringList &args, bool gui = false) const
    {
        QProcess p;
        p.setProcessEnvironment(environment(gui));
        p.start(QStringLiteral(LDA_TEST_BINARY), args);
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
            return {-1, p.readAllStandardOutput(), p.readAllStandardError()};
        }
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(),
                p.readAllStandardError()};
    }

    // A GUI start that must reach the main window's first paint.
    void verifyGuiStarts(const QStringList &args, const QByteArray &expectedMessage = {}) const
    {
        const Run r = run(args, true);
        QVERIFY2(r.exitCode == 0 && r.out.contains("lda: first paint"), r.err.constData());
        if (!expectedMessage.isEmpty())
            QVERIFY2(r.err.contains(expectedMessage), r.err.constData());
    }

    // A valid user.db holding one setting, as a user would have it.
    QString makeUserDb(const QString &path) const
    {
        QString error;
        {
            const auto udb = UserDatabase::open(path, &error);
            if (!udb || !udb->setSetting(u"robustness/keep"_s, u"precious"_s))
                return error.isEmpty() ? u"cannot save a setting"_s : error;
        }
        // Fold the WAL into the file so that the bytes on disk are the whole database.
        execSql(path, u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QFile kb(QStringLiteral(LDA_TEST_KB));
        QVERIFY2(kb.open(QIODevice::ReadOnly), LDA_TEST_KB);
        m_kb = kb.readAll();
        QVERIFY(m_kb.size() > 4096);
    }

    void knowledgeBase_damaged_isRefusedClearlyAndKept_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("sql"); // applied to a copy of the real file instead, when set
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("zero bytes") << QByteArray() << QString() << QByteArray("not a knowledge base");
        QTest::newRow("truncated") << m_kb.left(m_kb.size() / 3) << QString() << QByteArray("malformed");
        QTest::newRow("truncated to a page") << m_kb.left(4096) << QString() << QByteArray("knowledge");
        QByteArray garbage(64 * 1024, '\0');
        QRandomGenerator gen(20261127);
        for (char &c : garbage)
            c = char(gen.bounded(256));
        QTest::newRow("garbage") << garbage << QString() << QByteArray("knowledge base");
        QByteArray header = m_kb;
        header.replace(0, 16, "garbage garbage!"); // an intact body behind a broken SQLite header
        QTest::newRow("bad header") << header << QString() << QByteArray("knowledge base");
        QTest::newRow("text file") << QByteArray("[option aws-bedrock]\nprovider = aws\n") << QString()
                                   << QByteArray("knowledge base");
        QTest::newRow("wrong schema version")
            << m_kb << u"UPDATE meta SET value = '999' WHERE key = 'schema_version'"_s
            << QByteArray("schema version 999");
        QTest::newRow("no meta table") << m_kb << u"DROP TABLE meta"_s << QByteArray("no such table: meta");
    }

    void knowledgeBase_damaged_isRefusedClearlyAndKept()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, sql);
        QFETCH(QByteArray, expected);
        const QString path = m_dir.filePath(u"kb-"_s % QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-')
                                            % u".db"_s);
        QVERIFY(writeFile(path, content));
        if (!sql.isEmpty())
            QVERIFY(execSql(path, sql));
        const QByteArray before = fileHash(path);

        QString error;
        QVERIFY(!KnowledgeBase::open(path, &error));
        QVERIFY2(error.contains(path), qPrintable(error));

        // The command line: an explicit --kb that cannot be used is bad input (exit 2, one line).
        const Run selfTest = run({u"--kb"_s, path, u"self-test"_s});
        QCOMPARE(selfTest.exitCode, 2);
        QVERIFY2(selfTest.err.startsWith("error: ") && selfTest.err.count('\n') == 1, selfTest.err.constData());
        QVERIFY2(selfTest.err.contains(expected), selfTest.err.constData());

        // The GUI says so and exits instead of crashing.
        const Run gui = run({u"--kb"_s, path, u"--user-db"_s, m_dir.filePath(u"gui-user.db"_s)}, true);
        QCOMPARE(gui.exitCode, 1);
        QVERIFY2(gui.err.contains("knowledge base cannot be opened"), gui.err.constData());

        QCOMPARE(fileHash(path), before); // opened read-only: never touched
    }

    void userDb_damaged_isMovedAsideAndTheAppStarts_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("truncated") << u"truncate"_s;
        QTest::newRow("garbage") << u"garbage"_s;
        QTest::newRow("garbage after the header") << u"body"_s;
    }

    void userDb_damaged_isMovedAsideAndTheAppStarts()
    {
        QFETCH(QString, damage);
        for (const QString &how : {u"core"_s, u"cli"_s, u"gui"_s}) {
            const QString dir = m_dir.filePath(u"user-"_s % damage % u'-' % how);
            QVERIFY(QDir().mkpath(dir));
            const QString path = dir % u"/user.db"_s;
            QCOMPARE(makeUserDb(path), QString());
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            const QByteArray original = f.readAll();
            QVERIFY(original.size() >= 4 * 4096);
            if (damage == u"truncate"_s) {
                QVERIFY(f.resize(original.size() / 2 + 100));
            } else if (damage == u"garbage"_s) {
                f.seek(0);
                f.write(QByteArray(int(original.size()), '\x5a'));
            } else {
                f.seek(4096); // keep page 1 (header and schema), wreck the table pages
                f.write(QByteArray(int(original.size()) - 4096, '\xa5'));
            }
            f.close();
            const QByteArray damaged = fileHash(path);

            if (how == u"core"_s) {
                QString error;
                UserDbOpenReport report;
                const auto udb = UserDatabase::open(path, &error, &report);
                QVERIFY2(udb, qPrintable(error));
                QVERIFY(!report.movedAsidePath.isEmpty());
                QCOMPARE(fileHash(report.movedAsidePath), damaged); // kept byte for byte
                QVERIFY(!report.messages.isEmpty());
                QVERIFY(udb->setSetting(u"after"_s, u"works"_s));
                QCOMPARE(udb->setting(u"after"_s), u"works"_s);
            } else if (how == u"cli"_s) {
                const Run r = run({u"--kb"_s, QStringLiteral(LDA_TEST_KB), u"--user-db"_s, path, u"prices"_s,
                                   u"list"_s, u"--format"_s, u"json"_s});
                QVERIFY2(r.exitCode == 0, r.err.constData());
                QVERIFY2(r.err.contains("damaged") && r.err.contains(".corrupt-"), r.err.constData());
                const Run selfTest = run({u"--kb"_s, QStringLiteral(LDA_TEST_KB), u"--user-db"_s, path, u"self-test"_s});
                QVERIFY2(selfTest.exitCode == 0, selfTest.out.constData());
            } else {
                verifyGuiStarts({u"--kb"_s, QStringLiteral(LDA_TEST_KB), u"--user-db"_s, path}, "damaged");
            }
            // Exactly one copy was moved aside, holding the damaged bytes.
            const QStringList aside = QDir(dir).entryList({u"user.db.corrupt-*"_s}, QDir::Files);
            const QStringList mains = aside.filter(QRegularExpression(u"corrupt-\\d{8}-\\d{6}$"_s));
            QCOMPARE(mains.size(), 1);
            QCOMPARE(fileHash(dir % u'/' % mains.first()), damaged);
        }
    }

    void userDb_zeroBytes_isUsedAsNew()
    {
        const QString path = m_dir.filePath(u"user-empty/user.db"_s);
        QVERIFY(QDir().mkpath(m_dir.filePath(u"user-empty"_s)));
        QVERIFY(writeFile(path, {}));
        QString error;
        const auto udb = UserDatabase::open(path, &error);
        QVERIFY2(udb, qPrintable(error));
        QCOMPARE(udb->schemaVersion(), UserDatabase::currentSchemaVersion());
    }

    void userDb_newerVersion_isLeftUntouchedAndTheAppStillStarts()
    {
        const QString dir = m_dir.filePath(u"user-newer"_s);
        QVERIFY(QDir().mkpath(dir));
        const QString path = dir % u"/user.db"_s;
        QCOMPARE(makeUserDb(path), QString());
        QVERIFY(execSql(path, u"PRAGMA user_version = 99"_s));
        const QByteArray before = fileHash(path);

        QString error;
        QVERIFY(!UserDatabase::open(path, &error));
        QVERIFY2(error.contains(u"newer version"_s), qPrintable(error));

        const Run r = run({u"--kb"_s, QStringLiteral(LDA_TEST_KB), u"--user-db"_s, path, u"prices"_s, u"list"_s});
        QCOMPARE(r.exitCode, 2); // an explicit --user-db that cannot be used is bad input
        QVERIFY2(r.err.startsWith("error: ") && r.err.count('\n') == 1 && r.err.contains("newer version"),
                 r.err.constData());
        verifyGuiStarts({u"--kb"_s, QStringLiteral(LDA_TEST_KB), u"--user-db"_s, path}, "newer version");

        QCOMPARE(fileHash(path), before);
        QCOMPARE(QDir(dir).entryList({u"user.db.*"_s}, QDir::Files), QStringList()); // nothing moved aside
    }

    void userDb_readOnlyFolder_appStartsAndKeepsTheFile()
    {
        const QString dir = m_dir.filePath(u"user-readonly"_s);
        TmpfsMount mount(dir, u"4m"_s);
        if (!mount.ok()) {
            // Without root a mode bit is enough; root ignores mode bits, so it needs the mount.
            if (geteuid() == 0)
                QSKIP("running as root and cannot mount a tmpfs: no way to make a folder read-only");
            QVERIFY(QDir().mkpath(dir));
        }
        const QString path = dir % u"/user.db"_s;
        QCOMPARE(makeUserDb(path), QString());
        const QByteArray before = fileHash(path);
        if (mount.ok()) {
            QVERIFY(mount.remountReadOnly());
        } else {
            QVERIFY(QFile::setPermissions(path, QFile::ReadOwner));
            QVERIFY(QFile::setPermissions(dir, QFile::ReadOwner | QFile::ExeOwner));
        }
        const auto restore = qScopeGuard([&] {
            QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        });

        QString error;
        UserDbOpenReport report;
        const auto udb = UserDatabase::open(path, &error, &report);
        if (udb) // opening may work (reads only); saving must then fail cleanly, not crash
            QVERIFY(!udb->setSetting(u"robustness/new"_s, u"x"_s));
        else
            QVERIFY2(!error.isEmpty(), "no message for an unusable user.db");
        QVERIFY(report.movedAsidePath.isEmpty());

        const Run r = run({u"--kb"_s, QStringLiteral(LDA_TEST_KB), u"--user-db"_s, path, u"prices"_s, u"list"_s});
        QVERIFY2(r.exitCode == 0 || (r.exitCode == 2 && r.err.startsWith("error: ") && r.err.count('\n') == 1),
                 r.err.constData());
        const Run selfTest = run({u"--kb"_s, QStringLiteral(LDA_TEST_KB), u"--user-db"_s, path, u"self-test"_s});
        QVERIFY2(selfTest.exitCode == 0, selfTest.out.constData());
        verifyGuiStarts({u"--kb"_s, QStringLiteral(LDA_TEST_KB), u"--user-db"_s, path});
        QCOMPARE(fileHash(path), before); // byte for byte (SQLite itself cannot even read it on a read-only mount)
    }

    void userDb_fullDisk_failsTheSaveAndKeepsEarlierData()
    {
        const QString dir = m_dir.filePath(u"user-full"_s);
        TmpfsMount mount(dir, u"512k"_s);
        QVERIFY(QDir().mkpath(dir));
        const QString path = dir % u"/user.db"_s;
        QCOMPARE(makeUserDb(path), QString());
        {
            QString error;
            const auto udb = UserDatabase::open(path, &error);
            QVERIFY2(udb, qPrintable(error));
            if (mount.ok()) {
                // Fill the file system: only what SQLite already holds remains writable.
                QFile filler(dir % u"/filler"_s);
                QVERIFY(filler.open(QIODevice::WriteOnly));
                const QByteArray block(4096, 'f');
                while (filler.write(block) == block.size() && filler.flush()) { }
            } else {
                // No tmpfs: cap the database at its current size, which gives SQLITE_FULL the same way.
                QSqlQuery q(udb->database());
                QVERIFY(q.exec(u"PRAGMA page_count"_s) && q.next());
                QVERIFY(q.exec(u"PRAGMA max_page_count = "_s % q.value(0).toString()));
            }
            const QString big(200000, u'x');
            bool failed = false;
            for (int i = 0; i < 50 && !failed; ++i)
                failed = !udb->setSetting(u"robustness/big-"_s % QString::number(i), big);
            QVERIFY2(failed, "the disk never filled up");
            QCOMPARE(udb->setting(u"robustness/keep"_s), u"precious"_s);
        }
        QFile::remove(dir % u"/filler"_s);
        QCOMPARE(integrityCheck(path), u"ok"_s);
        QString error;
        UserDbOpenReport report;
        const auto again = UserDatabase::open(path, &error, &report);
        QVERIFY2(again, qPrintable(error));
        QVERIFY(report.movedAsidePath.isEmpty());
        QCOMPARE(again->setting(u"robustness/keep"_s), u"precious"_s);
    }

    void userDb_fullDisk_priceImportFailsCleanly()
    {
        const QString dir = m_dir.filePath(u"user-full-import"_s);
        TmpfsMount mount(dir, u"256k"_s);
        if (!mount.ok())
            QSKIP("needs a tmpfs (root); the SQLite page cap of the test above covers the rest");
        const QString path = dir % u"/user.db"_s;
        QCOMPARE(makeUserDb(path), QString());
        QFile filler(dir % u"/filler"_s);
        QVERIFY(filler.open(QIODevice::WriteOnly));
        const QByteArray block(4096, 'f');
        while (filler.write(block) == block.size() && filler.flush()) { }
        filler.close();

        const QString fixture = QStringLiteral(LDA_TEST_DATA_DIR) % u"/litellm/model_prices_2026-07-24.json"_s;
        const Run r = run({u"--kb"_s, QStringLiteral(LDA_TEST_KB), u"--user-db"_s, path, u"prices"_s, u"import"_s,
                           u"--litellm"_s, fixture});
        QVERIFY2(r.exitCode == 1 || r.exitCode == 2, r.err.constData());
        QVERIFY2(r.err.startsWith("error: ") && r.err.count('\n') == 1, r.err.constData());
        QFile::remove(dir % u"/filler"_s);
        QCOMPARE(integrityCheck(path), u"ok"_s);
        const Run after = run({u"--kb"_s, QStringLiteral(LDA_TEST_KB), u"--user-db"_s, path, u"prices"_s, u"list"_s});
        QVERIFY2(after.exitCode == 0 && !after.err.contains("damaged"), after.err.constData());
    }

    void guidePage_missing_rendersNothingAndTheAppStarts()
    {
        const QString path = m_dir.filePath(u"kb-missing-page.db"_s);
        QVERIFY(writeFile(path, m_kb));
        // Take out the first page of the guide, the one the viewer opens first.
        QString page;
        {
            QString error;
            const auto kb = KnowledgeBase::open(path, &error);
            QVERIFY2(kb, qPrintable(error));
            const QList<lda::core::kb::GuidePageInfo> pages = kb->guidePages();
            QVERIFY(!pages.isEmpty());
            page = pages.first().path;
        }
        QVERIFY(execSql(path, u"DELETE FROM guide_sections WHERE page = '"_s % page % u'\''));
        QVERIFY(execSql(path, u"DELETE FROM guide_pages WHERE path = '"_s % page % u'\''));

        QString error;
        const auto kb = KnowledgeBase::open(path, &error);
        QVERIFY2(kb, qPrintable(error));
        QVERIFY(kb->guidePageMarkdown(page).isEmpty());
        QVERIFY(kb->guidePageMarkdown(u"../../etc/passwd"_s).isEmpty());
        QVERIFY(lda::core::guide::renderMarkdown(kb->guidePageMarkdown(page)).ok);

        // self-test renders every page that is there and finishes with a verdict instead of crashing.
        const Run selfTest = run({u"--kb"_s, path, u"self-test"_s});
        QVERIFY2(selfTest.exitCode == 0 || selfTest.exitCode == 1, selfTest.err.constData());
        QVERIFY2(selfTest.out.contains("self-test "), selfTest.out.constData());
        verifyGuiStarts({u"--kb"_s, path, u"--user-db"_s, m_dir.filePath(u"missing-page-user.db"_s)});
    }
};

QTEST_GUILESS_MAIN(TestCorruptFiles)
#include "tst_corruptfiles.moc"
