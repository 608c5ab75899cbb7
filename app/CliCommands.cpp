#include "CliCommands.h"

#include "CliSupport.h"
#include "DecisionCommands.h"
#include "GuideCommands.h"

#include "guide/MarkdownRenderer.h"
#include "kb/DataLocations.h"
#include "kb/KnowledgeBase.h"
#include "kb/OptionExport.h"
#include "kb/UserDatabase.h"
#include "pricing/PriceCatalogue.h"
#include "pricing/LiteLlmImporter.h"
#include "pricing/PriceExport.h"
#include "pricing/PriceStore.h"
#include "cost/CostEngine.h"
#include "cost/EstimateExport.h"
#include "scenario/Workload.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace lda::app {

namespace {

class Cli
{
public:
    explicit Cli(const CommandLine &cl)
        : m_cl(cl)
        , m_out(stdout)
        , m_err(stderr)
    {
    }

    int run()
    {
        const QStringList &c = m_cl.command;
        const QString head = c.value(0);
        const QString second = c.value(1);
        if (head == u"self-test"_s)
            return selfTest(c.mid(1));
        if (head == u"options"_s && second == u"list"_s)
            return optionsList(c.mid(2));
        if (head == u"prices"_s && second == u"list"_s)
            return pricesList(c.mid(2));
        if (head == u"prices"_s && second == u"import"_s)
            return pricesImport(c.mid(2));
        if (head == u"prices"_s && second == u"history"_s)
            return pricesHistory(c.mid(2));
        if (head == u"prices"_s && second == u"use"_s)
            return pricesUse(c.mid(2));
        if (head == u"prices"_s && second == u"snapshots"_s)
            return pricesSnapshots(c.mid(2));
        if (head == u"estimate"_s)
            return estimate(c.mid(1));
        if (head == u"recommend"_s)
            return runRecommend(m_cl, c.mid(1), m_out, m_err);
        if (head == u"compare"_s)
            return runCompare(m_cl, c.mid(1), m_out, m_err);
        if (head == u"report"_s)
            return runReport(m_cl, c.mid(1), m_out, m_err);
        if (head == u"guide"_s)
            return runGuide(m_cl, c.mid(1), m_out, m_err);
        if (head == u"options"_s || head == u"prices"_s)
            return usage(second.isEmpty() ? QString(u"'"_s % head % u"' needs a sub-command (list)"_s)
                                          : QString(u"unknown sub-command '"_s % head % u' ' % second % u"'"_s));
        return usage(u"unknown command '"_s % head % u"' (see --help)"_s);
    }

private:
    int usage(const QString &message)
    {
        m_err << "error: " << message << Qt::endl;
        return BadInput;
    }

    int failure(const QString &message)
    {
        m_err << "error: " << message << Qt::endl;
        return Failure;
    }

    // Opens the knowledge base; an explicit --kb that fails is bad input, a broken installation a failure.
    bool openKb(int *exitCode)
    {
        m_kb = openKnowledgeBase(m_cl, m_err, exitCode);
        return m_kb != nullptr;
    }

    bool openUserDb(int *exitCode)
    {
        const QString path = m_cl.userDbPath.isEmpty() ? core::kb::defaultUserDatabasePath() : m_cl.userDbPath;
        QString error;
        core::kb::UserDbOpenReport report;
        m_user = core::kb::UserDatabase::open(path, &error, &report);
        if (!m_user) {
            *exitCode = m_cl.userDbPath.isEmpty() ? failure(error) : usage(error);
            return false;
        }
        for (const QString &message : std::as_const(report.messages))
            m_err << "note: " << message << Qt::endl;
        return true;
    }

    void printJson(const QJsonObject &object)
    {
        m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
        m_out.flush();
    }

    int optionsList(const QStringList &args)
    {
        const ParsedOptions p = parseOptions(args, {{u"--format"_s, {true, {u"json"_s, u"table"_s}}}});
        if (!p.error.isEmpty())
            return usage(p.error);
        int rc = Ok;
        if (!openKb(&rc))
            return rc;
        const QList<core::kb::DeploymentOption> options = m_kb->options();
        if (p.values.value(u"--format"_s, u"table"_s) == u"json"_s)
            printJson(core::kb::optionsToJson(options));
        else
            m_out << core::util::toTextTable(core::kb::optionsToTable(options));
        return Ok;
    }

