// Knowledge-base benchmark: opening knowledge.db read-only (schema check included) and the queries the
// pages run when they are first shown. Prints "BENCH <metric> <value> <unit>" lines (tests/bench/README.md).
//   bench_kb [knowledge.db]
#include "BenchStats.h"
#include "kb/KnowledgeBase.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const QString path = args.size() > 1 ? args.at(1) : QStringLiteral(LDA_BENCH_KB);
    QTextStream out(stdout);
    QTextStream err(stderr);
    constexpr int runs = 31;

    std::vector<double> openMs;
    std::vector<double> queryMs;
    std::vector<double> pageMs;
    qsizetype rows = 0;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        QString error;
        const std::unique_ptr<lda::core::kb::KnowledgeBase> kb = lda::core::kb::KnowledgeBase::open(path, &error);
        if (!kb) {
            err << "error: " << error << Qt::endl;
            return 1;
        }
        openMs.push_back(double(t.nsecsElapsed()) / 1e6);

        t.restart();
        rows = kb->options().size() + kb->models().size() + kb->criteria().size() + kb->gpuInstances().size()
            + kb->throughput().size() + kb->useCases().size();
        queryMs.push_back(double(t.nsecsElapsed()) / 1e6);

        t.restart();
        const QList<lda::core::kb::GuidePageInfo> pages = kb->guidePages();
        for (const lda::core::kb::GuidePageInfo &p : pages)
            rows += kb->guidePageMarkdown(p.path).size() > 0 ? 1 : 0;
        pageMs.push_back(double(t.nsecsElapsed()) / 1e6 / double(std::max<qsizetype>(1, pages.size())));
    }
    out << "BENCH kb_open_ms " << lda::bench::median(openMs) << " ms" << Qt::endl;
    out << "BENCH kb_queries_ms " << lda::bench::median(queryMs) << " ms" << Qt::endl;
    out << "BENCH kb_guide_page_read_ms " << lda::bench::median(pageMs) << " ms" << Qt::endl;
    err << "bench_kb: " << runs << " runs, " << rows << " rows in the last run" << Qt::endl;
    return 0;
}
