// `estimate --workload FILE|- [--option ID]... [--format json|table|csv]` (DESIGN.md §4), through the binary.
#include "CliRunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

using Run = lda::test::CliResult;

const QByteArray Chatbot = R"({"name": "Support chatbot", "model": "claude-sonnet-4-5",
  "requests_per_day": 30000, "input_tokens_per_request": 6000, "output_tokens_per_request": 300,
  "days_per_month": 30, "peak_requests_per_second": 8, "cache_hit_rate": 0.0, "batch_share": 0.0,
  "region": "us-east-1", "budget_usd_per_month": 10000,
  "overheads": {"storage": 3.59, "networking": 18.93, "monitoring": 8.50, "other": 30.18}})";

} // namespace

class TestCliEstimate : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    Run run(const QStringList &args, const QByteArray &stdinData = {})
    {
        lda::test::CliOptions options;
        options.stdinData = stdinData;
        return lda::test::runCli(lda::test::cliGlobals(m_dir.filePath(u"user.db"_s)) + args, options);
    }

    QString writeFile(const QString &name, const QByteArray &content)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(content);
        return f.fileName();
    }

private Q_SLOTS:
    void estimate_json_followsContract()
    {
        const Run r = run({u"estimate"_s, u"--workload"_s, writeFile(u"chatbot.json"_s, Chatbot), u"--format"_s, u"json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonParseError e;
        const QJsonObject root = QJsonDocument::fromJson(r.out, &e).object();
        QCOMPARE(e.error, QJsonParseError::NoError);
        QCOMPARE(root.value(u"workload"_s).toObject().value(u"requests_per_day"_s).toDouble(), 30000.0);
        const QJsonArray estimates = root.value(u"estimates"_s).toArray();
        // every option that can run the workload; the others are listed with a reason
        QVERIFY(estimates.size() >= 7);
        QVERIFY(estimates.size() + root.value(u"unavailable"_s).toArray().size() >= 9);
        const QStringList items = {u"input_tokens"_s, u"cached_input_tokens"_s, u"output_tokens"_s,
                                   u"provisioned_throughput"_s, u"compute"_s, u"storage"_s, u"networking"_s,
                                   u"monitoring"_s, u"other"_s};
        bool sawBedrock = false;
        for (const QJsonValue &v : estimates) {
            const QJsonObject o = v.toObject();
            QVERIFY(o.value(u"option"_s).isString());
            QVERIFY(o.value(u"model"_s).isString());
            QVERIFY(o.value(u"monthly_usd"_s).isDouble());
            QVERIFY(o.value(u"per_1k_requests_usd"_s).isDouble());
            QVERIFY(o.value(u"price_as_of"_s).toString().size() == 10);
            QVERIFY(!o.value(u"assumptions"_s).toArray().isEmpty());
            double sum = 0;
            for (const QJsonValue &b : o.value(u"breakdown"_s).toArray()) {
                QVERIFY(items.contains(b.toObject().value(u"item"_s).toString()));
                QVERIFY(b.toObject().value(u"usd"_s).isDouble());
                sum += b.toObject().value(u"usd"_s).toDouble();
            }
            QVERIFY(std::abs(sum - o.value(u"monthly_usd"_s).toDouble()) < 1e-6);
            if (o.value(u"option"_s).toString() == u"aws-bedrock"_s) {
                sawBedrock = true;
                // 16,200 + 4,050 + 61.20 (see tst_costengine)
                QVERIFY(std::abs(o.value(u"monthly_usd"_s).toDouble() - 20311.20) < 0.01);
            }
        }
        QVERIFY(sawBedrock);
        const QJsonArray breakEven = root.value(u"break_even"_s).toArray();
        QVERIFY(!breakEven.isEmpty());
        for (const QJsonValue &v : breakEven) {
            const QJsonObject b = v.toObject();
            QVERIFY(b.value(u"managed"_s).isString());
            QVERIFY(b.value(u"self_hosted"_s).isString());
            QVERIFY(b.value(u"requests_per_day"_s).isNull() || b.value(u"requests_per_day"_s).isDouble());
        }
    }

    void estimate_optionsFilterAndStdin()
    {
        const Run r = run({u"estimate"_s, u"--workload"_s, u"-"_s, u"--option"_s, u"aws-bedrock"_s, u"--option"_s,
                           u"aws-ec2-vllm"_s, u"--format"_s, u"json"_s},
                          Chatbot);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray estimates = QJsonDocument::fromJson(r.out).object().value(u"estimates"_s).toArray();
        QCOMPARE(estimates.size(), 2);
        QCOMPARE(estimates.at(0).toObject().value(u"option"_s).toString(), u"aws-bedrock"_s);
        QCOMPARE(estimates.at(1).toObject().value(u"option"_s).toString(), u"aws-ec2-vllm"_s);
    }

    void estimate_tableAndCsv()
    {
        const QString file = writeFile(u"c.json"_s, Chatbot);
        const Run table = run({u"estimate"_s, u"--workload"_s, file});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.contains("aws-bedrock"));
        QVERIFY(table.out.contains("monthly_usd"));
        const Run csv = run({u"estimate"_s, u"--workload"_s, file, u"--format"_s, u"csv"_s, u"--option"_s, u"aws-bedrock"_s});
        QCOMPARE(csv.exitCode, 0);
        const QList<QByteArray> lines = csv.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0).startsWith("option,model,mode,monthly_usd"));
        QVERIFY(lines.at(1).startsWith("aws-bedrock,claude-sonnet-4-5,per_token,20311.2,"));
    }

    void estimate_rejectsBadInput_data()
    {
        QTest::addColumn<QByteArray>("workload");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QByteArray>("names");
        const QByteArray ok = R"({"requests_per_day": 10, "input_tokens_per_request": 1, "output_tokens_per_request": 2)";
        QTest::newRow("negative") << QByteArray(R"({"requests_per_day": -5, "input_tokens_per_request": 1, "output_tokens_per_request": 2})")
                                  << QStringList() << QByteArray("requests_per_day");
        QTest::newRow("rate") << (ok + R"(, "cache_hit_rate": 2})") << QStringList() << QByteArray("cache_hit_rate");
        QTest::newRow("unknown key") << (ok + R"(, "colour": "red"})") << QStringList() << QByteArray("colour");
        QTest::newRow("missing") << QByteArray(R"({"requests_per_day": 10})") << QStringList()
                                 << QByteArray("input_tokens_per_request");
        QTest::newRow("malformed") << QByteArray("{ nope") << QStringList() << QByteArray("malformed JSON");
        QTest::newRow("unknown model") << (ok + R"(, "model": "gpt-99"})") << QStringList() << QByteArray("model");
        QTest::newRow("unknown option") << (ok + "}") << QStringList{u"--option"_s, u"aws-nothing"_s}
                                        << QByteArray("--option");
        QTest::newRow("bad format") << (ok + "}") << QStringList{u"--format"_s, u"xml"_s} << QByteArray("--format");
        QTest::newRow("unknown flag") << (ok + "}") << QStringList{u"--fast"_s} << QByteArray("--fast");
    }

    void estimate_rejectsBadInput()
    {
        QFETCH(QByteArray, workload);
        QFETCH(QStringList, extra);
        QFETCH(QByteArray, names);
        const Run r = run(QStringList{u"estimate"_s, u"--workload"_s, writeFile(u"bad.json"_s, workload)} + extra);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(r.err.startsWith("error: "), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1); // one line
        QVERIFY2(r.err.contains(names), r.err.constData());
    }

    void estimate_missingFileIsBadInput()
    {
        const Run r = run({u"estimate"_s, u"--workload"_s, m_dir.filePath(u"none.json"_s)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.startsWith("error: "));
        const Run none = run({u"estimate"_s});
        QCOMPARE(none.exitCode, 2);
        QVERIFY(none.err.contains("--workload"));
    }
};

QTEST_GUILESS_MAIN(TestCliEstimate)
#include "tst_cli_estimate.moc"
