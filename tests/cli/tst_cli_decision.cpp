// The `recommend`, `compare` and `report` contracts of DESIGN.md §4, through the real binary.
#include "CliRunner.h"

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

class TestCliDecision : public QObject
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

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(content);
        return path;
    }

    static void verifyOneLineError(const Run &r, const char *needle)
    {
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("error: "), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains(needle), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

private Q_SLOTS:
    void help_listsTheDecisionCommands()
    {
        const Run r = run({u"--help"_s});
        QCOMPARE(r.exitCode, 0);
        for (const char *c : {"recommend --answers FILE|-", "compare --options ID,ID", "report --workload FILE"})
            QVERIFY2(r.out.contains(c), c);
    }

    void recommend_json_followsTheContract()
    {
        const QString answers = write(u"a.json"_s, R"({"cloud":"any","model_family":"open_weights",
            "ops_maturity":"containers","monthly_tokens_millions":600,"traffic_pattern":"spiky",
            "data_control":"region_pinned","compliance":"none","latency":"interactive",
            "time_to_production":"weeks","budget_usd_per_month":5000})");
        const Run r = run({u"recommend"_s, u"--answers"_s, answers, u"--format"_s, u"json"_s});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonParseError e;
        const QJsonObject root = QJsonDocument::fromJson(r.out, &e).object();
        QCOMPARE(e.error, QJsonParseError::NoError);
        const QJsonArray recs = root.value(u"recommendations"_s).toArray();
        QCOMPARE(recs.size(), 9); // every option fits these answers
        double previous = 1e9;
        for (const QJsonValue &v : recs) {
            const QJsonObject o = v.toObject();
            QVERIFY(o.value(u"option"_s).isString());
            QVERIFY(o.value(u"score"_s).isDouble());
            QVERIFY(o.value(u"score"_s).toDouble() <= previous);
            previous = o.value(u"score"_s).toDouble();
            QVERIFY(!o.value(u"reasons"_s).toArray().isEmpty());
            QVERIFY(o.value(u"guide"_s).toString().contains(u".md#"_s));
            QVERIFY(o.contains(u"monthly_usd_estimate"_s));
            const QJsonValue usd = o.value(u"monthly_usd_estimate"_s);
            QVERIFY(usd.isNull() || usd.isDouble());
        }
        QVERIFY(root.value(u"what_would_change"_s).isArray());
        // The reasons name the answers that drove them.
        QVERIFY(r.out.contains("traffic_pattern = spiky"));
    }

    void recommend_text_readsStdin()
    {
        const Run r = run({u"recommend"_s, u"--answers"_s, u"-"_s}, R"({"cloud":"azure","model_family":"openai"})");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("1. Azure OpenAI"));
        QVERIFY(r.out.contains("What would change the answer"));
    }

    void recommend_contradiction_isExplained()
    {
        const Run r = run({u"recommend"_s, u"--answers"_s, u"-"_s, u"--format"_s, u"json"_s},
                          R"({"compliance":"air_gapped","model_family":"openai"})");
        QCOMPARE(r.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(r.out).object();
        QVERIFY(!root.value(u"recommendations"_s).toArray().isEmpty());
        QVERIFY(root.value(u"conflicts"_s).toArray().first().toObject().value(u"explanation"_s).toString().contains(
            u"air-gapped"_s));
    }

    void recommend_badInput_exits2NamingIt_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("needle");
        QTest::newRow("unknown question") << QStringList{u"--answers"_s, u"-"_s} << QByteArray(R"({"colour":"red"})")
                                          << QByteArray("unknown question 'colour'");
        QTest::newRow("unknown value") << QStringList{u"--answers"_s, u"-"_s} << QByteArray(R"({"latency":"instant"})")
                                       << QByteArray("'latency': unknown value 'instant'");
        QTest::newRow("negative number") << QStringList{u"--answers"_s, u"-"_s}
                                         << QByteArray(R"({"budget_usd_per_month":-1})")
                                         << QByteArray("'budget_usd_per_month'");
        QTest::newRow("malformed json") << QStringList{u"--answers"_s, u"-"_s} << QByteArray("{nope")
                                        << QByteArray("not valid JSON");
        QTest::newRow("missing file") << QStringList{u"--answers"_s, u"/nonexistent/answers.json"_s} << QByteArray()
                                      << QByteArray("/nonexistent/answers.json");
        QTest::newRow("no --answers") << QStringList{} << QByteArray() << QByteArray("--answers");
        QTest::newRow("bad format") << QStringList{u"--answers"_s, u"-"_s, u"--format"_s, u"yaml"_s} << QByteArray("{}")
                                    << QByteArray("'yaml'");
    }

    void recommend_badInput_exits2NamingIt()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, needle);
        verifyOneLineError(run(QStringList{u"recommend"_s} + args, input), needle.constData());
    }

    void compare_formats()
    {
        const Run md = run({u"compare"_s, u"--options"_s, u"aws-bedrock,azure-openai,gcp-vertex-ai"_s, u"--format"_s,
                            u"markdown"_s});
        QCOMPARE(md.exitCode, 0);
        QVERIFY(md.out.startsWith("| Criterion | Amazon Bedrock | Azure OpenAI"));
        const Run csv = run({u"compare"_s, u"--options"_s, u"aws-bedrock,gcp-gke"_s, u"--format"_s, u"csv"_s});
        QCOMPARE(csv.exitCode, 0);
        QVERIFY(csv.out.startsWith("Criterion,Amazon Bedrock,Google Kubernetes Engine (GKE)\r\n"));
        const Run json = run({u"compare"_s, u"--options=gcp-gke,aws-bedrock"_s, u"--format"_s, u"json"_s});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(json.out).object();
        const QJsonArray options = root.value(u"options"_s).toArray();
        QCOMPARE(options.size(), 2);
        QCOMPARE(options.first().toObject().value(u"id"_s).toString(), u"gcp-gke"_s); // the order given
        const QJsonArray criteria = root.value(u"criteria"_s).toArray();
        QVERIFY(criteria.size() >= 15);
        QVERIFY(criteria.first().toObject().value(u"values"_s).toObject().contains(u"aws-bedrock"_s));
    }

    void compare_badInput_exits2NamingIt_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("needle");
        QTest::newRow("unknown id") << QStringList{u"--options"_s, u"aws-bedrock,aws-lambda"_s}
                                    << QByteArray("'aws-lambda'");
        QTest::newRow("one option") << QStringList{u"--options"_s, u"aws-bedrock"_s} << QByteArray("at least two");
        QTest::newRow("duplicate") << QStringList{u"--options"_s, u"gcp-gke,gcp-gke"_s} << QByteArray("'gcp-gke'");
        QTest::newRow("empty id") << QStringList{u"--options"_s, u"gcp-gke,,aws-bedrock"_s} << QByteArray("empty");
        QTest::newRow("missing") << QStringList{} << QByteArray("--options");
        QTest::newRow("bad format") << QStringList{u"--options"_s, u"gcp-gke,aws-bedrock"_s, u"--format"_s, u"xml"_s}
                                    << QByteArray("'xml'");
    }

    void compare_badInput_exits2NamingIt()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, needle);
        verifyOneLineError(run(QStringList{u"compare"_s} + args), needle.constData());
    }

    void report_writesMarkdownHtmlAndPdf()
    {
        const QString workload = write(u"w.json"_s, R"({"name":"Support chatbot","model":"claude-haiku-4-5",
            "requests_per_day":10000,"input_tokens_per_request":1500,"output_tokens_per_request":400})");
        const QString answers = write(u"r.json"_s, R"({"cloud":"aws","model_family":"anthropic"})");
        const QString md = m_dir.filePath(u"adr.md"_s);
        Run r = run({u"report"_s, u"--workload"_s, workload, u"--answers"_s, answers, u"--out"_s, md});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile f(md);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        for (const char *s : {"# Decision record: Deployment platform for Support chatbot", "## Context", "## Answers",
                              "## Decision", "We will use **Amazon Bedrock**", "## Alternatives considered",
                              "## Estimated monthly cost", "## Risks and mitigations", "## Links", "Support chatbot"})
            QVERIFY2(text.contains(s), s);
        QVERIFY(text.contains("per month")); // the workload is priced by the cost engine

        const QString html = m_dir.filePath(u"adr.html"_s);
        r = run({u"report"_s, u"--workload"_s, workload, u"--answers"_s, answers, u"--out"_s, html});
        QCOMPARE(r.exitCode, 0);
        QFile h(html);
        QVERIFY(h.open(QIODevice::ReadOnly));
        QVERIFY(h.readAll().contains("<h2>Decision</h2>"));

        const QString pdf = m_dir.filePath(u"adr.pdf"_s);
        r = run({u"report"_s, u"--workload"_s, workload, u"--answers"_s, answers, u"--out"_s, pdf});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile p(pdf);
        QVERIFY(p.open(QIODevice::ReadOnly));
        QVERIFY(p.read(5) == "%PDF-");
        QVERIFY(p.size() > 2000);
    }

    void report_badInput_exits2NamingIt_data()
    {
        QTest::addColumn<QByteArray>("workload");
        QTest::addColumn<QByteArray>("answers");
        QTest::addColumn<QString>("out");
        QTest::addColumn<QByteArray>("needle");
        const QByteArray w = R"({"requests_per_day":10,"input_tokens_per_request":1,"output_tokens_per_request":1})";
        QTest::newRow("bad workload key") << QByteArray(R"({"requests_per_day":10,"input_tokens_per_request":1,
            "output_tokens_per_request":1,"colour":"red"})") << QByteArray("{}") << u"x.md"_s << QByteArray("colour");
        QTest::newRow("negative volume") << QByteArray(R"({"requests_per_day":-10,"input_tokens_per_request":1,
            "output_tokens_per_request":1})") << QByteArray("{}") << u"x.md"_s << QByteArray("requests_per_day");
        QTest::newRow("bad answer") << w << QByteArray(R"({"cloud":"mars"})") << u"x.md"_s << QByteArray("'mars'");
        QTest::newRow("bad extension") << w << QByteArray("{}") << u"x.docx"_s << QByteArray("x.docx");
    }

    void report_badInput_exits2NamingIt()
    {
        QFETCH(QByteArray, workload);
        QFETCH(QByteArray, answers);
        QFETCH(QString, out);
        QFETCH(QByteArray, needle);
        const QString outPath = m_dir.filePath(out);
        const Run r = run({u"report"_s, u"--workload"_s, write(u"bw.json"_s, workload), u"--answers"_s,
                           write(u"ba.json"_s, answers), u"--out"_s, outPath});
        verifyOneLineError(r, needle.constData());
        QVERIFY(!QFile::exists(outPath)); // no partial write
    }
};

QTEST_GUILESS_MAIN(TestCliDecision)
#include "tst_cli_decision.moc"