    int pricesList(const QStringList &args)
    {
        const ParsedOptions p = parseOptions(args, {{u"--format"_s, {true, {u"json"_s, u"csv"_s, u"table"_s}}},
                                                    {u"--provider"_s, {true, {u"aws"_s, u"azure"_s, u"gcp"_s}}},
                                                    {u"--option"_s, {true, {}}},
                                                    {u"--model"_s, {true, {}}}});
        if (!p.error.isEmpty())
            return usage(p.error);
        int rc = Ok;
        if (!openKb(&rc))
            return rc;
        const QString option = p.values.value(u"--option"_s);
        if (!option.isEmpty() && !m_kb->option(option))
            return usage(u"unknown option id '"_s % option % u"' for --option"_s);
        const QString model = p.values.value(u"--model"_s);
        if (!model.isEmpty() && !m_kb->model(model))
            return usage(u"unknown model id '"_s % model % u"' for --model"_s);
        if (!openUserDb(&rc))
            return rc;
        const core::pricing::PriceCatalogue catalogue(*m_kb, m_user.get());
        const QList<core::pricing::Price> prices =
            catalogue.resolvedPrices({p.values.value(u"--provider"_s), option, model});
        const QString format = p.values.value(u"--format"_s, u"table"_s);
        if (format == u"json"_s)
            printJson(core::pricing::pricesToJson(prices));
        else if (format == u"csv"_s)
            m_out << core::util::toCsv(core::pricing::pricesToTable(prices));
        else
            m_out << core::util::toTextTable(core::pricing::pricesToTable(prices));
        return Ok;
    }

    int pricesImport(const QStringList &args)
    {
        const ParsedOptions p = parseOptions(args, {{u"--litellm"_s, {true, {}}}, {u"--as-of"_s, {true, {}}}});
        if (!p.error.isEmpty())
            return usage(p.error);
        const QString file = p.values.value(u"--litellm"_s);
        if (file.isEmpty())
            return usage(u"prices import needs --litellm FILE"_s);
        const QString asOf = p.values.value(u"--as-of"_s);
        if (!asOf.isEmpty() && !core::pricing::isValidIsoDate(asOf))
            return usage(u"invalid date '"_s % asOf % u"' for --as-of (use YYYY-MM-DD)"_s);
        int rc = Ok;
        if (!openKb(&rc))
            return rc;
        // Parse before opening user.db: a bad file leaves no trace, not even a new database.
        const core::pricing::LiteLlmFileRead read =
            core::pricing::readLiteLlmFile(file, asOf, core::pricing::ModelIndex::fromKnowledgeBase(*m_kb));
        if (!read.parse.ok)
            return usage(read.parse.error);
        if (!openUserDb(&rc))
            return rc;
        const core::pricing::ImportSummary s = core::pricing::LiteLlmImporter::store(*m_user, read);
        if (!s.ok)
            return failure(s.error);
        if (s.alreadyImported)
            m_out << "already imported: " << s.fileName << " is snapshot " << s.snapshotId << " (as of " << s.asOf
                  << ", same sha256); nothing changed" << Qt::endl;
        else
            m_out << "imported " << s.fileName << " as of " << s.asOf << Qt::endl;
        m_out << "entries:     " << s.entries << Qt::endl
              << "mapped:      " << s.mapped << Qt::endl
              << "unmapped:    " << s.unmapped << Qt::endl
              << "flagged:     " << s.flagged << Qt::endl
              << "skipped:     " << s.skipped << " (non-model keys)" << Qt::endl
              << "snapshot id: " << s.snapshotId << Qt::endl;
        if (!s.alreadyImported && m_user->setting(core::pricing::PriceStore::kUseSnapshotKey, u"none"_s) == u"none"_s)
            m_out << "prices still resolve to the shipped figures; use `prices use --snapshot latest` to use it"
                  << Qt::endl;
        return Ok;
    }

