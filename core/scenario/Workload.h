#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace lda::core::scenario {

// How a workload runs on GPUs it rents (DESIGN.md §4 "self_hosted"). `utilisation` and `model` are
// extensions: the average load as a share of the capacity bought (FACTS.md §3.2, default 0.4) and the
// open-weight model to serve when the workload's own model is API-only.
struct SelfHosted
{
    QString instance;           // KB GPU instance id; empty = sized by the cost engine
    std::optional<double> count; // instances; empty = sized from the throughput table
    double hoursPerDay = 24;
    QString pricing = QStringLiteral("on-demand"); // on-demand | spot | 1y | 3y
    double utilisation = 0.4;
    QString model;

    friend bool operator==(const SelfHosted &, const SelfHosted &) = default;
};

// Fixed monthly costs around the model, each its own line of an estimate (extension "overheads").
struct Overheads
{
    double storage = 0;
    double networking = 0;
    double monitoring = 0;
    double other = 0;

    [[nodiscard]] double total() const { return storage + networking + monitoring + other; }
    friend bool operator==(const Overheads &, const Overheads &) = default;
};

// A workload file (DESIGN.md §4) as a value. Only the three token/volume fields are required; every
// other field has the default written here. Extensions beyond the contract (all optional):
//   "overheads": {"storage", "networking", "monitoring", "other"}  USD/month each, >= 0
//   "self_hosted": {..., "utilisation": 0..1, "model": "<open-weight model id>"}
//   "deployment": "global" | "regional"   regional = the price row's regional premium applies
//   "provisioned_term": "hourly" | "1-week" | "1-month" | "3-month" | "1-year"
//                         price managed options with provisioned throughput (PTU/GSU) of that term
//   "option": "<option id>"  the option the scenario is planned on (budget review; estimates cover all)
struct Workload
{
    QString name;
    QString model;
    double requestsPerDay = 0;
    double inputTokensPerRequest = 0;
    double outputTokensPerRequest = 0;
    double daysPerMonth = 30;
    std::optional<double> peakRequestsPerSecond;
    double cacheHitRate = 0;
    double batchShare = 0;
    QString region;
    std::optional<double> budgetUsdPerMonth;
    std::optional<SelfHosted> selfHosted;
    Overheads overheads;
    QString deployment = QStringLiteral("global");
    QString provisionedTerm;
    QString option;

    [[nodiscard]] double requestsPerMonth() const { return requestsPerDay * daysPerMonth; }
    friend bool operator==(const Workload &, const Workload &) = default;
};

// One problem found while reading a workload: the file (or "-" for stdin) and the JSON key at fault.
struct WorkloadError
{
    QString file;
    QString field;   // dotted path, e.g. "self_hosted.pricing"; empty for a syntax error
    QString message;

    // "file: field: message", the one-line form the CLI prints after "error: ".
    [[nodiscard]] QString toString() const;
};

struct WorkloadResult
{
    std::optional<Workload> workload;
    QList<WorkloadError> errors;
    [[nodiscard]] bool ok() const { return workload.has_value() && errors.isEmpty(); }
};

// Sane maxima the editor and the reader enforce (a typo such as an extra three zeros is caught).
inline constexpr double MaxRequestsPerDay = 1e9;
inline constexpr double MaxTokensPerRequest = 10e6;
inline constexpr double MaxUsdPerMonth = 1e9;

[[nodiscard]] WorkloadResult workloadFromJson(const QByteArray &json, const QString &file = {});
[[nodiscard]] WorkloadResult workloadFromJsonObject(const QJsonObject &object, const QString &file = {});
// The normalised form: every contract field written, defaults filled in, extensions only when used.
[[nodiscard]] QJsonObject workloadToJson(const Workload &workload);
// Checks the values of a workload built in code (the editor); same messages as the reader.
[[nodiscard]] QList<WorkloadError> validateWorkload(const Workload &workload);

[[nodiscard]] const QStringList &workloadKeys();       // every top-level key a workload file may have
[[nodiscard]] const QStringList &selfHostedPricings(); // on-demand, spot, 1y, 3y
[[nodiscard]] const QStringList &provisionedTerms();

} // namespace lda::core::scenario
