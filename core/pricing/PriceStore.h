#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace lda::core::kb {
class UserDatabase;
}

namespace lda::core::pricing {

struct PriceSnapshot
{
    qint64 id = 0;
    QString asOf;
    QString source;
    QString sha256;
    QString importedAt;
    int entries = 0;
    int mapped = 0;
    int flagged = 0;
    int skipped = 0;
};

// One imported row, for the import summary lists (unmapped and flagged entries stay visible).
struct ImportedRow
{
    QString key;
    QString provider;
    QString optionId;
    QString modelId;
    std::optional<double> inputPerMTok;
    std::optional<double> outputPerMTok;
    bool regional = false;
    bool primary = false;
    QString flag;
};

struct OverrideInput
{
    double inputPerMTok = 0;
    double outputPerMTok = 0;
    std::optional<double> cachedInputPerMTok;
    QString note;
};

// The user's side of prices in user.db: imported snapshots, which one resolution uses, and overrides.
class PriceStore final
{
public:
    static inline const QString kUseSnapshotKey = QStringLiteral("prices/use_snapshot");

    explicit PriceStore(kb::UserDatabase &user);

    [[nodiscard]] QList<PriceSnapshot> snapshots() const; // oldest first
    [[nodiscard]] QList<ImportedRow> importedRows(qint64 snapshotId) const;

    // "none" (default: shipped prices only), "latest", or a snapshot id. Returns false with *error on
    // an unknown id or word.
    [[nodiscard]] QString snapshotChoice() const;
    bool setSnapshotChoice(const QString &choice, QString *error);

    // Negotiated prices: finite, non-negative and at most $1,000 per million tokens.
    bool setOverride(const QString &optionId, const QString &modelId, const OverrideInput &input, QString *error,
                     const QDateTime &now = QDateTime::currentDateTimeUtc());
    bool resetOverride(const QString &optionId, const QString &modelId); // back to the shipped/imported figure
    [[nodiscard]] bool hasOverride(const QString &optionId, const QString &modelId) const;

private:
    kb::UserDatabase &m_user;
};

} // namespace lda::core::pricing
