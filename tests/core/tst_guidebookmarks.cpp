// Guide bookmarks in user.db: add, rename, remove, persistence across reopening, and across the
// schema upgrade from a version-1 file (tests/data/userdb-v1.sql holds two bookmarks).
#include "guide/GuideBookmarks.h"
#include "kb/UserDatabase.h"

#include <QFile>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lda::core;

class TestGuideBookmarks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void bookmarks_addRenameRemove()
    {
        QString error;
        auto db = kb::UserDatabase::openInMemory(&error);
        QVERIFY2(db, qPrintable(error));
        guide::GuideBookmarks bookmarks(*db);
        QVERIFY(bookmarks.all().isEmpty());
        QVERIFY(bookmarks.add(u"02-AWS/02-Bedrock-Quick-Start.md"_s, u"pricing"_s, u"Bedrock › Pricing"_s));
        QVERIFY(bookmarks.add(u"GLOSSARY.md"_s, QString(), u"Glossary"_s));
        QVERIFY(bookmarks.contains(u"GLOSSARY.md"_s, QString()));
        QVERIFY(!bookmarks.contains(u"GLOSSARY.md"_s, u"token"_s));
        QCOMPARE(bookmarks.all().size(), 2);
        QVERIFY(bookmarks.add(u"GLOSSARY.md"_s, QString(), u"The glossary"_s)); // same section: renamed, not doubled
        QCOMPARE(bookmarks.all().size(), 2);
        QVERIFY(bookmarks.remove(u"GLOSSARY.md"_s, QString()));
        const QList<guide::Bookmark> left = bookmarks.all();
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.first().anchor, u"pricing"_s);
        QCOMPARE(left.first().title, u"Bedrock › Pricing"_s);
    }

    void bookmarks_persistAcrossReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"user.db"_s);
        QString error;
        {
            auto db = kb::UserDatabase::open(path, &error);
            QVERIFY2(db, qPrintable(error));
            QVERIFY(guide::GuideBookmarks(*db).add(u"README.md"_s, u"how-to-use-this-guide"_s, u"Start here"_s));
        }
        auto db = kb::UserDatabase::open(path, &error);
        QVERIFY2(db, qPrintable(error));
        const QList<guide::Bookmark> all = guide::GuideBookmarks(*db).all();
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().page, u"README.md"_s);
        QCOMPARE(all.first().anchor, u"how-to-use-this-guide"_s);
        QVERIFY(!all.first().createdAt.isEmpty());
    }

    void bookmarks_surviveTheUpgradeFromVersion1()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"user.db"_s);
        {
            QFile script(QStringLiteral(LDA_TEST_DATA_DIR) % u"/userdb-v1.sql"_s);
            QVERIFY(script.open(QIODevice::ReadOnly));
            QSqlDatabase fixture = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"fixture"_s);
            fixture.setDatabaseName(path);
            QVERIFY(fixture.open());
            QSqlQuery q(fixture);
            const QStringList statements = QString::fromUtf8(script.readAll()).split(u";\n"_s, Qt::SkipEmptyParts);
            for (QString statement : statements) {
                QStringList lines = statement.split(u'\n');
                lines.removeIf([](const QString &l) { return l.trimmed().startsWith(u"--"_s); });
                statement = lines.join(u'\n').trimmed();
                if (!statement.isEmpty())
                    QVERIFY2(q.exec(statement), qPrintable(statement));
            }
            fixture.close();
        }
        QSqlDatabase::removeDatabase(u"fixture"_s);
        QString error;
        auto db = kb::UserDatabase::open(path, &error);
        QVERIFY2(db, qPrintable(error));
        QCOMPARE(db->schemaVersion(), kb::UserDatabase::currentSchemaVersion());
        guide::GuideBookmarks bookmarks(*db);
        QVERIFY(bookmarks.contains(u"02-AWS/02-Bedrock-Quick-Start.md"_s, u"troubleshooting"_s));
        QVERIFY(bookmarks.contains(u"GLOSSARY.md"_s, QString()));
        QVERIFY(bookmarks.add(u"README.md"_s, QString(), u"Home"_s));
        QCOMPARE(bookmarks.all().size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestGuideBookmarks)
#include "tst_guidebookmarks.moc"