    int pricesHistory(const QStringList &args)
    {
        const ParsedOptions p = parseOptions(args, {{u"--model"_s, {true, {}}},
                                                    {u"--option"_s, {true, {}}},
                                                    {u"--format"_s, {true, {u"json"_s, u"table"_s}}}});
        if (!p.error.isEmpty())
            return usage(p.error);
        const QString model = p.values.value(u"--model"_s);
        if (model.isEmpty())
            return usage(u"prices history needs --model ID"_s);
        int rc = Ok;
        if (!openKb(&rc))
            return rc;
        if (!m_kb->model(model))
            return usage(u"unknown model id '"_s % model % u"' for --model"_s);
        const QString option = p.values.value(u"--option"_s);
        if (!option.isEmpty() && !m_kb->option(option))
            return usage(u"unknown option id '"_s % option % u"' for --option"_s);
        if (!openUserDb(&rc))
            return rc;
        const core::pricing::PriceCatalogue catalogue(*m_kb, m_user.get());
        const QList<core::pricing::PricePoint> points = catalogue.history(model, option);
        if (p.values.value(u"--format"_s, u"table"_s) == u"json"_s)
            printJson(core::pricing::historyToJson(points));
        else
            m_out << core::util::toTextTable(core::pricing::historyToTable(points));
        return Ok;
    }

    int pricesUse(const QStringList &args)
    {
        const ParsedOptions p = parseOptions(args, {{u"--snapshot"_s, {true, {}}}});
        if (!p.error.isEmpty())
            return usage(p.error);
        const QString choice = p.values.value(u"--snapshot"_s);
        if (choice.isEmpty())
            return usage(u"prices use needs --snapshot ID|latest|none"_s);
        int rc = Ok;
        if (!openUserDb(&rc))
            return rc;
        core::pricing::PriceStore store(*m_user);
        QString error;
        if (!store.setSnapshotChoice(choice, &error))
            return usage(error);
        m_out << "prices now resolve as: override > "
              << (choice == u"none"_s ? u"shipped"_s : u"snapshot "_s % choice % u" > shipped"_s) << Qt::endl;
        return Ok;
    }

    int pricesSnapshots(const QStringList &args)
    {
        const ParsedOptions p = parseOptions(args, {{u"--format"_s, {true, {u"json"_s, u"table"_s}}}});
        if (!p.error.isEmpty())
            return usage(p.error);
        int rc = Ok;
        if (!openUserDb(&rc))
            return rc;
        const core::pricing::PriceStore store(*m_user);
        const QList<core::pricing::PriceSnapshot> snapshots = store.snapshots();
        if (p.values.value(u"--format"_s, u"table"_s) == u"json"_s) {
            QJsonArray array;
            for (const core::pricing::PriceSnapshot &s : snapshots)
                array.append(QJsonObject{{u"id"_s, s.id}, {u"as_of"_s, s.asOf}, {u"source"_s, s.source},
                                         {u"sha256"_s, s.sha256}, {u"imported_at"_s, s.importedAt},
                                         {u"entries"_s, s.entries}, {u"mapped"_s, s.mapped},
                                         {u"flagged"_s, s.flagged}});
            printJson(QJsonObject{{u"snapshots"_s, array}, {u"use"_s, store.snapshotChoice()}});
            return Ok;
        }
        core::util::Table table;
        table.headers = {u"id"_s, u"as of"_s, u"source"_s, u"entries"_s, u"mapped"_s, u"flagged"_s};
        for (const core::pricing::PriceSnapshot &s : snapshots)
            table.rows.append({QString::number(s.id), s.asOf, s.source, QString::number(s.entries),
                               QString::number(s.mapped), QString::number(s.flagged)});
        m_out << core::util::toTextTable(table) << "in use: " << store.snapshotChoice() << Qt::endl;
        return Ok;
    }

