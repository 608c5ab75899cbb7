// Prices benchmark: importing the newest LiteLLM fixture into a fresh user.db (read + parse + map + store,
// what `Import…` does), and filtering the Prices page's table (its model and filter proxy) with 10,000 rows.
// Prints "BENCH <metric> <value> <unit>" lines (tests/bench/README.md).
//   bench_prices [knowledge.db]
#include "../ui/PriceTableRows.h"
#include "BenchKnowledgeBase.h"
#include "BenchStats.h"
#include "kb/KnowledgeBase.h"
#include "kb/UserDatabase.h"
#include "models/PriceTableModel.h"
#include "pricing/LiteLlmImporter.h"
#include "pricing/PriceCatalogue.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;
using namespace lda;

namespace {

// The newest model_prices_<date>.json of the fixture directory (the names sort by date).
QString newestFixture()
{
    const QDir dir(QStringLiteral(LDA_TEST_DATA_DIR) % u"/litellm"_s);
    const QStringList files = dir.entryList({u"model_prices_*.json"_s}, QDir::Files, QDir::Name);
    return files.isEmpty() ? QString() : dir.filePath(files.last());
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv); // the table model and proxy live in lda_ui
    QStandardPaths::setTestModeEnabled(true);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const std::unique_ptr<core::kb::KnowledgeBase> kb = bench::openBenchKnowledgeBase(err);
    if (!kb)
        return 1;
    QString error;

    // 1. Import: each run into its own fresh user.db, created (schema and all) outside the timed region.
    const QString fixture = newestFixture();
    if (fixture.isEmpty()) {
        err << "error: no model_prices_*.json in " << LDA_TEST_DATA_DIR << "/litellm" << Qt::endl;
        return 1;
    }
    QTemporaryDir dir;
    if (!dir.isValid()) {
        err << "error: cannot create a temporary directory: " << dir.errorString() << Qt::endl;
        return 1;
    }
    constexpr int importRuns = 11;
    std::vector<double> importMs;
    int entries = 0;
    for (int i = 0; i < importRuns + 1; ++i) { // run 0 warms the page cache
        auto user = core::kb::UserDatabase::open(dir.filePath(u"user-"_s % QString::number(i) % u".db"_s), &error);
        if (!user) {
            err << "error: fresh user.db: " << error << Qt::endl;
            return 1;
        }
        core::pricing::LiteLlmImporter importer(*kb, *user);
        QElapsedTimer t;
        t.start();
        const core::pricing::ImportSummary s = importer.importFile(fixture);
        const double ms = double(t.nsecsElapsed()) / 1e6;
        if (!s.ok) {
            err << "error: importing " << fixture << ": " << s.error << Qt::endl;
            return 1;
        }
        entries = s.entries;
        if (i > 0)
            importMs.push_back(ms);
    }
    out << "BENCH price_import_ms " << lda::bench::median(importMs) << " ms" << Qt::endl;
    err << "bench_prices: import of " << QDir(fixture).dirName() << " (" << entries << " entries), " << importRuns
        << " runs" << Qt::endl;

    // 2. Filter: 10,000 rows (the shipped prices repeated under distinct model ids) in the page's model and
    // sorted proxy; each figure is one filter string typed in, as the search box applies it.
    const std::unique_ptr<core::kb::UserDatabase> user = core::kb::UserDatabase::openInMemory(&error);
    if (!user) {
        err << "error: in-memory user database: " << error << Qt::endl;
        return 1;
    }
    const core::pricing::PriceCatalogue catalogue(*kb, user.get());
    const QList<core::pricing::Price> shipped = catalogue.resolvedPrices();
    if (shipped.isEmpty()) {
        err << "error: " << kb->path() << " has no prices" << Qt::endl;
        return 1;
    }
    test::PriceTableRows table(*kb, shipped, 10000);
    ui::PriceFilterProxy &proxy = table.proxy;
    if (proxy.rowCount() != 10000) {
        err << "error: the proxy shows " << proxy.rowCount() << " of 10,000 rows before filtering" << Qt::endl;
        return 1;
    }
    const QStringList typed = {u"c"_s, u"cl"_s, u"cla"_s, u"clau"_s, u"claude"_s, u"claude 4"_s, u""_s};
    std::vector<double> filterMs;
    for (int round = 0; round < 6; ++round) { // round 0 is the warm-up
        for (const QString &text : typed) {
            QElapsedTimer t;
            t.start();
            proxy.setFilter(u"aws"_s, text);
            const int rows = proxy.rowCount();
            const double ms = double(t.nsecsElapsed()) / 1e6;
            if (rows <= 0) {
                err << "error: filter aws/'" << text << "' shows no rows" << Qt::endl;
                return 1;
            }
            if (round > 0)
                filterMs.push_back(ms);
        }
        proxy.setFilter(QString(), QString());
    }
    out << "BENCH table_filter_ms " << lda::bench::median(filterMs) << " ms" << Qt::endl;
    return 0;
}
