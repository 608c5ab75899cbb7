#include "DecisionCommands.h"

#include "CliSupport.h"
#include "decision/Comparison.h"
#include "decision/DecisionEstimate.h"
#include "decision/DecisionTree.h"
#include "decision/Evaluator.h"
#include "decision/RecommendationExport.h"
#include "kb/DataLocations.h"
#include "kb/KnowledgeBase.h"
#include "kb/UserDatabase.h"
#include "pricing/PriceCatalogue.h"
#include "report/DecisionRecord.h"
#include "scenario/Workload.h"
#include "util/TextTable.h"
#include "wizard/DecisionRecordPdf.h"

#include <QDate>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

#include <memory>

using namespace Qt::StringLiterals;

namespace lda::app {

namespace {

// Every decision-command option takes a value; allowed maps each to its permitted values (empty: any).
ParsedOptions parse(const QStringList &args, const QHash<QString, QStringList> &allowed)
{
    QHash<QString, OptionSpec> spec;
    for (auto it = allowed.cbegin(); it != allowed.cend(); ++it)
        spec.insert(it.key(), OptionSpec{true, it.value()});
    return parseOptions(args, spec);
}

// The shared start of every decision command: the knowledge base, its decision tree and the evaluator.
struct Session
{
    std::unique_ptr<core::kb::KnowledgeBase> kb;
    std::unique_ptr<core::kb::UserDatabase> user;
    std::unique_ptr<core::pricing::PriceCatalogue> prices;
    std::optional<core::decision::DecisionTree> tree;
};

int openSession(const CommandLine &cl, Session *s, QTextStream &err, bool withTree)
{
    int rc = Ok;
    s->kb = openKnowledgeBase(cl, err, &rc);
    if (!s->kb)
        return rc;
    QString error;
    if (withTree) {
        s->tree = core::decision::DecisionTree::load(*s->kb, &error);
        if (!s->tree) {
            err << "error: " << error << Qt::endl;
            return Failure;
        }
    }
    // Prices resolve with the user's overrides when user.db opens; estimates work without it.
    const QString userPath = cl.userDbPath.isEmpty() ? core::kb::defaultUserDatabasePath() : cl.userDbPath;
    QString userError;
    s->user = core::kb::UserDatabase::open(userPath, &userError);
    s->prices = std::make_unique<core::pricing::PriceCatalogue>(*s->kb, s->user.get());
    return Ok;
}

// Reads FILE, or stdin for "-". On failure *error names the file.
bool readInput(const QString &path, const QString &what, QByteArray *out, QString *error)
{
    QFile file;
    const bool fromStdin = path == u"-"_s;
    const bool opened = fromStdin ? file.open(stdin, QIODevice::ReadOnly)
                                  : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        *error = u"cannot read "_s % what % u" file '"_s % path % u"': "_s % file.errorString();
        return false;
    }
    *out = file.readAll();
    return true;
}

std::optional<core::decision::Answers> readAnswers(const QString &path, const core::decision::DecisionTree &tree,
                                                   QTextStream &err)
{
    QByteArray bytes;
    QString error;
    if (!readInput(path, u"answers"_s, &bytes, &error)) {
        err << "error: " << error << Qt::endl;
        return std::nullopt;
    }
    const core::decision::AnswersResult r =
        core::decision::answersFromJson(tree, bytes, path == u"-"_s ? u"stdin"_s : path);
    if (!r.ok()) {
        err << "error: " << r.error << Qt::endl;
        return std::nullopt;
    }
    return r.answers;
}

QHash<QString, core::decision::MonthlyEstimate> estimatesFor(const Session &s, const core::decision::Answers &answers,
                                                             const core::decision::Evaluation &e,
                                                             const core::scenario::Workload *workload)
{
    QHash<QString, core::decision::MonthlyEstimate> out;
    const core::decision::DecisionEstimator estimator(*s.kb, s.prices.get());
    for (const core::decision::OptionResult &r : e.ranked)
        out.insert(r.optionId, estimator.estimate(answers, r.optionId, workload));
    return out;
}

} // namespace

