#include "CommandLine.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace lda::app {

const QStringList &guiPages()
{
    static const QStringList pages = {u"wizard"_s, u"compare"_s, u"costs"_s, u"prices"_s, u"guide"_s, u"scenarios"_s};
    return pages;
}

const QStringList &commandNames()
{
    static const QStringList names = {u"self-test"_s, u"options"_s, u"prices"_s, u"estimate"_s,
                                      u"recommend"_s, u"compare"_s, u"report"_s, u"guide"_s};
    return names;
}

namespace {

// A word after the options that is not a command is a FILE for the GUI when it can only be meant as one:
// it exists, or it is written as a path (a folder separator or a .json name). Any other word stays a
// command, so that a typo such as "estimat" is still "unknown command" (exit 2).
bool looksLikeFile(const QString &word)
{
    return QFileInfo::exists(word) || word.contains(u'/') || word.contains(QDir::separator())
        || word.endsWith(u".json"_s, Qt::CaseInsensitive);
}

} // namespace

CommandLine parseCommandLine(const QStringList &arguments)
{
    CommandLine cl;
    qsizetype i = 1;
    const auto takeValue = [&](const QString &arg, const QString &name, QString *out) {
        if (arg.startsWith(name % u'=')) {
            *out = arg.mid(name.size() + 1);
        } else if (i + 1 < arguments.size()) {
            *out = arguments.at(++i);
        } else {
            cl.error = u"option "_s % name % u" needs a value"_s;
            return false;
        }
        if (out->isEmpty()) {
            cl.error = u"option "_s % name % u" needs a non-empty value"_s;
            return false;
        }
        return true;
    };
    bool endOfOptions = false;
    for (; i < arguments.size(); ++i) {
        const QString arg = arguments.at(i);
        if (!arg.startsWith(u'-'))
            break;
        if (arg == u"--"_s) { // what follows is a FILE, even if it is named like a command
            endOfOptions = true;
            ++i;
            break;
        }
        if (arg == u"--help"_s || arg == u"-h"_s) {
            cl.help = true;
        } else if (arg == u"--version"_s || arg == u"-v"_s) {
            cl.version = true;
        } else if (arg == u"--kb"_s || arg.startsWith(u"--kb="_s)) {
            if (!takeValue(arg, u"--kb"_s, &cl.kbPath))
                return cl;
        } else if (arg == u"--user-db"_s || arg.startsWith(u"--user-db="_s)) {
            if (!takeValue(arg, u"--user-db"_s, &cl.userDbPath))
                return cl;
        } else if (arg == u"--page"_s || arg.startsWith(u"--page="_s)) {
            if (!takeValue(arg, u"--page"_s, &cl.page))
                return cl;
            if (!guiPages().contains(cl.page)) {
                cl.error = u"unknown page '"_s % cl.page % u"' for --page (use "_s % guiPages().join(u'|') % u')';
                return cl;
            }
        } else if (arg.startsWith(u"-platform"_s) || arg.startsWith(u"-style"_s) || arg == u"-reverse"_s) {
            // Qt's own GUI options are passed through to QApplication.
            if (arg == u"-platform"_s || arg == u"-style"_s)
                ++i;
        } else {
            cl.error = u"unknown option '"_s % arg % u"' (see --help)"_s;
            return cl;
        }
    }
    if (i < arguments.size()) {
        const QString word = arguments.at(i);
        if (endOfOptions || (!commandNames().contains(word) && looksLikeFile(word))) {
            if (word.isEmpty()) {
                cl.error = u"FILE is empty"_s;
                return cl;
            }
            cl.file = word;
            if (i + 1 < arguments.size()) {
                const QString extra = arguments.at(i + 1);
                cl.error = extra.startsWith(u'-') && !endOfOptions
                    ? u"options go before FILE: '"_s % extra % u"' follows '"_s % word % u"'"_s
                    : u"one FILE at a time: '"_s % extra % u"' follows '"_s % word % u"'"_s;
            }
            return cl;
        }
    }
    for (; i < arguments.size(); ++i)
        cl.command.append(arguments.at(i));
    if (!cl.page.isEmpty() && !cl.command.isEmpty())
        cl.error = u"--page opens the window and cannot be combined with a command"_s;
    return cl;
}

QString helpText()
{
    return uR"(Usage: llm-deploy-advisor [GLOBAL OPTIONS] [COMMAND [ARGS]]
       llm-deploy-advisor [GLOBAL OPTIONS] [--page PAGE] [FILE]

Decide, price and run LLM deployments on AWS, Azure and GCP - offline.
Without a command the desktop application starts. FILE (a path, not a command name;
after -- any name) is opened in it: a workload/scenario JSON (*.ldascenario.json,
or as exported from Scenarios) on the Costs page, or a wizard answers JSON in the
Wizard with its recommendation. The kind is told from the content.

Global options (before the command):
  --kb PATH            use this knowledge base instead of the shipped knowledge.db
  --user-db PATH       use this user database (scenarios, bookmarks, imported prices)
  --page PAGE          open the window on a page: wizard|compare|costs|prices|guide|scenarios
                       (with a FILE too, the window shows PAGE and the file is still loaded)
  --help, -h           show this help
  --version, -v        show the version

Commands:
  self-test                                   check the knowledge base and the guide
  recommend --answers FILE|- [--format json|text]
                                              rank the deployment options for wizard answers
  compare --options ID,ID[,ID...] [--format json|markdown|csv]
                                              options side by side over the comparison criteria
  report --workload FILE --answers FILE --out FILE.md|.html|.pdf
                                              write a decision record (ADR) for a manager to file
  options list [--format json|table]          the deployment options
  prices list [--provider aws|azure|gcp] [--option ID] [--model ID] [--format json|csv|table]
                                              per-token prices with source, as-of date and origin
  prices import --litellm FILE [--as-of YYYY-MM-DD]
                                              import a LiteLLM model_prices JSON as a dated snapshot
                                              (as-of defaults to its last_updated, else the file date)
  prices history --model ID [--option ID] [--format json|table]
                                              a model's prices over time: shipped, snapshots, override
  prices snapshots [--format json|table]      the imported snapshots and which one is in use
  prices use --snapshot ID|latest|none        resolve prices from a snapshot (setting prices/use_snapshot;
                                              default none: override > shipped)
  estimate --workload FILE|- [--option ID]... [--format json|table|csv]
                                              monthly cost of a workload per option, line items,
                                              assumptions, price dates and break-even volumes
  guide search QUERY [--limit N] [--format json|text]
                                              full-text search of the guide ("phrases", prefix* on the
                                              last word); glossary terms and page titles rank first
  guide export --html DIR                     a static, offline, link-checked HTML copy of the guide

Exit codes: 0 success, 1 runtime failure, 2 bad input or usage.
)"_s;
}

} // namespace lda::app
