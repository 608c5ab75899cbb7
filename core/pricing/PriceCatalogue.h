#pragma once

#include <QDate>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace lda::core::kb {
class KnowledgeBase;
class UserDatabase;
} // namespace lda::core::kb

namespace lda::core::pricing {

enum class PriceOrigin { Shipped, Import, Override };
[[nodiscard]] QString originName(PriceOrigin origin); // "shipped" | "import" | "override"

// A per-token price of one model on one option, with where it comes from (DESIGN.md §2.4).
struct Price
{
    QString optionId;
    QString modelId;
    double inputPerMTok = 0;
    double outputPerMTok = 0;
    std::optional<double> cachedInputPerMTok;
    std::optional<double> cacheWritePerMTok;
    std::optional<double> batchDiscount;   // fraction off, e.g. 0.5
    std::optional<double> regionalPremium; // fraction added for regional / data-zone deployments
    std::optional<qint64> tierThreshold;   // prompt tokens above which the tier prices apply
    std::optional<double> tierInputPerMTok;
    std::optional<double> tierOutputPerMTok;
    QString asOf;
    QString source;
    QString confidence;
    QString note;
    PriceOrigin origin = PriceOrigin::Shipped;
    // Provenance flags, computed on resolution (DESIGN.md §2.4).
    bool stale = false;           // as_of more than PriceCatalogue::kStaleAfterDays before today
    bool sourcesDisagree = false; // the newest import differs from the shipped figure by more than 5%
    QString disagreement;         // e.g. "shipped 2.50 / 10, LiteLLM model_prices_2026-07-24.json 2.75 / 11"

    friend bool operator==(const Price &, const Price &) = default;
};

// One dated figure of a model on an option, for `prices history` and the history chart.
struct PricePoint
{
    QString optionId;
    QString asOf;
    std::optional<double> inputPerMTok;
    std::optional<double> outputPerMTok;
    PriceOrigin origin = PriceOrigin::Shipped;
    QString source;

    friend bool operator==(const PricePoint &, const PricePoint &) = default;
};

struct PriceFilter
{
    QString provider; // aws | azure | gcp, empty = any
    QString optionId;
    QString modelId;
};

// Resolves prices as: user override > the imported snapshot the user chose (setting prices/use_snapshot:
// none | latest | <id>) > shipped price, and marks stale and disputed figures.
class PriceCatalogue final
{
public:
    using Clock = std::function<QDate()>; // "today"; a seam so that tests can fix time
    static constexpr int kStaleAfterDays = 90;
    static constexpr double kDisagreeRatio = 0.05;

    PriceCatalogue(const kb::KnowledgeBase &kb, const kb::UserDatabase *user);

    void setClock(Clock clock) { m_clock = std::move(clock); }
    [[nodiscard]] QDate today() const;

    [[nodiscard]] QList<Price> shippedPrices() const;
    [[nodiscard]] QList<Price> resolvedPrices(const PriceFilter &filter = {}) const;
    [[nodiscard]] std::optional<Price> resolved(const QString &optionId, const QString &modelId) const;

    // Every dated figure of a model (on one option, or all when optionId is empty) across the shipped
    // price, each imported snapshot and the user's override: oldest first.
    [[nodiscard]] QList<PricePoint> history(const QString &modelId, const QString &optionId = {}) const;
    // The figure in force on a date: the newest history point not after it (for "what would it have cost").
    [[nodiscard]] std::optional<PricePoint> priceOn(const QString &optionId, const QString &modelId,
                                                    const QDate &date) const;
    // The snapshot resolution uses: nullopt when the user chose none (the default) or it no longer exists.
    [[nodiscard]] std::optional<qint64> chosenSnapshotId() const;
    [[nodiscard]] std::optional<qint64> latestSnapshotId() const;

private:
    [[nodiscard]] bool isStale(const QString &asOf) const;
    const kb::KnowledgeBase &m_kb;
    const kb::UserDatabase *m_user = nullptr;
    Clock m_clock;
};

} // namespace lda::core::pricing
