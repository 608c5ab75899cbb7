#include "LiteLlmImporter.h"

#include "kb/KnowledgeBase.h"
#include "kb/UserDatabase.h"

#include <QCryptographicHash>
#include <QDate>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <cmath>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcPricing, "lda.core.pricing")

namespace lda::core::pricing {

namespace {

constexpr double kMaxPlausiblePerMTok = 1000.0; // DESIGN.md §6: more than $1,000 per million is flagged

const QString kOptionBedrock = u"aws-bedrock"_s;
const QString kOptionAzure = u"azure-openai"_s;
const QString kOptionVertex = u"gcp-vertex-ai"_s;

bool stripPrefix(QString *s, QStringView prefix)
{
    if (!s->startsWith(prefix))
        return false;
    s->remove(0, prefix.size());
    return true;
}

KeyMapping mapBedrock(const QString &key, const ModelIndex &index)
{
    KeyMapping m;
    QString rest = key;
    stripPrefix(&rest, u"bedrock/");
    stripPrefix(&rest, u"converse/");
    // bedrock/<region>/<id> and bedrock/<region>/<commitment>/<id>: a regional endpoint.
    const qsizetype slash = rest.lastIndexOf(u'/');
    bool regional = false;
    if (slash >= 0) {
        rest = rest.mid(slash + 1);
        regional = true;
    }
    QString model = index.modelFor(kOptionBedrock, rest);
    if (model.isEmpty()) {
        // Cross-region inference profiles: us./eu./apac./jp./au./ca./us-gov. are geo-pinned (about 10%
        // more for recent Claude models); global. is the base price.
        static const QStringList geo = {u"us-gov."_s, u"us."_s, u"eu."_s, u"apac."_s, u"jp."_s,
                                        u"au."_s,     u"ca."_s, u"global."_s};
        for (const QString &g : geo) {
            if (rest.startsWith(g)) {
                const QString bare = rest.mid(g.size());
                model = index.modelFor(kOptionBedrock, bare);
                if (!model.isEmpty()) {
                    rest = bare;
                    regional = regional || g != u"global."_s;
                }
                break;
            }
        }
    }
    m.providerModelId = rest;
    if (!model.isEmpty()) {
        m.optionId = kOptionBedrock;
        m.modelId = model;
        m.regional = regional;
    }
    return m;
}

KeyMapping mapAzure(const QString &key, const ModelIndex &index)
{
    KeyMapping m;
    QString rest = key;
    if (!stripPrefix(&rest, u"azure_ai/"))
        stripPrefix(&rest, u"azure/");
    bool regional = false;
    // Data-zone deployments (azure/eu/..., azure/us/...) cost about 10% more than Global Standard.
    if (stripPrefix(&rest, u"eu/") || stripPrefix(&rest, u"us/"))
        regional = true;
    else if (!stripPrefix(&rest, u"global-standard/"))
        stripPrefix(&rest, u"global/");
    m.providerModelId = rest;
    QString model = index.modelFor(kOptionAzure, rest);
    if (model.isEmpty()) {
        // Azure AI Foundry model names are case-insensitive (models.kb: DeepSeek-R1, LiteLLM:
        // azure_ai/deepseek-r1).
        const QHash<QString, QString> azure = index.byOption.value(kOptionAzure);
        for (auto it = azure.cbegin(); it != azure.cend(); ++it) {
            if (it.key().compare(rest, Qt::CaseInsensitive) == 0) {
                model = it.value();
                break;
            }
        }
    }
    if (!model.isEmpty()) {
        m.optionId = kOptionAzure;
        m.modelId = model;
        m.regional = regional;
    }
    return m;
}

KeyMapping mapVertex(const QString &key, const ModelIndex &index)
{
    KeyMapping m;
    QString rest = key;
    stripPrefix(&rest, u"vertex_ai/");
    m.providerModelId = rest;
    const QString model = index.modelFor(kOptionVertex, rest);
    if (!model.isEmpty()) {
        m.optionId = kOptionVertex;
        m.modelId = model;
    }
    return m;
}

// Line and column of a byte offset, for a parse error a person can find in a 40,000-line file.
QString position(const QByteArray &bytes, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, bytes.size());
    qsizetype line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (bytes.at(i) == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return QString::number(line) % u':' % QString::number(offset - lineStart + 1);
}

QString jsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Array:
        return u"a list"_s;
    case QJsonValue::Object:
        return u"an object"_s;
    default:
        return u"something else"_s;
    }
}

double perMillion(double perToken)
{
    // 3.3e-06 * 1e6 is 3.3000000000000003: round away the binary noise (prices have < 8 decimals).
    return std::round(perToken * 1e6 * 1e8) / 1e8;
}