    // estimate --workload FILE|- [--option ID]... [--format json|table|csv] (DESIGN.md §4). --option may
    // be repeated (or given a comma-separated list), so it is parsed here rather than by parseOptions.
    int estimate(const QStringList &args)
    {
        QString workloadPath;
        QString format = u"table"_s;
        QStringList optionIds;
        for (qsizetype i = 0; i < args.size(); ++i) {
            QString name = args[i];
            QString value;
            bool inlineValue = false;
            const qsizetype eq = name.indexOf(u'=');
            if (name.startsWith(u"--"_s) && eq > 0) {
                value = name.mid(eq + 1);
                name.truncate(eq);
                inlineValue = true;
            }
            if (name != u"--workload"_s && name != u"--option"_s && name != u"--format"_s)
                return usage(name.startsWith(u'-') ? QString(u"unknown option '"_s % name % u"'"_s)
                                                   : QString(u"unexpected argument '"_s % name % u"'"_s));
            if (!inlineValue) {
                if (i + 1 >= args.size())
                    return usage(u"option "_s % name % u" needs a value"_s);
                value = args[++i];
            }
            if (value.isEmpty())
                return usage(u"option "_s % name % u" needs a non-empty value"_s);
            if (name == u"--workload"_s) {
                if (!workloadPath.isEmpty())
                    return usage(u"option --workload given twice"_s);
                workloadPath = value;
            } else if (name == u"--format"_s) {
                if (value != u"json"_s && value != u"table"_s && value != u"csv"_s)
                    return usage(u"invalid value '"_s % value % u"' for --format (use json|table|csv)"_s);
                format = value;
            } else {
                optionIds.append(value.split(u',', Qt::SkipEmptyParts));
            }
        }
        if (workloadPath.isEmpty())
            return usage(u"estimate needs --workload FILE (or - for standard input)"_s);
        QFile file;
        const bool fromStdin = workloadPath == u"-"_s;
        const bool opened = fromStdin ? file.open(stdin, QIODevice::ReadOnly) : (file.setFileName(workloadPath),
                                                                                file.open(QIODevice::ReadOnly));
        if (!opened)
            return usage(u"cannot read the workload file '"_s % workloadPath % u"': "_s % file.errorString());
        const QByteArray bytes = file.read(4 * 1024 * 1024 + 1);
        if (bytes.size() > 4 * 1024 * 1024)
            return usage(u"the workload file '"_s % workloadPath % u"' is larger than 4 MB"_s);
        const core::scenario::WorkloadResult parsed =
            core::scenario::workloadFromJson(bytes, fromStdin ? u"stdin"_s : workloadPath);
        if (!parsed.ok())
            return usage(parsed.errors.first().toString());
        const core::scenario::Workload &w = *parsed.workload;
        int rc = Ok;
        if (!openKb(&rc))
            return rc;
        const QString where = fromStdin ? u"stdin"_s : workloadPath;
        if (!w.model.isEmpty() && !m_kb->model(w.model))
            return usage(where % u": model: unknown model id '"_s % w.model % u"'"_s);
        if (w.selfHosted && !w.selfHosted->instance.isEmpty() && !m_kb->gpuInstance(w.selfHosted->instance))
            return usage(where % u": self_hosted.instance: unknown GPU instance id '"_s % w.selfHosted->instance
                         % u"'"_s);
        if (w.selfHosted && !w.selfHosted->model.isEmpty() && !m_kb->model(w.selfHosted->model))
            return usage(where % u": self_hosted.model: unknown model id '"_s % w.selfHosted->model % u"'"_s);
        if (!w.option.isEmpty() && !m_kb->option(w.option))
            return usage(where % u": option: unknown option id '"_s % w.option % u"'"_s);
        for (const QString &id : std::as_const(optionIds)) {
            if (!m_kb->option(id))
                return usage(u"unknown option id '"_s % id % u"' for --option"_s);
        }
        if (!openUserDb(&rc))
            return rc;
        const core::pricing::PriceCatalogue catalogue(*m_kb, m_user.get());
        const core::cost::CostEngine engine(core::cost::PricingData::load(*m_kb, catalogue));
        const core::cost::EstimateSet set = engine.estimateAll(w, optionIds);
        if (format == u"json"_s) {
            printJson(core::cost::estimatesToJson(w, set));
        } else if (format == u"csv"_s) {
            m_out << core::util::toCsv(core::cost::estimatesToTable(set));
        } else {
            m_out << core::util::toTextTable(core::cost::estimatesToTable(set));
            if (!set.breakEven.isEmpty()) {
                core::util::Table t{{u"managed"_s, u"self_hosted"_s, u"break_even_requests_per_day"_s}, {}};
                for (const core::cost::BreakEven &b : set.breakEven)
                    t.rows.append({b.managed, b.selfHosted,
                                   b.requestsPerDay ? core::util::formatNumber(*b.requestsPerDay) : u"never"_s});
                m_out << Qt::endl << core::util::toTextTable(t);
            }
            for (const core::cost::Unavailable &u : set.unavailable)
                m_out << "not priced: " << u.optionId << " (" << u.reason << ')' << Qt::endl;
        }
        m_out.flush();
        return Ok;
    }

