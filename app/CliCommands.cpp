#include "CliCommands.h"

#include "guide/MarkdownRenderer.h"
#include "kb/DataLocations.h"
#include "kb/KnowledgeBase.h"
#include "kb/OptionExport.h"
#include "kb/UserDatabase.h"
#include "pricing/PriceCatalogue.h"
#include "pricing/PriceExport.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QTextStream>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace lda::app {

namespace {

enum Exit { Ok = 0, Failure = 1, BadInput = 2 };

struct OptionSpec
{
    bool takesValue = true;
    QStringList allowed; // empty = any value
};

struct ParsedOptions
{
    QHash<QString, QString> values;
    QString error;
};

ParsedOptions parseOptions(const QStringList &args, const QHash<QString, OptionSpec> &spec)
{
    ParsedOptions parsed;
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString name = args[i];
        QString value;
        const qsizetype eq = name.indexOf(u'=');
        const bool inlineValue = name.startsWith(u"--"_s) && eq > 0;
        if (inlineValue) {
            value = name.mid(eq + 1);
            name.truncate(eq);
        }
        const auto it = spec.constFind(name);
        if (it == spec.cend()) {
            parsed.error = name.startsWith(u'-') ? u"unknown option '"_s % name % u"'"_s
                                                 : u"unexpected argument '"_s % name % u"'"_s;
            return parsed;
        }
        if (it->takesValue) {
            if (!inlineValue) {
                if (i + 1 >= args.size()) {
                    parsed.error = u"option "_s % name % u" needs a value"_s;
                    return parsed;
                }
                value = args[++i];
            }
            if (value.isEmpty()) {
                parsed.error = u"option "_s % name % u" needs a non-empty value"_s;
                return parsed;
            }
            if (!it->allowed.isEmpty() && !it->allowed.contains(value)) {
                parsed.error = u"invalid value '"_s % value % u"' for "_s % name % u" (use "_s % it->allowed.join(u'|')
                    % u')';
                return parsed;
            }
        }
        if (parsed.values.contains(name)) {
            parsed.error = u"option "_s % name % u" given twice"_s;
            return parsed;
        }
        parsed.values.insert(name, value);
    }
    return parsed;
}

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
        const QString path = m_cl.kbPath.isEmpty() ? core::kb::defaultKnowledgeBasePath() : m_cl.kbPath;
        QString error;
        m_kb = core::kb::KnowledgeBase::open(path, &error);
        if (!m_kb) {
            *exitCode = m_cl.kbPath.isEmpty() ? failure(error) : usage(error);
            return false;
        }
        return true;
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