int runRecommend(const CommandLine &cl, const QStringList &args, QTextStream &out, QTextStream &err)
{
    const ParsedOptions o = parse(args, {{u"--answers"_s, {}}, {u"--format"_s, {u"json"_s, u"text"_s}}});
    if (!o.error.isEmpty()) {
        err << "error: " << o.error << Qt::endl;
        return BadInput;
    }
    if (!o.values.contains(u"--answers"_s)) {
        err << "error: recommend needs --answers FILE|-" << Qt::endl;
        return BadInput;
    }
    Session s;
    if (const int rc = openSession(cl, &s, err, true); rc != Ok)
        return rc;
    const std::optional<core::decision::Answers> answers = readAnswers(o.values.value(u"--answers"_s), *s.tree, err);
    if (!answers)
        return BadInput;
    const core::decision::Evaluator evaluator(*s.tree, s.kb->options());
    const core::decision::Evaluation e = evaluator.evaluate(*answers);
    const QHash<QString, core::decision::MonthlyEstimate> estimates = estimatesFor(s, *answers, e, nullptr);
    if (o.values.value(u"--format"_s, u"text"_s) == u"json"_s)
        out << QString::fromUtf8(QJsonDocument(core::decision::recommendationToJson(*s.tree, *answers, e, estimates))
                                     .toJson(QJsonDocument::Indented));
    else
        out << core::decision::recommendationToText(*s.tree, *answers, e, estimates);
    out.flush();
    return Ok;
}

int runCompare(const CommandLine &cl, const QStringList &args, QTextStream &out, QTextStream &err)
{
    const ParsedOptions o = parse(args, {{u"--options"_s, {}}, {u"--format"_s, {u"json"_s, u"markdown"_s, u"csv"_s}}});
    if (!o.error.isEmpty()) {
        err << "error: " << o.error << Qt::endl;
        return BadInput;
    }
    if (!o.values.contains(u"--options"_s)) {
        err << "error: compare needs --options ID,ID[,ID...]" << Qt::endl;
        return BadInput;
    }
    Session s;
    if (const int rc = openSession(cl, &s, err, false); rc != Ok)
        return rc;
    const QList<core::kb::DeploymentOption> all = s.kb->options();
    QStringList ids;
    const QStringList given = o.values.value(u"--options"_s).split(u',');
    for (const QString &raw : given) {
        const QString id = raw.trimmed();
        if (id.isEmpty()) {
            err << "error: empty option id in --options" << Qt::endl;
            return BadInput;
        }
        if (!s.kb->option(id)) {
            err << "error: unknown option id '" << id << "' in --options" << Qt::endl;
            return BadInput;
        }
        if (ids.contains(id)) {
            err << "error: option id '" << id << "' given twice in --options" << Qt::endl;
            return BadInput;
        }
        ids.append(id);
    }
    if (ids.size() < 2) {
        err << "error: --options needs at least two option ids" << Qt::endl;
        return BadInput;
    }
    // Columns in the order given.
    QList<core::kb::DeploymentOption> options;
    for (const QString &id : std::as_const(ids))
        options.append(*s.kb->option(id));
    const QList<core::decision::ComparisonRow> rows = core::decision::comparisonRows(options, s.kb->criteria());
    const QString format = o.values.value(u"--format"_s, u"markdown"_s);
    if (format == u"json"_s)
        out << QString::fromUtf8(
            QJsonDocument(core::decision::comparisonToJson(options, rows)).toJson(QJsonDocument::Indented));
    else if (format == u"csv"_s)
        out << core::util::toCsv(core::decision::comparisonTable(options, rows));
    else
        out << core::util::toMarkdownTable(core::decision::comparisonTable(options, rows));
    out.flush();
    return Ok;
}