// Reads one cost field. Missing and null are "no price" (nullopt); a number becomes $/M tokens; any other
// type makes the whole file malformed (reported with key and field) - except implausible numbers, which
// are dropped and flagged.
struct CostReader
{
    const QJsonObject &object;
    const QString &fileName;
    const QString &key;
    QString *error;
    QStringList *flags;

    std::optional<double> operator()(const QString &field) const
    {
        const auto it = object.constFind(field);
        if (it == object.constEnd() || it->isNull() || it->isUndefined())
            return std::nullopt;
        if (!it->isDouble()) {
            if (error->isEmpty())
                *error = fileName % u": key '"_s % key % u"': field '"_s % field % u"': expected a number, got "_s
                    % jsonTypeName(*it);
            return std::nullopt;
        }
        const double raw = it->toDouble();
        const double v = perMillion(raw);
        if (!std::isfinite(v) || v < 0 || v > kMaxPlausiblePerMTok) {
            flags->append(u"implausible "_s % field % u" = "_s % QString::number(raw, 'g', 6) % u" ($"_s
                          % QString::number(v, 'g', 8) % u"/M tokens)"_s);
            return std::nullopt;
        }
        return v;
    }
};

// The lowest context tier encoded in field names: input_cost_per_token_above_200k_tokens -> 200000.
void readTier(const QJsonObject &o, const CostReader &cost, ImportedEntry *e)
{
    static const QString prefix = u"input_cost_per_token_above_"_s;
    static const QString suffix = u"k_tokens"_s;
    std::optional<qint64> best;
    QString bestK;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        const QString &field = it.key();
        if (!field.startsWith(prefix) || !field.endsWith(suffix))
            continue;
        const QString k = field.mid(prefix.size(), field.size() - prefix.size() - suffix.size());
        bool ok = false;
        const qint64 thousands = k.toLongLong(&ok);
        if (!ok || thousands <= 0)
            continue;
        if (!best || thousands * 1000 < *best) {
            best = thousands * 1000;
            bestK = k;
        }
    }
    if (!best)
        return;
    e->tierThreshold = best;
    e->tierInputPerMTok = cost(prefix % bestK % suffix);
    e->tierOutputPerMTok = cost(u"output_cost_per_token_above_"_s % bestK % suffix);
}

// Picks the row that stands for each option/model: not regional, not flagged, with both prices; the
// cheapest standard deployment wins (the shipped prices follow the same rule), then the shortest key.
void choosePrimaries(QList<ImportedEntry> *entries)
{
    QHash<QString, qsizetype> best;
    for (qsizetype i = 0; i < entries->size(); ++i) {
        const ImportedEntry &e = entries->at(i);
        if (e.mapping.optionId.isEmpty() || e.mapping.regional || !e.flag.isEmpty() || !e.inputPerMTok
            || !e.outputPerMTok)
            continue;
        const QString id = e.mapping.optionId % u'/' % e.mapping.modelId;
        const auto it = best.find(id);
        if (it == best.end()) {
            best.insert(id, i);
            continue;
        }
        const ImportedEntry &b = entries->at(*it);
        const auto rank = [](const ImportedEntry &x) {
            return std::make_tuple(*x.inputPerMTok, *x.outputPerMTok, x.key.size(), x.key);
        };
        if (rank(e) < rank(b))
            *it = i;
    }
    for (const qsizetype i : std::as_const(best))
        (*entries)[i].primary = true;
}

QVariant sqlValue(const std::optional<double> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<double>());
}

} // namespace

ModelIndex ModelIndex::fromKnowledgeBase(const kb::KnowledgeBase &kb)
{
    ModelIndex index;
    const QList<kb::Model> models = kb.models();
    for (const kb::Model &m : models) {
        for (const kb::ModelAvailability &a : m.availability)
            index.byOption[a.optionId].insert(a.providerModelId, m.id);
    }
    return index;
}

QString ModelIndex::modelFor(const QString &optionId, const QString &providerModelId) const
{
    const auto it = byOption.constFind(optionId);
    return it == byOption.cend() ? QString() : it->value(providerModelId);
}

KeyMapping mapLiteLlmKey(const QString &key, const QString &provider, const ModelIndex &index)
{
    if (provider == u"bedrock"_s || provider == u"bedrock_converse"_s)
        return mapBedrock(key, index);
    if (provider == u"azure"_s || provider == u"azure_ai"_s)
        return mapAzure(key, index);
    if (provider.startsWith(u"vertex_ai"_s))
        return mapVertex(key, index);
    return {};
}

int LiteLlmParse::mapped() const
{
    return int(std::count_if(entries.cbegin(), entries.cend(),
                             [](const ImportedEntry &e) { return !e.mapping.optionId.isEmpty(); }));
}

