// `prices import / history / use / list` through the real binary (DESIGN.md §4 contracts).
#include "CliRunner.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using Run = lda::test::CliResult;

QString fixture(const QString &name)
{
    return QStringLiteral(LDA_TEST_DATA_DIR) % u"/litellm/"_s % name;
}

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

} // namespace

class TestCliPrices : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    Run run(const QStringList &args, const QString &db = u"user.db"_s)
    {
        return lda::test::runCli(lda::test::cliGlobals(m_dir.filePath(db)) + args);
    }

private Q_SLOTS:
    void help_listsThePriceCommands()
    {
        const Run r = lda::test::runCli({u"--help"_s});
        QVERIFY(r.finished);
        const QByteArray out = r.out;
        for (const char *c : {"prices import --litellm FILE", "prices history --model ID", "prices use --snapshot",
                              "prices/use_snapshot"})
            QVERIFY2(out.contains(c), c);
    }

    void import_printsTheSummaryAndIsIdempotent()
    {
        Run r = run({u"prices"_s, u"import"_s, u"--litellm"_s, fixture(u"model_prices_2026-07-24.json"_s)});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        for (const char *field : {"entries:     2982", "mapped:", "unmapped:", "flagged:", "snapshot id: 1"})
            QVERIFY2(r.out.contains(field), r.out.constData());
        QVERIFY(r.out.contains("as of 2026-07-24"));
        r = run({u"prices"_s, u"import"_s, u"--litellm"_s, fixture(u"model_prices_2026-07-24.json"_s)});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("already imported") && r.out.contains("nothing changed"), r.out.constData());
        r = run({u"prices"_s, u"import"_s, u"--litellm"_s, fixture(u"model_prices_2026-01-23.json"_s), u"--as-of"_s,
                 u"2026-01-23"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("snapshot id: 2"));
    }

    void history_isOldestFirstAcrossSnapshots()
    {
        const Run r = run({u"prices"_s, u"history"_s, u"--model"_s, u"claude-sonnet-4-5"_s, u"--option"_s,
                           u"aws-bedrock"_s, u"--format"_s, u"json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray history = QJsonDocument::fromJson(r.out).object().value(u"history"_s).toArray();
        QCOMPARE(history.size(), 3);
        QCOMPARE(history.at(0).toObject().value(u"as_of"_s).toString(), u"2026-01-23"_s);
        QCOMPARE(history.at(0).toObject().value(u"origin"_s).toString(), u"import"_s);
        QCOMPARE(history.at(0).toObject().value(u"input_per_mtok"_s).toDouble(), 3.0);
        QCOMPARE(history.at(2).toObject().value(u"as_of"_s).toString(), u"2026-07-24"_s);
        for (const QJsonValue &v : history)
            for (const char *field : {"as_of", "input_per_mtok", "output_per_mtok", "origin", "source"})
                QVERIFY(v.toObject().contains(QLatin1StringView(field)));
        const Run table = run({u"prices"_s, u"history"_s, u"--model"_s, u"claude-sonnet-4-5"_s});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.contains("shipped"));
    }

    void list_showsImportOnlyWhenChosen()
    {
        const auto origins = [this] {
            const Run r = run({u"prices"_s, u"list"_s, u"--option"_s, u"aws-bedrock"_s, u"--model"_s,
                               u"claude-sonnet-4-5"_s, u"--format"_s, u"json"_s});
            return QJsonDocument::fromJson(r.out).object().value(u"prices"_s).toArray().at(0).toObject();
        };
        QCOMPARE(origins().value(u"origin"_s).toString(), u"shipped"_s);
        Run r = run({u"prices"_s, u"use"_s, u"--snapshot"_s, u"latest"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonObject p = origins();
        QCOMPARE(p.value(u"origin"_s).toString(), u"import"_s);
        QCOMPARE(p.value(u"as_of"_s).toString(), u"2026-07-24"_s);
        QCOMPARE(p.value(u"input_per_mtok"_s).toDouble(), 3.0);
        r = run({u"prices"_s, u"use"_s, u"--snapshot"_s, u"2"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(origins().value(u"as_of"_s).toString(), u"2026-01-23"_s);
        r = run({u"prices"_s, u"use"_s, u"--snapshot"_s, u"42"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.startsWith("error: ") && r.err.contains("42"));
        r = run({u"prices"_s, u"use"_s, u"--snapshot"_s, u"none"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(origins().value(u"origin"_s).toString(), u"shipped"_s);
        r = run({u"prices"_s, u"snapshots"_s, u"--format"_s, u"json"_s});
        QCOMPARE(QJsonDocument::fromJson(r.out).object().value(u"snapshots"_s).toArray().size(), 2);
    }

    void badInput_exitsTwoWithOneLineAndChangesNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        const QString truncated = m_dir.filePath(u"truncated.json"_s);
        QFile f(truncated);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"gpt-4o": {"litellm_provider": "azure", "input_cost_per_token": 2.5e-06,)");
        f.close();
        const QString wrongType = m_dir.filePath(u"wrongtype.json"_s);
        QFile w(wrongType);
        QVERIFY(w.open(QIODevice::WriteOnly));
        w.write(R"({"azure/gpt-4o": {"litellm_provider": "azure", "output_cost_per_token": [1]}})");
        w.close();
        QTest::newRow("missing file") << QStringList{u"prices"_s, u"import"_s, u"--litellm"_s, u"/nonexistent/x.json"_s}
                                      << u"/nonexistent/x.json"_s;
        QTest::newRow("truncated") << QStringList{u"prices"_s, u"import"_s, u"--litellm"_s, truncated}
                                   << u"truncated.json:1:"_s;
        QTest::newRow("wrong type") << QStringList{u"prices"_s, u"import"_s, u"--litellm"_s, wrongType}
                                    << u"key 'azure/gpt-4o': field 'output_cost_per_token'"_s;
        QTest::newRow("bad date") << QStringList{u"prices"_s, u"import"_s, u"--litellm"_s,
                                                 fixture(u"model_prices_2026-07-24.json"_s), u"--as-of"_s,
                                                 u"2026-02-31"_s}
                                  << u"--as-of"_s;
        QTest::newRow("no file option") << QStringList{u"prices"_s, u"import"_s} << u"--litellm"_s;
        QTest::newRow("history no model") << QStringList{u"prices"_s, u"history"_s} << u"--model"_s;
        QTest::newRow("history unknown model") << QStringList{u"prices"_s, u"history"_s, u"--model"_s, u"gpt-99"_s}
                                               << u"gpt-99"_s;
        QTest::newRow("history bad format") << QStringList{u"prices"_s, u"history"_s, u"--model"_s, u"gpt-4o"_s,
                                                           u"--format"_s, u"xml"_s}
                                            << u"--format"_s;
    }

    void badInput_exitsTwoWithOneLineAndChangesNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const Run seed = run({u"prices"_s, u"import"_s, u"--litellm"_s, fixture(u"model_prices_2026-01-23.json"_s),
                              u"--as-of"_s, u"2026-01-23"_s},
                             u"bad.db"_s);
        QCOMPARE(seed.exitCode, 0);
        const QByteArray before = fileHash(m_dir.filePath(u"bad.db"_s));
        const Run r = run(args, u"bad.db"_s);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("error: "), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(QString::fromUtf8(r.err).contains(expected), r.err.constData());
        QVERIFY(r.out.isEmpty());
        QCOMPARE(fileHash(m_dir.filePath(u"bad.db"_s)), before);
    }
};

QTEST_GUILESS_MAIN(TestCliPrices)
#include "tst_cli_prices.moc"