int runReport(const CommandLine &cl, const QStringList &args, QTextStream &out, QTextStream &err)
{
    const ParsedOptions o = parse(args, {{u"--workload"_s, {}}, {u"--answers"_s, {}}, {u"--out"_s, {}}});
    if (!o.error.isEmpty()) {
        err << "error: " << o.error << Qt::endl;
        return BadInput;
    }
    for (const QString &required : {u"--workload"_s, u"--answers"_s, u"--out"_s}) {
        if (!o.values.contains(required)) {
            err << "error: report needs " << required << Qt::endl;
            return BadInput;
        }
    }
    const QString outPath = o.values.value(u"--out"_s);
    const QString suffix = outPath.section(u'.', -1).toLower();
    if (!outPath.contains(u'.') || (suffix != u"md"_s && suffix != u"html"_s && suffix != u"pdf"_s)) {
        err << "error: --out '" << outPath << "' must end in .md, .html or .pdf" << Qt::endl;
        return BadInput;
    }
    Session s;
    if (const int rc = openSession(cl, &s, err, true); rc != Ok)
        return rc;

    const QString workloadPath = o.values.value(u"--workload"_s);
    if (workloadPath == u"-"_s && o.values.value(u"--answers"_s) == u"-"_s) {
        err << "error: --workload and --answers cannot both read stdin" << Qt::endl;
        return BadInput;
    }
    QByteArray workloadBytes;
    QString error;
    if (!readInput(workloadPath, u"workload"_s, &workloadBytes, &error)) {
        err << "error: " << error << Qt::endl;
        return BadInput;
    }
    const core::scenario::WorkloadResult workload =
        core::scenario::workloadFromJson(workloadBytes, workloadPath == u"-"_s ? u"stdin"_s : workloadPath);
    if (!workload.ok()) {
        err << "error: "
            << (workload.errors.isEmpty() ? workloadPath % u": invalid workload"_s : workload.errors.first().toString())
            << Qt::endl;
        return BadInput;
    }
    const std::optional<core::decision::Answers> answers = readAnswers(o.values.value(u"--answers"_s), *s.tree, err);
    if (!answers)
        return BadInput;

    const core::decision::Evaluator evaluator(*s.tree, s.kb->options());
    core::report::DecisionRecordInput in;
    in.date = QDate::currentDate().toString(Qt::ISODate);
    in.kbVersion = s.kb->meta().kbVersion;
    in.pricesAsOf = s.kb->meta().pricesAsOf;
    in.tree = &*s.tree;
    in.answers = *answers;
    in.evaluation = evaluator.evaluate(*answers);
    in.estimates = estimatesFor(s, *answers, in.evaluation, &*workload.workload);
    in.options = s.kb->options();
    in.workload = core::scenario::workloadToJson(*workload.workload);
    if (!workload.workload->name.isEmpty())
        in.title = u"Deployment platform for "_s % workload.workload->name;

    if (suffix == u"pdf"_s) {
        if (!ui::writeHtmlAsPdfFile(core::report::decisionRecordHtml(in), in.title, outPath, &error)) {
            err << "error: " << error << Qt::endl;
            return Failure;
        }
    } else {
        QSaveFile file(outPath);
        const QString text = suffix == u"md"_s ? core::report::decisionRecordMarkdown(in)
                                               : core::report::decisionRecordHtml(in);
        if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
            err << "error: cannot write '" << outPath << "': " << file.errorString() << Qt::endl;
            return Failure;
        }
    }
    out << "decision record written to " << outPath << Qt::endl;
    return Ok;
}

QString decisionSelfTest(const core::kb::KnowledgeBase &kb)
{
    QString error;
    const std::optional<core::decision::DecisionTree> tree = core::decision::DecisionTree::load(kb, &error);
    if (!tree)
        return u"decision tree: "_s % error;
    const core::decision::AnswersResult sample = core::decision::answersFromJson(
        *tree, R"({"cloud":"any","model_family":"open_weights","traffic_pattern":"spiky",
                   "monthly_tokens_millions":600})");
    if (!sample.ok())
        return u"decision tree: the sample answers are rejected: "_s % sample.error;
    const core::decision::Evaluation e = core::decision::Evaluator(*tree, kb.options()).evaluate(*sample.answers);
    if (e.ranked.isEmpty())
        return u"decision tree: the sample recommendation is empty"_s;
    for (const core::decision::OptionResult &r : e.ranked) {
        if (r.reasons.isEmpty())
            return u"decision tree: "_s % r.optionId % u" is ranked without a reason"_s;
    }
    return {};
}

bool commandNeedsGui(const CommandLine &cl)
{
    if (cl.command.value(0) != u"report"_s)
        return false;
    for (const QString &arg : cl.command) {
        if (arg.endsWith(u".pdf"_s, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace lda::app