    int selfTest(const QStringList &args)
    {
        if (!args.isEmpty())
            return usage(u"self-test takes no arguments"_s);
        QElapsedTimer timer;
        timer.start();
        int rc = Ok;
        if (!openKb(&rc))
            return rc;
        int problems = 0;
        const auto check = [&](bool ok, const QString &what) {
            m_out << (ok ? "ok    " : "FAIL  ") << what << Qt::endl;
            if (!ok)
                ++problems;
        };
        const core::kb::KbMeta &meta = m_kb->meta();
        check(true, u"knowledge base "_s % m_kb->path() % u" (version "_s % meta.kbVersion % u", prices as of "_s
                        % meta.pricesAsOf % u')');
        const QStringList integrity = m_kb->integrityProblems();
        for (const QString &problem : integrity)
            check(false, problem);
        check(integrity.isEmpty(), u"knowledge base integrity and content minimums"_s);

        const QList<core::kb::GuidePageInfo> pages = m_kb->guidePages();
        int rendered = 0;
        for (const core::kb::GuidePageInfo &page : pages) {
            const core::guide::RenderResult r = core::guide::renderMarkdown(m_kb->guidePageMarkdown(page.path));
            if (r.ok && !r.html.isEmpty())
                ++rendered;
            else
                check(false, u"guide page "_s % page.path % u" does not render"_s);
        }
        check(rendered == pages.size() && !pages.isEmpty(),
              u"guide: "_s % QString::number(rendered) % u" of "_s % QString::number(pages.size())
                  % u" pages rendered"_s);

        QString error;
        const auto scratch = core::kb::UserDatabase::openInMemory(&error);
        check(scratch && scratch->schemaVersion() == core::kb::UserDatabase::currentSchemaVersion(),
              u"user database schema (version "_s % QString::number(core::kb::UserDatabase::currentSchemaVersion())
                  % u") creates cleanly"_s % (error.isEmpty() ? QString() : u": "_s % error));

        const core::pricing::PriceCatalogue catalogue(*m_kb, nullptr);
        const QList<core::pricing::Price> prices = catalogue.resolvedPrices();
        bool sane = !prices.isEmpty();
        for (const core::pricing::Price &p : prices)
            sane = sane && p.inputPerMTok >= 0 && p.outputPerMTok >= 0 && !p.asOf.isEmpty() && !p.source.isEmpty();
        check(sane, QString::number(prices.size()) % u" prices resolve with source and as-of date"_s);

        const QString decision = decisionSelfTest(*m_kb);
        check(decision.isEmpty(),
              decision.isEmpty() ? u"decision tree: a sample recommendation ranks every option with reasons"_s : decision);

        m_out << (problems == 0 ? "self-test passed" : "self-test FAILED") << " in " << timer.elapsed() << " ms"
              << Qt::endl;
        return problems == 0 ? Ok : Failure;
    }

    const CommandLine &m_cl;
    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<core::kb::KnowledgeBase> m_kb;
    std::unique_ptr<core::kb::UserDatabase> m_user;
};

} // namespace

int runCommand(const CommandLine &commandLine)
{
    return Cli(commandLine).run();
}

} // namespace lda::app
