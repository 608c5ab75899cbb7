#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace lda::core::kb {
class KnowledgeBase;
}
namespace lda::core::pricing {
class PriceCatalogue;
}

namespace lda::core::guide {

// One live-fact comment pair of a guide page: <!--lda:KIND:ARGS-->STATIC<!--/lda--> (GUIDE-CONVENTIONS.md).
// KIND is price (ARGS = OPTION/MODEL:FIELD), gpu (INSTANCE:FIELD) or usecase (ID:monthly).
struct LiveFact
{
    QString kind;
    QString id;    // OPTION/MODEL, INSTANCE or use-case id
    QString field; // input, output, on_demand_month, monthly, ...
    QString staticText;
    int line = 0;         // 1-based line of the opening comment
    qsizetype start = 0;  // offset of the opening comment in the Markdown
    qsizetype length = 0; // up to and including the closing comment
};

// Every live fact of a page, in order (facts inside fenced code are ignored).
[[nodiscard]] QList<LiveFact> findLiveFacts(const QString &markdown);

// A fact resolved against the knowledge base.
struct ResolvedFact
{
    bool known = false;          // the id and field exist
    bool isStatic = false;       // shown with its static text (no live value available)
    std::optional<double> value; // USD
    QString display;             // "$3.00"
    QString asOf;
    QString source;
    QString error;               // why it is unknown
};

// The number a static text shows ("$4,141" -> 4141, "$0.075" -> 0.075) and how many decimals it has.
struct ShownAmount
{
    double value = 0;
    int decimals = 0;
};
[[nodiscard]] std::optional<ShownAmount> parseShownAmount(QStringView staticText);
// "$1,234.50" style formatting with the given number of decimals.
[[nodiscard]] QString formatUsd(double value, int decimals);
// True when value rounds to the static text at the precision it shows.
[[nodiscard]] bool agreesWithShown(QStringView staticText, double value);

// Resolves live facts from the price catalogue (override > shipped) and the GPU table. The use-case
// kind needs the cost engine, which plugs in through setUseCaseEstimator; without it such facts keep
// their static text, marked "(static)". Prices and GPU rates are read once, at construction.
class LiveFactResolver final
{
public:
    using UseCaseEstimator = std::function<std::optional<double>(const QString &useCaseId)>;

    LiveFactResolver(const kb::KnowledgeBase &kb, const pricing::PriceCatalogue &prices);

    void setUseCaseEstimator(UseCaseEstimator estimator) { m_useCaseEstimator = std::move(estimator); }
    [[nodiscard]] ResolvedFact resolve(const LiveFact &fact) const;
    // The HTML that replaces a fact in a rendered page.
    [[nodiscard]] QString html(const LiveFact &fact) const;

private:
    struct Value
    {
        double value = 0;
        QString asOf;
        QString source;
    };
    QHash<QString, Value> m_values; // "price:opt/model:field", "gpu:inst:field"
    QHash<QString, bool> m_useCases;
    UseCaseEstimator m_useCaseEstimator;
};

} // namespace lda::core::guide
