#include "GuideCommands.h"

#include "CliSupport.h"
#include "cost/UseCaseEstimator.h"
#include "guide/GuideExport.h"
#include "guide/GuideSearch.h"
#include "guide/LiveFacts.h"
#include "kb/DataLocations.h"
#include "kb/KnowledgeBase.h"
#include "pricing/PriceCatalogue.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;

namespace lda::app {

namespace {

int guideSearch(const CommandLine &cl, const QStringList &args, QTextStream &out, QTextStream &err)
{
    QStringList words;
    int limit = 20;
    QString format = u"text"_s;
    bool limitSeen = false;
    bool formatSeen = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString arg = args.at(i);
        QString value;
        const bool isOption = arg.startsWith(u"--"_s);
        if (isOption) {
            const qsizetype eq = arg.indexOf(u'=');
            if (eq > 0) {
                value = arg.mid(eq + 1);
                arg.truncate(eq);
            } else if (arg == u"--limit"_s || arg == u"--format"_s) {
                if (i + 1 >= args.size())
                    return fail(err, BadInput, u"option "_s % arg % u" needs a value"_s);
                value = args.at(++i);
            }
        }
        if (arg == u"--limit"_s) {
            if (limitSeen)
                return fail(err, BadInput, u"option --limit given twice"_s);
            limitSeen = true;
            bool ok = false;
            limit = value.toInt(&ok);
            if (!ok || limit < 1 || limit > 1000)
                return fail(err, BadInput, u"invalid value '"_s % value % u"' for --limit (use a whole number from 1 to 1000)"_s);
        } else if (arg == u"--format"_s) {
            if (formatSeen)
                return fail(err, BadInput, u"option --format given twice"_s);
            formatSeen = true;
            if (value != u"json"_s && value != u"text"_s)
                return fail(err, BadInput, u"invalid value '"_s % value % u"' for --format (use json|text)"_s);
            format = value;
        } else if (isOption || (arg.startsWith(u'-') && arg.size() > 1)) {
            return fail(err, BadInput, u"unknown option '"_s % arg % u"' for guide search"_s);
        } else {
            words.append(arg);
        }
    }
    const QString query = words.join(u' ').trimmed();
    if (query.isEmpty())
        return fail(err, BadInput, u"guide search needs a QUERY (guide search QUERY [--limit N] [--format json|text])"_s);
    int rc = Ok;
    const auto kb = openKnowledgeBase(cl, err, &rc);
    if (!kb)
        return rc;
    const core::guide::GuideSearch search(*kb);
    const QList<core::guide::SearchHit> hits = search.search(query, limit);
    if (format == u"json"_s) {
        QJsonArray results;
        for (const core::guide::SearchHit &h : hits) {
            results.append(QJsonObject{{u"page"_s, h.page},
                                       {u"title"_s, h.title},
                                       {u"anchor"_s, h.anchor},
                                       {u"snippet"_s, core::guide::snippetText(h.snippet, u"**", u"**")},
                                       {u"score"_s, std::round(h.score * 1e4) / 1e4}});
        }
        out << QString::fromUtf8(QJsonDocument(QJsonObject{{u"results"_s, results}}).toJson(QJsonDocument::Indented));
    } else {
        if (hits.isEmpty())
            out << "no results for \"" << query << "\"" << Qt::endl;
        int n = 0;
        for (const core::guide::SearchHit &h : hits) {
            out << ++n << ". " << h.title;
            if (!h.section.isEmpty() && h.section != h.title)
                out << " > " << h.section;
            out << "\n   " << h.page << (h.anchor.isEmpty() ? QString() : u'#' % h.anchor) << "\n   "
                << core::guide::snippetText(h.snippet, u"**", u"**").simplified() << "\n";
        }
    }
    out.flush();
    return Ok;
}

int guideExport(const CommandLine &cl, const QStringList &args, QTextStream &out, QTextStream &err)
{
    QString dir;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == u"--html"_s || arg.startsWith(u"--html="_s)) {
            if (!dir.isEmpty())
                return fail(err, BadInput, u"option --html given twice"_s);
            if (arg.startsWith(u"--html="_s))
                dir = arg.mid(7);
            else if (i + 1 < args.size())
                dir = args.at(++i);
            if (dir.isEmpty())
                return fail(err, BadInput, u"option --html needs a folder"_s);
        } else {
            return fail(err, BadInput, (arg.startsWith(u'-') ? u"unknown option '"_s : u"unexpected argument '"_s) % arg
                                           % u"' for guide export (guide export --html DIR)"_s);
        }
    }
    if (dir.isEmpty())
        return fail(err, BadInput, u"guide export needs --html DIR"_s);
    const QFileInfo target(dir);
    const QString marker = u".lda-guide-export"_s;
    if (target.exists() && !target.isDir())
        return fail(err, BadInput, u"--html: "_s % dir % u" exists and is not a folder"_s);
    if (target.isDir()) {
        const QDir existing(dir);
        const bool empty = existing.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        if (!empty && !existing.exists(marker))
            return fail(err, BadInput, u"--html: "_s % dir
                                           % u" is not empty and not a previous guide export; choose a new folder"_s);
    }
    int rc = Ok;
    const auto kb = openKnowledgeBase(cl, err, &rc);
    if (!kb)
        return rc;

    // Write into a sibling folder and swap it in at the end: a failed export leaves no partial copy.
    const QString absolute = target.absoluteFilePath();
    const QString staging = absolute % u".partial-"_s % QString::number(QCoreApplication::applicationPid());
    QDir(staging).removeRecursively();
    const core::pricing::PriceCatalogue prices(*kb, nullptr);
    core::guide::LiveFactResolver facts(*kb, prices);
    facts.setUseCaseEstimator(core::cost::makeUseCaseEstimator(*kb, prices));
    const core::guide::ExportResult result = core::guide::exportGuideHtml(*kb, &facts, staging);
    if (!result.error.isEmpty()) {
        QDir(staging).removeRecursively();
        return fail(err, Failure, result.error);
    }
    if (!result.brokenLinks.isEmpty()) {
        for (const QString &broken : result.brokenLinks)
            err << "broken link: " << broken << Qt::endl;
        QDir(staging).removeRecursively();
        return fail(err, Failure, QString::number(result.brokenLinks.size()) % u" broken link(s) in the export; nothing was written to "_s % dir);
    }
    QFile markerFile(QDir(staging).filePath(marker));
    if (!markerFile.open(QIODevice::WriteOnly)) {
        QDir(staging).removeRecursively();
        return fail(err, Failure, u"cannot write to "_s % staging);
    }
    markerFile.write("LLM Deploy Advisor static guide export\n");
    markerFile.close();
    if (QFileInfo(absolute).isDir() && !QDir(absolute).removeRecursively()) {
        QDir(staging).removeRecursively();
        return fail(err, Failure, u"cannot replace the previous export in "_s % dir);
    }
    if (!QDir().rename(staging, absolute)) {
        QDir(staging).removeRecursively();
        return fail(err, Failure, u"cannot move the export into "_s % dir);
    }
    out << "exported " << result.pages << " pages and " << result.assets << " assets to " << QDir::toNativeSeparators(absolute)
        << "; " << result.linksChecked << " links checked, none broken" << Qt::endl;
    return Ok;
}

} // namespace

int runGuide(const CommandLine &cl, const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString sub = args.value(0);
    if (sub == u"search"_s)
        return guideSearch(cl, args.mid(1), out, err);
    if (sub == u"export"_s)
        return guideExport(cl, args.mid(1), out, err);
    return fail(err, BadInput, sub.isEmpty() ? u"'guide' needs a sub-command (search|export)"_s
                                             : u"unknown sub-command 'guide "_s % sub % u"' (use search|export)"_s);
}

} // namespace lda::app
