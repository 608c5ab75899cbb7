// The command-line contract of DESIGN.md §4, exercised through the real binary.
#include "CliRunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using Run = lda::test::CliResult;

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    Run run(QStringList args, bool withDefaults = true)
    {
        if (withDefaults)
            args = lda::test::cliGlobals(m_dir.filePath(u"user.db"_s)) + args;
        return lda::test::runCli(args);
    }

private Q_SLOTS:
    void version_printsNameAndVersion()
    {
        const Run r = run({u"--version"_s}, false);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith("llm-deploy-advisor " LDA_VERSION));
    }

    void help_listsTheCommands()
    {
        const Run r = run({u"--help"_s}, false);
        QCOMPARE(r.exitCode, 0);
        for (const char *command : {"self-test", "options list", "prices list", "--kb", "--user-db", "--page"})
            QVERIFY2(r.out.contains(command), command);
    }

    void selfTest_passesOnTheShippedKnowledgeBase()
    {
        const Run r = run({u"self-test"_s});
        QVERIFY2(r.exitCode == 0, r.out.constData());
        QVERIFY(r.out.contains("self-test passed"));
    }

    void selfTest_findsTheInstalledKnowledgeBaseByItself()
    {
        const Run r = run({u"self-test"_s}, false);
        QVERIFY2(r.exitCode == 0, r.out.constData());
    }

    void optionsList_json_followsContract()
    {
        const Run r = run({u"options"_s, u"list"_s, u"--format"_s, u"json"_s});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError e;
        const QJsonObject root = QJsonDocument::fromJson(r.out, &e).object();
        QCOMPARE(e.error, QJsonParseError::NoError);
        const QJsonArray options = root.value(u"options"_s).toArray();
        QVERIFY(options.size() >= 9);
        QStringList ids;
        for (const QJsonValue &v : options) {
            const QJsonObject o = v.toObject();
            ids.append(o.value(u"id"_s).toString());
            QVERIFY(QStringList({u"aws"_s, u"azure"_s, u"gcp"_s}).contains(o.value(u"provider"_s).toString()));
            QVERIFY(!o.value(u"name"_s).toString().isEmpty());
            QVERIFY(!o.value(u"category"_s).toString().isEmpty());
        }
        for (const QString &id : {u"aws-bedrock"_s, u"aws-sagemaker"_s, u"aws-ec2-vllm"_s, u"azure-openai"_s,
                                  u"azure-container-instances"_s, u"azure-aks"_s, u"gcp-vertex-ai"_s,
                                  u"gcp-cloud-run"_s, u"gcp-gke"_s})
            QVERIFY2(ids.contains(id), qPrintable(id));
    }

    void optionsList_table_isReadable()
    {
        const Run r = run({u"options"_s, u"list"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("aws-bedrock"));
        QVERIFY(r.out.contains("----"));
    }

    void pricesList_json_hasSourcesAndDates()
    {
        const Run r = run({u"prices"_s, u"list"_s, u"--format"_s, u"json"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray prices = QJsonDocument::fromJson(r.out).object().value(u"prices"_s).toArray();
        QVERIFY(prices.size() >= 40);
        for (const QJsonValue &v : prices) {
            const QJsonObject p = v.toObject();
            QVERIFY(p.value(u"input_per_mtok"_s).isDouble());
            QVERIFY(p.value(u"output_per_mtok"_s).isDouble());
            QVERIFY(p.contains(u"cached_input_per_mtok"_s));
            QVERIFY(p.contains(u"batch_discount"_s));
            QCOMPARE(p.value(u"as_of"_s).toString().size(), 10);
            QVERIFY(!p.value(u"source"_s).toString().isEmpty());
            QCOMPARE(p.value(u"origin"_s).toString(), u"shipped"_s);
        }
    }

    void pricesList_filtersByProviderOptionAndModel()
    {
        const Run azure = run({u"prices"_s, u"list"_s, u"--provider"_s, u"azure"_s, u"--format"_s, u"json"_s});
        QCOMPARE(azure.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(azure.out).object().value(u"prices"_s).toArray();
        QVERIFY(!rows.isEmpty());
        for (const QJsonValue &v : rows)
            QCOMPARE(v.toObject().value(u"option"_s).toString(), u"azure-openai"_s);
        const Run one = run({u"prices"_s, u"list"_s, u"--option"_s, u"aws-bedrock"_s, u"--model"_s,
                             u"claude-sonnet-4-5"_s, u"--format"_s, u"csv"_s});
        QCOMPARE(one.exitCode, 0);
        QCOMPARE(one.out.count("\r\n"), 2); // header + one row
        QVERIFY(one.out.contains("aws-bedrock,claude-sonnet-4-5,3,15"));
    }

    void badInput_exitsTwoWithOneLineError_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("mentions");
        QTest::newRow("unknown command") << QStringList{u"frobnicate"_s} << QByteArray("frobnicate");
        QTest::newRow("unknown subcommand") << QStringList{u"prices"_s, u"burn"_s} << QByteArray("prices burn");
        QTest::newRow("missing subcommand") << QStringList{u"options"_s} << QByteArray("sub-command");
        QTest::newRow("bad format") << QStringList{u"options"_s, u"list"_s, u"--format"_s, u"xml"_s}
                                    << QByteArray("xml");
        QTest::newRow("missing value") << QStringList{u"prices"_s, u"list"_s, u"--option"_s} << QByteArray("--option");
        QTest::newRow("unknown option id") << QStringList{u"prices"_s, u"list"_s, u"--option"_s, u"aws-lambda"_s}
                                           << QByteArray("aws-lambda");
        QTest::newRow("unknown model id") << QStringList{u"prices"_s, u"list"_s, u"--model"_s, u"gpt-9"_s}
                                          << QByteArray("gpt-9");
        QTest::newRow("bad provider") << QStringList{u"prices"_s, u"list"_s, u"--provider"_s, u"ibm"_s}
                                      << QByteArray("ibm");
        QTest::newRow("unknown flag") << QStringList{u"options"_s, u"list"_s, u"--colour"_s} << QByteArray("--colour");
        QTest::newRow("extra argument") << QStringList{u"self-test"_s, u"now"_s} << QByteArray("self-test");
    }

    void badInput_exitsTwoWithOneLineError()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, mentions);
        const Run r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.startsWith("error: "), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains(mentions), r.err.constData());
    }

    void badGlobalOptions_exitTwo()
    {
        QCOMPARE(run({u"--bogus"_s}, false).exitCode, 2);
        QCOMPARE(run({u"--kb"_s}, false).exitCode, 2);
        QCOMPARE(run({u"--page"_s, u"nowhere"_s}, false).exitCode, 2);
        const Run missingKb = run({u"--kb"_s, m_dir.filePath(u"missing.db"_s), u"options"_s, u"list"_s}, false);
        QCOMPARE(missingKb.exitCode, 2);
        QVERIFY(missingKb.err.contains("missing.db"));
    }

    void garbageKnowledgeBase_isRejectedWithAClearMessage()
    {
        const QString path = m_dir.filePath(u"garbage.db"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a database");
        f.close();
        const Run r = run({u"--kb"_s, path, u"self-test"_s}, false);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("error: ") && r.err.contains("garbage.db"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
