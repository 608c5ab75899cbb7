#pragma once

#include <QList>
#include <QString>

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

    friend bool operator==(const Price &, const Price &) = default;
};

struct PriceFilter
{
    QString provider; // aws | azure | gcp, empty = any
    QString optionId;
    QString modelId;
};

// Resolves prices as: user override > shipped price (imported snapshots join in with the importer).
class PriceCatalogue final
{
public:
    PriceCatalogue(const kb::KnowledgeBase &kb, const kb::UserDatabase *user);

    [[nodiscard]] QList<Price> shippedPrices() const;
    [[nodiscard]] QList<Price> resolvedPrices(const PriceFilter &filter = {}) const;
    [[nodiscard]] std::optional<Price> resolved(const QString &optionId, const QString &modelId) const;

private:
    const kb::KnowledgeBase &m_kb;
    const kb::UserDatabase *m_user = nullptr;
};

} // namespace lda::core::pricing
