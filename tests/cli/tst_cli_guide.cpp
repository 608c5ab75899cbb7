// `guide search` and `guide export` through the real binary: the JSON contract of DESIGN.md §4, the
// text format, bad input (exit 2, one-line error) and the export's own link check.
#include "CliRunner.h"
#include "guide/GuideExport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using Run = lda::test::CliResult;

} // namespace

class TestCliGuide : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    Run run(const QStringList &args)
    {
        lda::test::CliOptions options;
        options.timeoutMs = 120000; // guide export renders every page
        return lda::test::runCli(lda::test::cliGlobals(m_dir.filePath(u"user.db"_s)) + args, options);
    }

private Q_SLOTS:
    void search_json_followsContract()
    {
        const Run r = run({u"guide"_s, u"search"_s, u"context window"_s, u"--limit"_s, u"5"_s, u"--format"_s, u"json"_s});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(doc.object().keys(), QStringList{u"results"_s});
        const QJsonArray results = doc.object().value(u"results"_s).toArray();
        QVERIFY(!results.isEmpty() && results.size() <= 5);
        double previous = 1e300;
        for (const QJsonValue &v : results) {
            const QJsonObject o = v.toObject();
            QCOMPARE(o.keys(), (QStringList{u"anchor"_s, u"page"_s, u"score"_s, u"snippet"_s, u"title"_s}));
            QVERIFY(o.value(u"page"_s).toString().endsWith(u".md"_s));
            QVERIFY(!o.value(u"title"_s).toString().isEmpty());
            QVERIFY(o.value(u"anchor"_s).isString());
            QVERIFY(o.value(u"snippet"_s).isString());
            QVERIFY(o.value(u"score"_s).isDouble());
            QVERIFY(o.value(u"score"_s).toDouble() <= previous); // best first
            previous = o.value(u"score"_s).toDouble();
        }
        const QJsonObject first = results.first().toObject();
        QCOMPARE(first.value(u"page"_s).toString(), u"GLOSSARY.md"_s);
        QCOMPARE(first.value(u"anchor"_s).toString(), u"context-window"_s);
    }

    void search_text_isReadableAndEmptyIsNotAnError()
    {
        const Run r = run({u"guide"_s, u"search"_s, u"bedrock"_s, u"pricing"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("1. "));
        QVERIFY(r.out.contains(".md#"));
        const Run none = run({u"guide"_s, u"search"_s, u"\"zebra quokka xylophone\""_s, u"--format"_s, u"json"_s});
        QCOMPARE(none.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(none.out).object().value(u"results"_s).toArray().size(), 0);
        // FTS syntax in user input is made safe, never an error.
        for (const QString &hostile : {u"NEAR("_s, u"\"unbalanced"_s, u"title:*"_s, u"a OR"_s, u"^-*"_s}) {
            const Run h = run({u"guide"_s, u"search"_s, hostile, u"--format"_s, u"json"_s});
            QCOMPARE(h.exitCode, 0);
            QVERIFY(QJsonDocument::fromJson(h.out).object().contains(u"results"_s));
        }
    }

    void badInput_exitsTwoWithOneLineError_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no sub-command") << QStringList{u"guide"_s};
        QTest::newRow("unknown sub-command") << QStringList{u"guide"_s, u"read"_s};
        QTest::newRow("no query") << QStringList{u"guide"_s, u"search"_s};
        QTest::newRow("blank query") << QStringList{u"guide"_s, u"search"_s, u"  "_s};
        QTest::newRow("limit zero") << QStringList{u"guide"_s, u"search"_s, u"gpu"_s, u"--limit"_s, u"0"_s};
        QTest::newRow("limit text") << QStringList{u"guide"_s, u"search"_s, u"gpu"_s, u"--limit"_s, u"ten"_s};
        QTest::newRow("limit missing") << QStringList{u"guide"_s, u"search"_s, u"gpu"_s, u"--limit"_s};
        QTest::newRow("bad format") << QStringList{u"guide"_s, u"search"_s, u"gpu"_s, u"--format"_s, u"xml"_s};
        QTest::newRow("unknown option") << QStringList{u"guide"_s, u"search"_s, u"gpu"_s, u"--fuzzy"_s};
        QTest::newRow("export without dir") << QStringList{u"guide"_s, u"export"_s};
        QTest::newRow("export --html no value") << QStringList{u"guide"_s, u"export"_s, u"--html"_s};
        QTest::newRow("export unknown option") << QStringList{u"guide"_s, u"export"_s, u"--pdf"_s, u"x"_s};
    }

    void badInput_exitsTwoWithOneLineError()
    {
        QFETCH(QStringList, args);
        const Run r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.startsWith("error: ") && r.err.count('\n') == 1, r.err.constData());
    }

    void export_writesALinkCheckedCopyAndRefusesForeignFolders()
    {
        const QString out = m_dir.filePath(u"export"_s);
        const Run r = run({u"guide"_s, u"export"_s, u"--html"_s, out});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("none broken"));
        QVERIFY(QFile::exists(out % u"/README.html"_s));
        QVERIFY(QFile::exists(out % u"/02-AWS/02-Bedrock-Quick-Start.html"_s));
        QVERIFY(QFile::exists(out % u"/_assets/highlight.min.js"_s));
        QVERIFY(lda::core::guide::checkExportLinks(out).isEmpty());
        // Exporting again over a previous export is fine.
        QCOMPARE(run({u"guide"_s, u"export"_s, u"--html"_s, out}).exitCode, 0);
        // A folder with other files in it, or a file, is bad input and is left untouched.
        const QString foreign = m_dir.filePath(u"foreign"_s);
        QVERIFY(QDir().mkpath(foreign));
        QFile keep(foreign % u"/notes.txt"_s);
        QVERIFY(keep.open(QIODevice::WriteOnly));
        keep.write("mine");
        keep.close();
        const Run refused = run({u"guide"_s, u"export"_s, u"--html"_s, foreign});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(!QFile::exists(foreign % u"/README.html"_s));
        QCOMPARE(run({u"guide"_s, u"export"_s, u"--html"_s, foreign % u"/notes.txt"_s}).exitCode, 2);
    }

    void help_mentionsTheGuideCommands()
    {
        const Run r = lda::test::runCli({u"--help"_s});
        QVERIFY(r.finished);
        const QByteArray help = r.out;
        QVERIFY(help.contains("guide search QUERY [--limit N] [--format json|text]"));
        QVERIFY(help.contains("guide export --html DIR"));
    }
};

QTEST_GUILESS_MAIN(TestCliGuide)
#include "tst_cli_guide.moc"
