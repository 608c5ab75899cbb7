#pragma once

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace lda::core::kb {

struct KbMeta
{
    int schemaVersion = 0;
    QString kbVersion;
    QString appVersion;
    QString contentHash;
    QString pricesAsOf;
    QString gpusAsOf;
};

struct DeploymentOption
{
    QString id;
    QString provider; // aws | azure | gcp
    QString name;
    QString shortName; // for chart axes and narrow columns: "Bedrock", "EC2 + vLLM"; lda-kbc fills in the name when none is given
    QString category;
    QString summary;
    QString setupTime;
    QString opsBurden;
    QString scalingModel;
    QString gpuSupport;
    QString scaleToZero;
    QString pricingModel;
    QString guide;
    QString note;
    int order = 0;
    QStringList strengths;
    QStringList weaknesses;
    QStringList compliance;
};

struct ModelAvailability
{
    QString optionId;
    QString providerModelId;
};

struct Model
{
    QString id;
    QString name;
    QString vendor;
    QString family;
    bool openWeights = false;
    std::optional<double> paramsB;
    QString sizeClass;
    qint64 contextWindow = 0;
    std::optional<qint64> maxOutput;
    QString lifecycle;
    QString lifecycleDate;
    QString released;
    QString note;
    QList<ModelAvailability> availability;
};

struct Criterion
{
    QString id;
    QString name;
    QString category;
    QString description;
    QString better;
    int order = 0;
    QHash<QString, QString> values; // option id -> value
};

struct GpuInstance
{
    QString id;
    QString name;
    QString provider;
    QString region;
    QString gpuModel;
    int gpuCount = 0;
    double gpuMemoryGb = 0;
    std::optional<int> vcpus;
    std::optional<double> memoryGb;
    double onDemandHour = 0;
    std::optional<double> spotHour;
    std::optional<double> ri1yHour;
    std::optional<double> ri3yHour;
    QString asOf;
    QString source;
    QString confidence;
    QString note;
    QStringList options;
};

struct ThroughputRow
{
    QString id;
    QString sizeClass;
    QString gpuModel;
    int gpuCount = 0;
    double tokensPerSecond = 0;
    double low = 0;
    double high = 0;
    QString basis;
    QString source;
};

struct UseCase
{
    QString id;
    QString name;
    QString summary;
    QString optionId;
    QString modelId;
    QString workloadJson;
    QString guide;
    QString note;
};

struct GuidePageInfo
{
    QString path;
    QString title;
    QString chapter;
    int order = 0;
    int words = 0;
};

// Read-only access to the shipped knowledge.db. One instance per app; each thread that queries it
// gets its own named SQLite connection.
class KnowledgeBase final
{
public:
    ~KnowledgeBase();
    KnowledgeBase(const KnowledgeBase &) = delete;
    KnowledgeBase &operator=(const KnowledgeBase &) = delete;

    // Opens path read-only and checks the schema version. On failure returns null and sets *error
    // to a sentence naming the file and what is wrong with it.
    [[nodiscard]] static std::unique_ptr<KnowledgeBase> open(const QString &path, QString *error);

    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] const KbMeta &meta() const { return m_meta; }
    [[nodiscard]] QSqlDatabase database() const; // the connection for the calling thread

    [[nodiscard]] QList<DeploymentOption> options() const;
    [[nodiscard]] std::optional<DeploymentOption> option(const QString &id) const;
    [[nodiscard]] QList<Model> models() const;
    [[nodiscard]] std::optional<Model> model(const QString &id) const;
    [[nodiscard]] QList<Criterion> criteria() const;
    [[nodiscard]] QList<GpuInstance> gpuInstances() const;
    [[nodiscard]] std::optional<GpuInstance> gpuInstance(const QString &id) const;
    [[nodiscard]] QList<ThroughputRow> throughput() const;
    [[nodiscard]] QList<UseCase> useCases() const;
    [[nodiscard]] QList<GuidePageInfo> guidePages() const;
    [[nodiscard]] QString guidePageMarkdown(const QString &path) const;
    // A guide link target ("page.md#anchor") as people read it: "Quick reference › Decision tree"; the page
    // title alone without an anchor; the target itself when the page or section does not exist.
    [[nodiscard]] QString guideTargetTitle(const QString &target) const;

    // PRAGMA quick_check plus the row-count minimums of DESIGN.md §3; returns the problems found.
    [[nodiscard]] QStringList integrityProblems() const;

private:
    KnowledgeBase() = default;
    QString m_path;
    QString m_connectionPrefix;
    KbMeta m_meta;
};

} // namespace lda::core::kb