int LiteLlmParse::flagged() const
{
    return int(
        std::count_if(entries.cbegin(), entries.cend(), [](const ImportedEntry &e) { return !e.flag.isEmpty(); }));
}

bool isValidIsoDate(const QString &date)
{
    if (date.size() != 10)
        return false;
    const QDate d = QDate::fromString(date, Qt::ISODate);
    return d.isValid() && d.toString(Qt::ISODate) == date;
}

LiteLlmParse parseLiteLlm(const QByteArray &bytes, const QString &fileName, const ModelIndex &index)
{
    LiteLlmParse result;
    result.fileName = fileName;
    result.sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    if (bytes.trimmed().isEmpty()) {
        result.error = fileName % u": empty file"_s;
        return result;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error = fileName % u':' % position(bytes, parseError.offset) % u": malformed JSON ("_s
            % parseError.errorString() % u')';
        return result;
    }
    if (!doc.isObject()) {
        result.error = fileName % u": expected a JSON object of model entries at the top level"_s;
        return result;
    }
    const QJsonObject root = doc.object();
    result.entries.reserve(root.size());
    for (auto it = root.constBegin(); it != root.constEnd(); ++it) {
        const QString key = it.key();
        if (key == u"last_updated"_s) {
            result.lastUpdated = it->toString();
            result.skippedKeys.append(key);
            continue;
        }
        // sample_spec documents the format with prose in numeric fields; fallback_generalizations holds
        // rules, not a model. Any other non-object value is not a model entry either.
        if (key == u"sample_spec"_s || key == u"fallback_generalizations"_s || !it->isObject()) {
            result.skippedKeys.append(key);
            continue;
        }
        const QJsonObject o = it->toObject();
        ImportedEntry e;
        e.key = key;
        const QJsonValue provider = o.value(u"litellm_provider"_s);
        if (provider.isUndefined() || provider.isNull()) {
            // Every LiteLLM model entry names its provider; an object without one (say the self_hosted block
            // of a workload file given by mistake) is not a model entry. user.db requires a provider.
            result.skippedKeys.append(key);
            continue;
        }
        if (!provider.isString()) {
            result.error = fileName % u": key '"_s % key % u"': field 'litellm_provider': expected a string, got "_s
                % jsonTypeName(provider);
            return result;
        }
        e.provider = provider.toString();
        e.mode = o.value(u"mode"_s).toString();
        QStringList flags;
        const CostReader cost{o, fileName, key, &result.error, &flags};
        e.inputPerMTok = cost(u"input_cost_per_token"_s);
        e.outputPerMTok = cost(u"output_cost_per_token"_s);
        e.cachedInputPerMTok = cost(u"cache_read_input_token_cost"_s);
        e.cacheWritePerMTok = cost(u"cache_creation_input_token_cost"_s);
        e.batchInputPerMTok = cost(u"input_cost_per_token_batches"_s);
        e.batchOutputPerMTok = cost(u"output_cost_per_token_batches"_s);
        readTier(o, cost, &e);
        if (!result.error.isEmpty())
            return result;
        e.flag = flags.join(u"; "_s);
        e.mapping = mapLiteLlmKey(key, e.provider, index);
        result.entries.append(std::move(e));
    }
    if (result.entries.isEmpty()) {
        result.error = fileName % u": no LiteLLM model entries (objects with a 'litellm_provider' field) at the top level"_s;
        return result;
    }
    choosePrimaries(&result.entries);
    result.ok = true;
    return result;
}

LiteLlmFileRead readLiteLlmFile(const QString &path, const QString &asOf, const ModelIndex &index)
{
    LiteLlmFileRead read;
    const QFileInfo info(path);
    read.parse.fileName = info.fileName();
    if (!asOf.isEmpty() && !isValidIsoDate(asOf)) {
        read.parse.error = u"invalid date '"_s % asOf % u"' for --as-of (use YYYY-MM-DD)"_s;
        return read;
    }
    QFile file(path);
    if (!info.exists()) {
        read.parse.error = path % u": no such file"_s;
        return read;
    }
    if (!info.isFile() || !file.open(QIODevice::ReadOnly)) {
        read.parse.error = path % u": cannot read the file"_s
            % (info.isFile() ? u" ("_s % file.errorString() % u')' : u" (not a regular file)"_s);
        return read;
    }
    read.parse = parseLiteLlm(file.readAll(), info.fileName(), index);
    if (!read.parse.ok)
        return read;
    if (!asOf.isEmpty())
        read.asOf = asOf;
    else if (isValidIsoDate(read.parse.lastUpdated.left(10)))
        read.asOf = read.parse.lastUpdated.left(10);
    else
        read.asOf = info.lastModified().toUTC().date().toString(Qt::ISODate);
    return read;
}

