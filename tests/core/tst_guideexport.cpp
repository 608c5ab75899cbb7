// `guide export --html`: the static copy of the whole guide opens from disk (relative .html links,
// the shared assets, SVGs) and its own link check catches a broken link or anchor.
#include "guide/GuideExport.h"
#include "guide/LiveFacts.h"
#include "kb/KnowledgeBase.h"
#include "pricing/PriceCatalogue.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lda::core;

class TestGuideExport : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<kb::KnowledgeBase> m_kb;

    static QString read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_kb = kb::KnowledgeBase::open(QStringLiteral(LDA_TEST_KB), &error);
        QVERIFY2(m_kb, qPrintable(error));
    }

    void export_wholeGuideIsSelfContainedAndLinkClean()
    {
        QTemporaryDir dir;
        const pricing::PriceCatalogue prices(*m_kb, nullptr);
        const guide::LiveFactResolver facts(*m_kb, prices);
        const guide::ExportResult result = guide::exportGuideHtml(*m_kb, &facts, dir.path());
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QVERIFY2(result.brokenLinks.isEmpty(), qPrintable(result.brokenLinks.join(u'\n')));
        QCOMPARE(result.pages, int(m_kb->guidePages().size()));
        QVERIFY(result.linksChecked > 100);
        for (const QString &asset : {u"_assets/guide.css"_s, u"_assets/guide.js"_s, u"_assets/highlight.min.js"_s,
                                     u"_assets/highlight.js-LICENSE.txt"_s, u"index.html"_s, u"README.html"_s}) {
            QVERIFY2(QFile::exists(dir.filePath(asset)), qPrintable(asset));
        }
        const QString page = read(dir.filePath(u"02-AWS/02-Bedrock-Quick-Start.html"_s));
        QVERIFY(page.contains(u"href=\"../_assets/guide.css\""_s));
        QVERIFY(page.contains(u"src=\"../_assets/guide.js\""_s)); // which loads ../_assets/highlight.min.js
        QVERIFY(!page.contains(u"guide:/"_s));
        QVERIFY(!page.contains(u".md\""_s) && !page.contains(u".md#"_s));
        // Nothing in the export reaches for the network except clickable links.
        QDirIterator it(dir.path(), {u"*.html"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString html = read(it.next());
            QVERIFY2(!html.contains(u"src=\"http"_s), qPrintable(it.filePath()));
            QVERIFY2(!html.contains(u"<link rel=\"stylesheet\" href=\"http"_s), qPrintable(it.filePath()));
        }
    }

    void linkCheck_reportsMissingFilesAndAnchors()
    {
        QTemporaryDir dir;
        const auto write = [&](const QString &name, const QString &html) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(html.toUtf8());
        };
        write(u"a.html"_s, u"<h1 id=\"top\">A</h1><a href=\"b.html#here\">ok</a><a href=\"b.html#nowhere\">bad anchor</a>"
                           "<a href=\"missing.html\">missing</a><a href=\"#top\">self</a><a href=\"https://x.example\">web</a>"
                           "<img src=\"guide:/x.svg\">"_s);
        write(u"b.html"_s, u"<h2 id=\"here\">B</h2>"_s);
        int checked = 0;
        const QStringList broken = guide::checkExportLinks(dir.path(), &checked);
        QCOMPARE(checked, 6);
        QCOMPARE(broken.size(), 3);
        QVERIFY(broken.join(u'\n').contains(u"b.html#nowhere (no such anchor)"_s));
        QVERIFY(broken.join(u'\n').contains(u"missing.html"_s));
        QVERIFY(broken.join(u'\n').contains(u"guide:/x.svg (not an offline link)"_s));
    }
};

QTEST_GUILESS_MAIN(TestGuideExport)
#include "tst_guideexport.moc"
