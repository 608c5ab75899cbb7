// The §4 bad-input contract swept across every command and sub-command through the real binary: each
// bad input exits 2 with exactly one `error: ...` line on stderr naming the field at fault, nothing on
// stdout, and no file created or modified (no partial report, user.db unchanged). The per-command
// tests (tst_cli_*.cpp) cover the happy paths; this one is the cross-command sweep.
#include "CliRunner.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using Run = lda::test::CliResult;

const QByteArray ValidWorkload =
    R"({"requests_per_day": 1000, "input_tokens_per_request": 100, "output_tokens_per_request": 50})";

QByteArray workloadWith(const QByteArray &extra)
{
    return R"({"requests_per_day": 1000, "input_tokens_per_request": 100, "output_tokens_per_request": 50, )" + extra
        + "}";
}

} // namespace

class TestCliBadInput : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // "@name" is a file in the scratch folder; anything else is passed as is.
    QStringList expand(const QStringList &args) const
    {
        QStringList out;
        for (const QString &a : args)
            out.append(a.startsWith(u'@') ? path(a.mid(1)) : a);
        return out;
    }

    Run run(const QStringList &args, const QString &userDb, const QByteArray &stdinData = {})
    {
        lda::test::CliOptions options;
        options.stdinData = stdinData;
        options.workingDir = m_dir.path();
        return lda::test::runCli(lda::test::cliGlobals(path(userDb)) + args, options);
    }

    bool writeFile(const QString &name, const QByteArray &content)
    {
        QFile f(path(name));
        return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
    }

    // Every regular file under the scratch folder with the hash of its content.
    QMap<QString, QByteArray> snapshot() const
    {
        QMap<QString, QByteArray> files;
        QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            QFile f(file);
            QByteArray hash = "unreadable";
            if (f.open(QIODevice::ReadOnly))
                hash = QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
            files.insert(QDir(m_dir.path()).relativeFilePath(file), hash);
        }
        return files;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(writeFile(u"workload.json"_s, ValidWorkload));
        QVERIFY(writeFile(u"answers.json"_s, "{\"cloud\": \"aws\"}"));
        QVERIFY(writeFile(u"empty.json"_s, {}));
        QVERIFY(writeFile(u"truncated.json"_s, "{\"requests_per_day\": 1000, \"input_tok"));
        QVERIFY(writeFile(u"array.json"_s, "[1, 2, 3]"));
        QVERIFY(writeFile(u"string.json"_s, "\"just a string\""));
        QVERIFY(writeFile(u"existing.md"_s, "# keep me\n"));
        QVERIFY(writeFile(u"regular-file"_s, "not a folder\n"));
        QVERIFY(QDir(m_dir.path()).mkdir(u"folder.json"_s));
        const QByteArray litellm = R"({"some-model": {"input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06,
                              "litellm_provider": "bedrock", "mode": "chat"}})";
        QVERIFY(writeFile(u"litellm.json"_s, litellm));
        struct Bad
        {
            const char *name;
            QByteArray body;
        };
        const Bad bad[] = {
            {"rate-high.json", workloadWith(R"("cache_hit_rate": 1.5)")},
            {"rate-negative.json", workloadWith(R"("batch_share": -0.1)")},
            {"negative-days.json", workloadWith(R"("days_per_month": -3)")},
            {"negative-required.json",
             R"({"requests_per_day": -1, "input_tokens_per_request": 100, "output_tokens_per_request": 50})"},
            {"overflow.json", workloadWith(R"("budget_usd_per_month": 1e999)")},
            {"nan.json", R"({"requests_per_day": 1000, "input_tokens_per_request": NaN, "output_tokens_per_request": 50})"},
            {"infinity.json", workloadWith(R"("peak_requests_per_second": Infinity)")},
            {"string-number.json", workloadWith(R"("peak_requests_per_second": "NaN")")},
            {"unknown-key.json", workloadWith(R"("bogus_key": 1)")},
            {"missing-required.json", R"({"requests_per_day": 1000, "input_tokens_per_request": 100})"},
            {"self-hosted-count.json", workloadWith(R"("self_hosted": {"instance": "g5.12xlarge", "count": -2})")},
            {"self-hosted-pricing.json",
             workloadWith(R"("self_hosted": {"instance": "g5.12xlarge", "count": 2, "pricing": "free"})")},
            {"answers-unknown-id.json", R"({"bogus_question": "x"})"},
            {"answers-unknown-value.json", R"({"cloud": "ibm"})"},
            {"answers-negative.json", R"({"monthly_tokens_millions": -5})"},
            {"answers-wrong-type.json", R"({"budget_usd_per_month": "lots"})"},
        };
        for (const Bad &b : bad)
            QVERIFY(writeFile(QString::fromLatin1(b.name), b.body));

        // A real user.db with content (an imported snapshot) whose hash every bad input must leave alone.
        const Run made = run({u"prices"_s, u"import"_s, u"--litellm"_s, path(u"litellm.json"_s), u"--as-of"_s,
                              u"2025-01-01"_s},
                             u"user.db"_s);
        QVERIFY2(made.exitCode == 0, made.err.constData());
        QVERIFY(QFile::exists(path(u"user.db"_s)));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("field"); // the message must name this (case-insensitive)
        QTest::addColumn<QByteArray>("stdinData");
        QTest::addColumn<QString>("userDb");

        const QString db = u"user.db"_s;
        const QByteArray none;
        auto add = [&](const char *tag, const QStringList &args, const QString &field, const QByteArray &in = {},
                       const QString &userDb = u"user.db"_s) {
            QTest::newRow(tag) << args << field << in << userDb;
        };

        // --- global / top level
        add("unknown command", {u"frobnicate"_s}, u"frobnicate"_s);
        add("unknown global option", {u"--bogus"_s, u"options"_s, u"list"_s}, u"--bogus"_s);
        add("bad --page", {u"--page"_s, u"nowhere"_s}, u"--page"_s);
        add("--page with command", {u"--page"_s, u"guide"_s, u"options"_s, u"list"_s}, u"--page"_s);

        // --- self-test
        add("self-test extra arg", {u"self-test"_s, u"--bogus"_s}, u"self-test"_s);

        // --- options list
        add("options unknown sub", {u"options"_s, u"bogus"_s}, u"bogus"_s);
        add("options list unknown option", {u"options"_s, u"list"_s, u"--bogus"_s}, u"--bogus"_s);
        add("options list missing value", {u"options"_s, u"list"_s, u"--format"_s}, u"--format"_s);
        add("options list empty value", {u"options"_s, u"list"_s, u"--format"_s, u""_s}, u"--format"_s);
        add("options list duplicated", {u"options"_s, u"list"_s, u"--format"_s, u"json"_s, u"--format"_s, u"table"_s},
            u"--format"_s);
        add("options list bad enum", {u"options"_s, u"list"_s, u"--format"_s, u"xml"_s}, u"--format"_s);

        // --- prices
        add("prices unknown sub", {u"prices"_s, u"bogus"_s}, u"bogus"_s);
        add("prices list unknown option", {u"prices"_s, u"list"_s, u"--bogus"_s}, u"--bogus"_s);
        add("prices list missing value", {u"prices"_s, u"list"_s, u"--provider"_s}, u"--provider"_s);
        add("prices list empty value", {u"prices"_s, u"list"_s, u"--model"_s, u""_s}, u"--model"_s);
        add("prices list duplicated", {u"prices"_s, u"list"_s, u"--provider"_s, u"aws"_s, u"--provider"_s, u"gcp"_s},
            u"--provider"_s);
        add("prices list bad provider", {u"prices"_s, u"list"_s, u"--provider"_s, u"ibm"_s}, u"--provider"_s);
        add("prices list bad format", {u"prices"_s, u"list"_s, u"--format"_s, u"xml"_s}, u"--format"_s);
        add("prices list unknown option id", {u"prices"_s, u"list"_s, u"--option"_s, u"nope"_s}, u"--option"_s);
        add("prices list unknown model", {u"prices"_s, u"list"_s, u"--model"_s, u"nope"_s}, u"--model"_s);
        add("prices list user-db under a file", {u"prices"_s, u"list"_s}, u"regular-file"_s, none,
            u"regular-file/sub/user.db"_s);

        add("prices import no --litellm", {u"prices"_s, u"import"_s}, u"--litellm"_s);
        add("prices import unknown option", {u"prices"_s, u"import"_s, u"--litellm"_s, u"@litellm.json"_s, u"--bogus"_s},
            u"--bogus"_s);
        add("prices import missing value", {u"prices"_s, u"import"_s, u"--litellm"_s}, u"--litellm"_s);
        add("prices import empty value", {u"prices"_s, u"import"_s, u"--litellm"_s, u""_s}, u"--litellm"_s);
        add("prices import duplicated",
            {u"prices"_s, u"import"_s, u"--litellm"_s, u"@litellm.json"_s, u"--litellm"_s, u"@litellm.json"_s},
            u"--litellm"_s);
        add("prices import nonexistent file", {u"prices"_s, u"import"_s, u"--litellm"_s, u"@missing.json"_s},
            u"missing.json"_s);
        add("prices import folder as file", {u"prices"_s, u"import"_s, u"--litellm"_s, u"@folder.json"_s},
            u"folder.json"_s);
        add("prices import empty file", {u"prices"_s, u"import"_s, u"--litellm"_s, u"@empty.json"_s}, u"empty.json"_s);
        add("prices import truncated JSON", {u"prices"_s, u"import"_s, u"--litellm"_s, u"@truncated.json"_s},
            u"truncated.json"_s);
        add("prices import JSON array", {u"prices"_s, u"import"_s, u"--litellm"_s, u"@array.json"_s}, u"array.json"_s);
        add("prices import JSON string", {u"prices"_s, u"import"_s, u"--litellm"_s, u"@string.json"_s},
            u"string.json"_s);
        add("prices import bad --as-of month",
            {u"prices"_s, u"import"_s, u"--litellm"_s, u"@litellm.json"_s, u"--as-of"_s, u"2024-13-45"_s}, u"--as-of"_s);
        add("prices import bad --as-of word",
            {u"prices"_s, u"import"_s, u"--litellm"_s, u"@litellm.json"_s, u"--as-of"_s, u"yesterday"_s}, u"--as-of"_s);
        add("prices import bad --as-of Feb 30",
            {u"prices"_s, u"import"_s, u"--litellm"_s, u"@litellm.json"_s, u"--as-of"_s, u"2025-02-30"_s}, u"--as-of"_s);
        add("prices import user-db under a file",
            {u"prices"_s, u"import"_s, u"--litellm"_s, u"@litellm.json"_s, u"--as-of"_s, u"2025-01-02"_s},
            u"regular-file"_s, none, u"regular-file/sub/user.db"_s);

        add("prices history no --model", {u"prices"_s, u"history"_s}, u"--model"_s);
        add("prices history unknown option", {u"prices"_s, u"history"_s, u"--model"_s, u"claude-sonnet-4-5"_s, u"--bogus"_s},
            u"--bogus"_s);
        add("prices history missing value", {u"prices"_s, u"history"_s, u"--model"_s}, u"--model"_s);
        add("prices history empty value", {u"prices"_s, u"history"_s, u"--model"_s, u""_s}, u"--model"_s);
        add("prices history duplicated",
            {u"prices"_s, u"history"_s, u"--model"_s, u"claude-sonnet-4-5"_s, u"--model"_s, u"claude-sonnet-4-5"_s},
            u"--model"_s);
        add("prices history unknown model", {u"prices"_s, u"history"_s, u"--model"_s, u"nope"_s}, u"--model"_s);
        add("prices history bad format",
            {u"prices"_s, u"history"_s, u"--model"_s, u"claude-sonnet-4-5"_s, u"--format"_s, u"xml"_s}, u"--format"_s);
        add("prices history unknown option id",
            {u"prices"_s, u"history"_s, u"--model"_s, u"claude-sonnet-4-5"_s, u"--option"_s, u"nope"_s}, u"--option"_s);
        add("prices history user-db under a file", {u"prices"_s, u"history"_s, u"--model"_s, u"claude-sonnet-4-5"_s},
            u"regular-file"_s, none, u"regular-file/sub/user.db"_s);

        add("prices use no --snapshot", {u"prices"_s, u"use"_s}, u"--snapshot"_s);
        add("prices use unknown option", {u"prices"_s, u"use"_s, u"--snapshot"_s, u"none"_s, u"--bogus"_s}, u"--bogus"_s);
        add("prices use missing value", {u"prices"_s, u"use"_s, u"--snapshot"_s}, u"--snapshot"_s);
        add("prices use empty value", {u"prices"_s, u"use"_s, u"--snapshot"_s, u""_s}, u"--snapshot"_s);
        add("prices use duplicated", {u"prices"_s, u"use"_s, u"--snapshot"_s, u"none"_s, u"--snapshot"_s, u"latest"_s},
            u"--snapshot"_s);
        add("prices use unknown id", {u"prices"_s, u"use"_s, u"--snapshot"_s, u"99999"_s}, u"--snapshot"_s);
        add("prices use bad value", {u"prices"_s, u"use"_s, u"--snapshot"_s, u"newest"_s}, u"--snapshot"_s);
        add("prices use user-db under a file", {u"prices"_s, u"use"_s, u"--snapshot"_s, u"none"_s}, u"regular-file"_s,
            none, u"regular-file/sub/user.db"_s);

        add("prices snapshots unknown option", {u"prices"_s, u"snapshots"_s, u"--bogus"_s}, u"--bogus"_s);
        add("prices snapshots missing value", {u"prices"_s, u"snapshots"_s, u"--format"_s}, u"--format"_s);
        add("prices snapshots empty value", {u"prices"_s, u"snapshots"_s, u"--format"_s, u""_s}, u"--format"_s);
        add("prices snapshots duplicated",
            {u"prices"_s, u"snapshots"_s, u"--format"_s, u"json"_s, u"--format"_s, u"json"_s}, u"--format"_s);
        add("prices snapshots bad format", {u"prices"_s, u"snapshots"_s, u"--format"_s, u"xml"_s}, u"--format"_s);
        add("prices snapshots user-db under a file", {u"prices"_s, u"snapshots"_s}, u"regular-file"_s, none,
            u"regular-file/sub/user.db"_s);

        // --- estimate
        const QString wl = u"@workload.json"_s;
        add("estimate no --workload", {u"estimate"_s}, u"--workload"_s);
        add("estimate unknown option", {u"estimate"_s, u"--workload"_s, wl, u"--bogus"_s}, u"--bogus"_s);
        add("estimate missing value", {u"estimate"_s, u"--workload"_s}, u"--workload"_s);
        add("estimate empty value", {u"estimate"_s, u"--workload"_s, u""_s}, u"--workload"_s);
        add("estimate duplicated", {u"estimate"_s, u"--workload"_s, wl, u"--workload"_s, wl}, u"--workload"_s);
        add("estimate bad format", {u"estimate"_s, u"--workload"_s, wl, u"--format"_s, u"xml"_s}, u"--format"_s);
        add("estimate unknown option id", {u"estimate"_s, u"--workload"_s, wl, u"--option"_s, u"nope"_s}, u"--option"_s);
        add("estimate nonexistent file", {u"estimate"_s, u"--workload"_s, u"@missing.json"_s}, u"missing.json"_s);
        add("estimate folder as file", {u"estimate"_s, u"--workload"_s, u"@folder.json"_s}, u"folder.json"_s);
        add("estimate empty file", {u"estimate"_s, u"--workload"_s, u"@empty.json"_s}, u"empty.json"_s);
        add("estimate truncated JSON", {u"estimate"_s, u"--workload"_s, u"@truncated.json"_s}, u"truncated.json"_s);
        add("estimate JSON array", {u"estimate"_s, u"--workload"_s, u"@array.json"_s}, u"array.json"_s);
        add("estimate JSON string", {u"estimate"_s, u"--workload"_s, u"@string.json"_s}, u"string.json"_s);
        add("estimate stdin truncated", {u"estimate"_s, u"--workload"_s, u"-"_s}, u"stdin"_s,
            R"({"requests_per_day": 10)");
        add("estimate stdin array", {u"estimate"_s, u"--workload"_s, u"-"_s}, u"stdin"_s, "[]");
        add("estimate rate above 1", {u"estimate"_s, u"--workload"_s, u"@rate-high.json"_s}, u"cache_hit_rate"_s);
        add("estimate rate negative", {u"estimate"_s, u"--workload"_s, u"@rate-negative.json"_s}, u"batch_share"_s);
        add("estimate negative days", {u"estimate"_s, u"--workload"_s, u"@negative-days.json"_s}, u"days_per_month"_s);
        add("estimate negative required", {u"estimate"_s, u"--workload"_s, u"@negative-required.json"_s},
            u"requests_per_day"_s);
        add("estimate overflowing number", {u"estimate"_s, u"--workload"_s, u"@overflow.json"_s},
            u"budget_usd_per_month"_s);
        add("estimate NaN", {u"estimate"_s, u"--workload"_s, u"@nan.json"_s}, u"input_tokens_per_request"_s);
        add("estimate Infinity", {u"estimate"_s, u"--workload"_s, u"@infinity.json"_s}, u"peak_requests_per_second"_s);
        add("estimate number as string", {u"estimate"_s, u"--workload"_s, u"@string-number.json"_s},
            u"peak_requests_per_second"_s);
        add("estimate unknown key", {u"estimate"_s, u"--workload"_s, u"@unknown-key.json"_s}, u"bogus_key"_s);
        add("estimate missing required key", {u"estimate"_s, u"--workload"_s, u"@missing-required.json"_s},
            u"output_tokens_per_request"_s);
        add("estimate negative self-hosted count", {u"estimate"_s, u"--workload"_s, u"@self-hosted-count.json"_s},
            u"count"_s);
        add("estimate bad self-hosted pricing", {u"estimate"_s, u"--workload"_s, u"@self-hosted-pricing.json"_s},
            u"pricing"_s);
        add("estimate user-db under a file", {u"estimate"_s, u"--workload"_s, wl}, u"regular-file"_s, none,
            u"regular-file/sub/user.db"_s);

        // --- recommend
        const QString ans = u"@answers.json"_s;
        add("recommend no --answers", {u"recommend"_s}, u"--answers"_s);
        add("recommend unknown option", {u"recommend"_s, u"--answers"_s, ans, u"--bogus"_s}, u"--bogus"_s);
        add("recommend missing value", {u"recommend"_s, u"--answers"_s}, u"--answers"_s);
        add("recommend empty value", {u"recommend"_s, u"--answers"_s, u""_s}, u"--answers"_s);
        add("recommend duplicated", {u"recommend"_s, u"--answers"_s, ans, u"--answers"_s, ans}, u"--answers"_s);
        add("recommend bad format", {u"recommend"_s, u"--answers"_s, ans, u"--format"_s, u"xml"_s}, u"--format"_s);
        add("recommend nonexistent file", {u"recommend"_s, u"--answers"_s, u"@missing.json"_s}, u"missing.json"_s);
        add("recommend folder as file", {u"recommend"_s, u"--answers"_s, u"@folder.json"_s}, u"folder.json"_s);
        add("recommend empty file", {u"recommend"_s, u"--answers"_s, u"@empty.json"_s}, u"empty.json"_s);
        add("recommend truncated JSON", {u"recommend"_s, u"--answers"_s, u"@truncated.json"_s}, u"truncated.json"_s);
        add("recommend JSON array", {u"recommend"_s, u"--answers"_s, u"@array.json"_s}, u"array.json"_s);
        add("recommend JSON string", {u"recommend"_s, u"--answers"_s, u"@string.json"_s}, u"string.json"_s);
        add("recommend stdin array", {u"recommend"_s, u"--answers"_s, u"-"_s}, u"stdin"_s, "[1]");
        add("recommend unknown question", {u"recommend"_s, u"--answers"_s, u"@answers-unknown-id.json"_s},
            u"bogus_question"_s);
        add("recommend unknown value", {u"recommend"_s, u"--answers"_s, u"@answers-unknown-value.json"_s}, u"cloud"_s);
        add("recommend negative number", {u"recommend"_s, u"--answers"_s, u"@answers-negative.json"_s},
            u"monthly_tokens_millions"_s);
        add("recommend number as string", {u"recommend"_s, u"--answers"_s, u"@answers-wrong-type.json"_s},
            u"budget_usd_per_month"_s);

        // --- compare
        const QString two = u"aws-bedrock,azure-openai"_s;
        add("compare no --options", {u"compare"_s}, u"--options"_s);
        add("compare unknown option", {u"compare"_s, u"--options"_s, two, u"--bogus"_s}, u"--bogus"_s);
        add("compare missing value", {u"compare"_s, u"--options"_s}, u"--options"_s);
        add("compare empty value", {u"compare"_s, u"--options"_s, u""_s}, u"--options"_s);
        add("compare duplicated", {u"compare"_s, u"--options"_s, two, u"--options"_s, two}, u"--options"_s);
        add("compare bad format", {u"compare"_s, u"--options"_s, two, u"--format"_s, u"xml"_s}, u"--format"_s);
        add("compare unknown option id", {u"compare"_s, u"--options"_s, u"aws-bedrock,nope"_s}, u"nope"_s);
        add("compare single id", {u"compare"_s, u"--options"_s, u"aws-bedrock"_s}, u"--options"_s);
        add("compare repeated id", {u"compare"_s, u"--options"_s, u"aws-bedrock,aws-bedrock"_s}, u"aws-bedrock"_s);
        add("compare empty id", {u"compare"_s, u"--options"_s, u","_s}, u"--options"_s);

        // --- report (never a partial --out)
        const QString outMd = u"@report.md"_s;
        add("report no args", {u"report"_s}, u"--workload"_s);
        add("report no --out", {u"report"_s, u"--workload"_s, wl, u"--answers"_s, ans}, u"--out"_s);
        add("report no --answers", {u"report"_s, u"--workload"_s, wl, u"--out"_s, outMd}, u"--answers"_s);
        add("report unknown option", {u"report"_s, u"--workload"_s, wl, u"--answers"_s, ans, u"--out"_s, outMd, u"--bogus"_s},
            u"--bogus"_s);
        add("report missing value", {u"report"_s, u"--workload"_s, wl, u"--answers"_s, ans, u"--out"_s}, u"--out"_s);
        add("report empty value", {u"report"_s, u"--workload"_s, wl, u"--answers"_s, ans, u"--out"_s, u""_s}, u"--out"_s);
        add("report duplicated",
            {u"report"_s, u"--workload"_s, wl, u"--answers"_s, ans, u"--out"_s, outMd, u"--out"_s, outMd}, u"--out"_s);
        add("report bad extension", {u"report"_s, u"--workload"_s, wl, u"--answers"_s, ans, u"--out"_s, u"@report.txt"_s},
            u"--out"_s);
        add("report nonexistent workload", {u"report"_s, u"--workload"_s, u"@missing.json"_s, u"--answers"_s, ans, u"--out"_s, outMd},
            u"missing.json"_s);
        add("report folder as workload", {u"report"_s, u"--workload"_s, u"@folder.json"_s, u"--answers"_s, ans, u"--out"_s,
                                          u"@report.html"_s},
            u"folder.json"_s);
        add("report empty answers", {u"report"_s, u"--workload"_s, wl, u"--answers"_s, u"@empty.json"_s, u"--out"_s, outMd},
            u"empty.json"_s);
        add("report truncated workload",
            {u"report"_s, u"--workload"_s, u"@truncated.json"_s, u"--answers"_s, ans, u"--out"_s, u"@report.pdf"_s},
            u"truncated.json"_s);
        add("report array answers", {u"report"_s, u"--workload"_s, wl, u"--answers"_s, u"@array.json"_s, u"--out"_s, outMd},
            u"array.json"_s);
        add("report bad rate keeps existing out",
            {u"report"_s, u"--workload"_s, u"@rate-high.json"_s, u"--answers"_s, ans, u"--out"_s, u"@existing.md"_s},
            u"cache_hit_rate"_s);
        add("report unknown answer keeps existing out",
            {u"report"_s, u"--workload"_s, wl, u"--answers"_s, u"@answers-unknown-value.json"_s, u"--out"_s,
             u"@existing.md"_s},
            u"cloud"_s);
        add("report NaN workload", {u"report"_s, u"--workload"_s, u"@nan.json"_s, u"--answers"_s, ans, u"--out"_s, outMd},
            u"input_tokens_per_request"_s);

        // --- guide
        add("guide unknown sub", {u"guide"_s, u"bogus"_s}, u"bogus"_s);
        add("guide search no query", {u"guide"_s, u"search"_s}, u"QUERY"_s);
        add("guide search empty query", {u"guide"_s, u"search"_s, u""_s}, u"QUERY"_s);
        add("guide search unknown option", {u"guide"_s, u"search"_s, u"bedrock"_s, u"--bogus"_s}, u"--bogus"_s);
        add("guide search missing value", {u"guide"_s, u"search"_s, u"bedrock"_s, u"--limit"_s}, u"--limit"_s);
        add("guide search empty value", {u"guide"_s, u"search"_s, u"bedrock"_s, u"--limit"_s, u""_s}, u"--limit"_s);
        add("guide search duplicated",
            {u"guide"_s, u"search"_s, u"bedrock"_s, u"--limit"_s, u"3"_s, u"--limit"_s, u"4"_s}, u"--limit"_s);
        add("guide search negative limit", {u"guide"_s, u"search"_s, u"bedrock"_s, u"--limit"_s, u"-1"_s}, u"--limit"_s);
        add("guide search zero limit", {u"guide"_s, u"search"_s, u"bedrock"_s, u"--limit"_s, u"0"_s}, u"--limit"_s);
        add("guide search word limit", {u"guide"_s, u"search"_s, u"bedrock"_s, u"--limit"_s, u"many"_s}, u"--limit"_s);
        add("guide search bad format", {u"guide"_s, u"search"_s, u"bedrock"_s, u"--format"_s, u"xml"_s}, u"--format"_s);
        add("guide export no --html", {u"guide"_s, u"export"_s}, u"--html"_s);
        add("guide export unknown option", {u"guide"_s, u"export"_s, u"--html"_s, u"@export"_s, u"--bogus"_s}, u"--bogus"_s);
        add("guide export missing value", {u"guide"_s, u"export"_s, u"--html"_s}, u"--html"_s);
        add("guide export empty value", {u"guide"_s, u"export"_s, u"--html"_s, u""_s}, u"--html"_s);
        add("guide export duplicated", {u"guide"_s, u"export"_s, u"--html"_s, u"@export"_s, u"--html"_s, u"@export"_s},
            u"--html"_s);
        Q_UNUSED(db);
    }

    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, field);
        QFETCH(QByteArray, stdinData);
        QFETCH(QString, userDb);

        const QMap<QString, QByteArray> before = snapshot();
        const Run r = run(expand(args), userDb, stdinData);
        const QMap<QString, QByteArray> after = snapshot();

        const QByteArray context = "exit " + QByteArray::number(r.exitCode) + ", stderr: " + r.err
            + ", stdout: " + r.out.left(200);
        QVERIFY2(r.exitCode == 2, context.constData());
        QVERIFY2(r.out.isEmpty(), context.constData());
        QVERIFY2(r.err.startsWith("error: "), context.constData());
        QVERIFY2(r.err.endsWith('\n') && r.err.count('\n') == 1, context.constData());
        QVERIFY2(QString::fromUtf8(r.err).contains(field, Qt::CaseInsensitive),
                 qPrintable(u"the message does not name '"_s + field + u"': "_s + QString::fromUtf8(r.err)));
        // Nothing created, removed or modified: no partial --out, no export folder, user.db unchanged.
        QVERIFY2(before == after,
                 qPrintable(u"files before: "_s + QStringList(before.keys()).join(u' ') + u"; after: "_s
                            + QStringList(after.keys()).join(u' ')));
        QVERIFY(!QFileInfo::exists(path(u"export"_s)));
        QVERIFY(!QFileInfo::exists(path(u"regular-file/sub"_s)));
    }
};

QTEST_GUILESS_MAIN(TestCliBadInput)
#include "tst_cli_badinput.moc"