LiteLlmImporter::LiteLlmImporter(const kb::KnowledgeBase &kb, kb::UserDatabase &user)
    : m_kb(kb)
    , m_user(user)
{
}

ImportSummary LiteLlmImporter::importFile(const QString &path, const QString &asOf)
{
    return store(m_user, readLiteLlmFile(path, asOf, ModelIndex::fromKnowledgeBase(m_kb)));
}

ImportSummary LiteLlmImporter::store(kb::UserDatabase &user, const LiteLlmFileRead &read, const QDateTime &now)
{
    ImportSummary s;
    const LiteLlmParse &p = read.parse;
    s.fileName = p.fileName;
    s.sha256 = p.sha256;
    if (!p.ok) {
        s.error = p.error;
        return s;
    }
    s.asOf = read.asOf;
    s.entries = int(p.entries.size());
    s.mapped = p.mapped();
    s.unmapped = s.entries - s.mapped;
    s.flagged = p.flagged();
    s.skipped = int(p.skippedKeys.size());

    QSqlDatabase db = user.database();
    {
        QSqlQuery q(db);
        q.prepare(u"SELECT id, as_of FROM price_snapshots WHERE sha256 = ?"_s);
        q.addBindValue(p.sha256);
        if (q.exec() && q.next()) {
            s.ok = true;
            s.alreadyImported = true;
            s.snapshotId = q.value(0).toLongLong();
            s.asOf = q.value(1).toString();
            return s;
        }
    }
    const auto fail = [&](const QSqlQuery &q) {
        s.error = u"cannot store the snapshot in user data: "_s % q.lastError().text();
        db.rollback();
        qCWarning(lcPricing) << s.error;
        return s;
    };
    if (!db.transaction()) {
        s.error = u"cannot start a transaction in user data: "_s % db.lastError().text();
        return s;
    }
    QSqlQuery q(db);
    q.prepare(u"INSERT INTO price_snapshots (as_of, source, sha256, imported_at, entries, mapped, flagged, skipped)"
              " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(s.asOf);
    q.addBindValue(QString(u"LiteLLM "_s % p.fileName));
    q.addBindValue(p.sha256);
    q.addBindValue(now.toString(Qt::ISODate));
    q.addBindValue(s.entries);
    q.addBindValue(s.mapped);
    q.addBindValue(s.flagged);
    q.addBindValue(s.skipped);
    if (!q.exec())
        return fail(q);
    s.snapshotId = q.lastInsertId().toLongLong();

    QSqlQuery row(db);
    row.prepare(u"INSERT INTO imported_prices (snapshot_id, source_key, provider, option_id, model_id,"
                " input_per_mtok, output_per_mtok, cached_input_per_mtok, batch_input_per_mtok, batch_output_per_mtok,"
                " regional, flag, cache_write_per_mtok, tier_threshold, tier_input_per_mtok, tier_output_per_mtok,"
                " is_primary, mode) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    const QVariant nullText(QMetaType::fromType<QString>());
    for (const ImportedEntry &e : p.entries) {
        const bool mapped = !e.mapping.optionId.isEmpty();
        row.bindValue(0, s.snapshotId);
        row.bindValue(1, e.key);
        row.bindValue(2, e.provider);
        row.bindValue(3, mapped ? QVariant(e.mapping.optionId) : nullText);
        row.bindValue(4, mapped ? QVariant(e.mapping.modelId) : nullText);
        row.bindValue(5, sqlValue(e.inputPerMTok));
        row.bindValue(6, sqlValue(e.outputPerMTok));
        row.bindValue(7, sqlValue(e.cachedInputPerMTok));
        row.bindValue(8, sqlValue(e.batchInputPerMTok));
        row.bindValue(9, sqlValue(e.batchOutputPerMTok));
        row.bindValue(10, e.mapping.regional ? 1 : 0);
        row.bindValue(11, e.flag.isEmpty() ? nullText : QVariant(e.flag));
        row.bindValue(12, sqlValue(e.cacheWritePerMTok));
        row.bindValue(13, e.tierThreshold ? QVariant(*e.tierThreshold) : QVariant(QMetaType::fromType<qint64>()));
        row.bindValue(14, sqlValue(e.tierInputPerMTok));
        row.bindValue(15, sqlValue(e.tierOutputPerMTok));
        row.bindValue(16, e.primary ? 1 : 0);
        row.bindValue(17, e.mode.isEmpty() ? nullText : QVariant(e.mode));
        if (!row.exec())
            return fail(row);
    }
    if (!db.commit()) {
        s.error = u"cannot commit the snapshot to user data: "_s % db.lastError().text();
        db.rollback();
        return s;
    }
    s.ok = true;
    return s;
}

} // namespace lda::core::pricing
