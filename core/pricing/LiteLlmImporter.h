#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace lda::core::kb {
class KnowledgeBase;
class UserDatabase;
} // namespace lda::core::kb

namespace lda::core::pricing {

// Provider model id -> KB model id, per deployment option (from each model's `available` lines).
// Built once from the knowledge base, then used from any thread: it holds no connection.
struct ModelIndex
{
    QHash<QString, QHash<QString, QString>> byOption;

    [[nodiscard]] static ModelIndex fromKnowledgeBase(const kb::KnowledgeBase &kb);
    [[nodiscard]] QString modelFor(const QString &optionId, const QString &providerModelId) const;
};

// Where a LiteLLM key lands in the knowledge base. Always decided by `litellm_provider`, never by the
// key prefix (the prefix is not the provider: `gemini-2.5-pro` is a Vertex AI entry).
struct KeyMapping
{
    QString optionId;        // empty = unmapped
    QString modelId;
    QString providerModelId; // the id after stripping prefixes, as in models.kb
    bool regional = false;   // a geo/data-zone/regional deployment that usually costs more
};
[[nodiscard]] KeyMapping mapLiteLlmKey(const QString &key, const QString &provider, const ModelIndex &index);

// One model entry of the file, converted to USD per million tokens. Missing prices stay empty (NULL in
// user.db, never 0); implausible ones are dropped and described in `flag`.
struct ImportedEntry
{
    QString key;
    QString provider;
    QString mode;
    KeyMapping mapping;
    std::optional<double> inputPerMTok;
    std::optional<double> outputPerMTok;
    std::optional<double> cachedInputPerMTok;
    std::optional<double> cacheWritePerMTok;
    std::optional<double> batchInputPerMTok;
    std::optional<double> batchOutputPerMTok;
    std::optional<qint64> tierThreshold; // the lowest context tier, e.g. 200000
    std::optional<double> tierInputPerMTok;
    std::optional<double> tierOutputPerMTok;
    QString flag;          // why a value was not imported; empty = plausible
    bool primary = false;  // the row that stands for its option/model in resolution and history
};

// The parsed file, before anything touches a database. `error` is one line naming file, key and field.
struct LiteLlmParse
{
    bool ok = false;
    QString error;
    QString fileName;
    QString sha256;
    QString lastUpdated;   // the file's own top-level `last_updated`, if any
    QStringList skippedKeys; // non-model top-level keys (sample_spec, fallback_generalizations, ...)
    QList<ImportedEntry> entries;
    [[nodiscard]] int mapped() const;
    [[nodiscard]] int flagged() const;
};

// Pure: bytes in, entries out. Used by the importer, the GUI worker thread and the fuzz harness.
[[nodiscard]] LiteLlmParse parseLiteLlm(const QByteArray &bytes, const QString &fileName, const ModelIndex &index);

struct ImportSummary
{
    bool ok = false;
    bool alreadyImported = false; // the same file (by sha256) is already a snapshot: nothing changed
    QString error;                // one line, for `error: ...`
    qint64 snapshotId = 0;
    QString asOf;
    QString sha256;
    QString fileName;
    int entries = 0;
    int mapped = 0;
    int unmapped = 0;
    int flagged = 0;
    int skipped = 0;
};

// Reads a file and parses it (no database): the part that runs off the GUI thread.
struct LiteLlmFileRead
{
    LiteLlmParse parse;
    QString asOf; // validated, or the default: last_updated, else the file's modification date
};
// asOf: "" for the default, else it must be a real YYYY-MM-DD date (else ok = false with an error).
[[nodiscard]] LiteLlmFileRead readLiteLlmFile(const QString &path, const QString &asOf, const ModelIndex &index);
[[nodiscard]] bool isValidIsoDate(const QString &date);

// Imports a LiteLLM `model_prices_and_context_window.json` into user.db as one dated snapshot, in one
// transaction: either every row is written or nothing is.
class LiteLlmImporter final
{
public:
    LiteLlmImporter(const kb::KnowledgeBase &kb, kb::UserDatabase &user);

    [[nodiscard]] ImportSummary importFile(const QString &path, const QString &asOf = {});
    // Stores an already parsed file (on the thread that owns the user database connection).
    [[nodiscard]] static ImportSummary store(kb::UserDatabase &user, const LiteLlmFileRead &read,
                                             const QDateTime &now = QDateTime::currentDateTimeUtc());

private:
    const kb::KnowledgeBase &m_kb;
    kb::UserDatabase &m_user;
};

} // namespace lda::core::pricing
