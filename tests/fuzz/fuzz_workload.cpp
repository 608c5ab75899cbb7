// libFuzzer harness: the workload file reader, workloadFromJson() (core/scenario/Workload.h).
//
// The input is one workload JSON file. Besides crashes it checks the reader's promises: an accepted
// workload passes validateWorkload() and survives a round trip through workloadToJson() unchanged
// (the normalised form reads back as the same value), and a rejected one says why.
// Seeds in corpus/fuzz_workload/ are the four shipped use cases' workloads (knowledge.db, table
// use_cases, column workload_json) plus hand-made valid and broken files.
#include "scenario/Workload.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;
using namespace lda::core::scenario;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const WorkloadResult r = workloadFromJson(input, u"fuzz.json"_s);
    for (const WorkloadError &e : r.errors)
        (void)e.toString();
    if (!r.ok()) {
        if (r.errors.isEmpty()) {
            std::fprintf(stderr, "workload rejected without an error\n");
            std::abort();
        }
        return 0;
    }
    const Workload &w = *r.workload;
    (void)w.requestsPerMonth();
    (void)w.overheads.total();
    const QList<WorkloadError> problems = validateWorkload(w);
    if (!problems.isEmpty()) {
        std::fprintf(stderr, "accepted workload fails validateWorkload: %s\n", qPrintable(problems.first().toString()));
        std::abort();
    }
    const QByteArray normalised = QJsonDocument(workloadToJson(w)).toJson(QJsonDocument::Compact);
    const WorkloadResult again = workloadFromJson(normalised, u"normalised.json"_s);
    if (!again.ok()) {
        std::fprintf(stderr, "normalised workload rejected: %s\n%s\n",
                     again.errors.isEmpty() ? "" : qPrintable(again.errors.first().toString()), normalised.constData());
        std::abort();
    }
    if (!(*again.workload == w)) {
        std::fprintf(stderr, "workload changed in a round trip: %s\n", normalised.constData());
        std::abort();
    }
    return 0;
}
