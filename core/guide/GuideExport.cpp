#include "GuideExport.h"

#include "GuideRenderer.h"
#include "kb/KnowledgeBase.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QUrl>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace lda::core::guide {

namespace {

bool writeFile(const QString &path, const QByteArray &data, QString *error)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = u"cannot create the folder for "_s % path;
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        *error = u"cannot write "_s % path % u": "_s % file.errorString();
        return false;
    }
    return true;
}

QString decodeAttr(QString v)
{
    v.replace(u"&quot;"_s, u"\""_s);
    v.replace(u"&lt;"_s, u"<"_s);
    v.replace(u"&gt;"_s, u">"_s);
    v.replace(u"&amp;"_s, u"&"_s);
    return QUrl::fromPercentEncoding(v.toUtf8());
}

} // namespace

ExportResult exportGuideHtml(const kb::KnowledgeBase &kb, const LiveFactResolver *facts, const QString &dir)
{
    ExportResult result;
    const QDir root(dir);
    if (!QDir().mkpath(dir)) {
        result.error = u"cannot create "_s % dir;
        return result;
    }
    const Glossary glossary = Glossary::load(kb);
    const RenderOptions options{LinkStyle::StaticHtml, facts, &glossary};
    const QList<kb::GuidePageInfo> pages = kb.guidePages();
    for (const kb::GuidePageInfo &info : pages) {
        const RenderedPage page = renderPage(info.path, kb.guidePageMarkdown(info.path), options);
        if (!page.ok) {
            result.error = u"cannot render "_s % info.path;
            return result;
        }
        const QString html = pageDocument(page, {LinkStyle::StaticHtml, Theme::Light});
        if (!writeFile(root.filePath(exportFileName(info.path)), html.toUtf8(), &result.error))
            return result;
        ++result.pages;
    }
    // A landing page for browsers that open the folder's index.
    const QString index = u"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                          "<meta http-equiv=\"refresh\" content=\"0; url=README.html\"><title>LLM Cloud Deployment Guide</title>"
                          "</head><body><p><a href=\"README.html\">LLM Cloud Deployment Guide</a></p></body></html>\n"_s;
    if (!writeFile(root.filePath(u"index.html"_s), index.toUtf8(), &result.error))
        return result;

    QSqlQuery q(kb.database());
    q.setForwardOnly(true);
    if (q.exec(u"SELECT path, data FROM guide_assets ORDER BY path"_s)) {
        while (q.next()) {
            if (!writeFile(root.filePath(q.value(0).toString()), q.value(1).toByteArray(), &result.error))
                return result;
            ++result.assets;
        }
    }
    const auto assets = documentAssets();
    for (const auto &[name, resource] : assets) {
        QFile file(resource);
        if (!file.open(QIODevice::ReadOnly)) {
            result.error = u"missing built-in asset "_s % resource;
            return result;
        }
        if (!writeFile(root.filePath(u"_assets/"_s % name), file.readAll(), &result.error))
            return result;
        ++result.assets;
    }
    result.brokenLinks = checkExportLinks(dir, &result.linksChecked);
    return result;
}

QStringList checkExportLinks(const QString &dir, int *checked)
{
    static const QRegularExpression attr(u"\\s(?:href|src)=\"([^\"]*)\""_s);
    static const QRegularExpression ids(u"\\sid=\"([^\"]*)\""_s);
    const QDir root(dir);
    QHash<QString, QSet<QString>> anchors; // absolute file -> ids
    QHash<QString, QString> contents;
    QDirIterator it(dir, {u"*.html"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = QFileInfo(it.next()).absoluteFilePath();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QString html = QString::fromUtf8(f.readAll());
        QSet<QString> set;
        auto m = ids.globalMatch(html);
        while (m.hasNext())
            set.insert(decodeAttr(m.next().captured(1)));
        anchors.insert(path, set);
        contents.insert(path, html);
    }
    QStringList broken;
    int count = 0;
    for (auto page = contents.cbegin(); page != contents.cend(); ++page) {
        const QFileInfo from(page.key());
        auto m = attr.globalMatch(page.value());
        while (m.hasNext()) {
            const QString link = decodeAttr(m.next().captured(1));
            ++count;
            if (link.isEmpty())
                continue;
            const qsizetype colon = link.indexOf(u':');
            const qsizetype slash = link.indexOf(u'/');
            if (colon > 0 && (slash < 0 || colon < slash)) {
                const QString scheme = link.left(colon);
                if (scheme != u"http"_s && scheme != u"https"_s && scheme != u"mailto"_s)
                    broken.append(root.relativeFilePath(page.key()) % u": "_s % link % u" (not an offline link)"_s);
                continue;
            }
            const qsizetype hash = link.indexOf(u'#');
            const QString file = hash < 0 ? link : link.left(hash);
            const QString fragment = hash < 0 ? QString() : link.mid(hash + 1);
            const QString target = file.isEmpty() ? page.key()
                                                  : QFileInfo(from.absoluteDir().filePath(file)).absoluteFilePath();
            const bool inside = target.startsWith(QFileInfo(dir).absoluteFilePath() % u'/');
            if (!inside || !QFileInfo::exists(target)) {
                broken.append(root.relativeFilePath(page.key()) % u": "_s % link);
                continue;
            }
            if (!fragment.isEmpty() && target.endsWith(u".html"_s) && !anchors.value(target).contains(fragment))
                broken.append(root.relativeFilePath(page.key()) % u": "_s % link % u" (no such anchor)"_s);
        }
    }
    if (checked)
        *checked = count;
    broken.sort();
    return broken;
}

} // namespace lda::core::guide
