#include "KbCompiler.h"

#include "KnowledgeSchema.h"
#include "guide/GuideSource.h"

#include <QCryptographicHash>
#include <QDate>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcKbCompiler, "lda.core.kb.compiler")

namespace lda::core::kb {

namespace {

// The nine deployment options every knowledge base must define (DESIGN.md §4).
const QStringList &contractOptionIds()
{
    static const QStringList ids = {u"aws-bedrock"_s,    u"aws-sagemaker"_s,
                                    u"aws-ec2-vllm"_s,   u"azure-openai"_s,
                                    u"azure-container-instances"_s, u"azure-aks"_s,
                                    u"gcp-vertex-ai"_s,  u"gcp-cloud-run"_s,
                                    u"gcp-gke"_s};
    return ids;
}

enum class Kind {
    Text,
    Number,     // finite, >= 0
    OptNumber,  // a Number or "unknown" (NULL)
    Fraction,   // Number in [0, 1]
    Integer,    // whole number >= 0
    OptInteger, // Integer or "unknown"
    Date,       // YYYY-MM-DD
    Bool,       // yes / no
    Enum,
    OptionRef,
    OptionList, // comma-separated option ids
    Available,  // "<option-id> <provider model id>"
    GpuRef,
    Condition,  // decision tree: "<question> is|not <value>[, <value>...]" or "<question> >=|< <number>"
    Weight,     // decision tree: a signed number or "exclude"
};

struct FieldSpec
{
    QString key;
    Kind kind = Kind::Text;
    bool required = false;
    bool repeat = false;
    QStringList values = {};
};

struct RecordSpec
{
    QString type;
    QList<FieldSpec> fields;
    QString prefix = {};                 // e.g. "value." or "overhead."
    Kind prefixKind = Kind::Text;
    QStringList prefixItems = {};        // allowed suffixes; empty = option ids
};

FieldSpec req(const QString &key, Kind kind = Kind::Text, QStringList values = {})
{
    return FieldSpec{key, kind, true, false, std::move(values)};
}
FieldSpec opt(const QString &key, Kind kind = Kind::Text, QStringList values = {})
{
    return FieldSpec{key, kind, false, false, std::move(values)};
}
FieldSpec rep(const QString &key, Kind kind = Kind::Text)
{
    return FieldSpec{key, kind, false, true, {}};
}

const QList<RecordSpec> &recordSpecs()
{
    static const QStringList confidence = {u"V"_s, u"C"_s, u"U"_s};
    static const QList<RecordSpec> specs = {
        {u"option"_s,
         {req(u"provider"_s, Kind::Enum, {u"aws"_s, u"azure"_s, u"gcp"_s}), req(u"name"_s), opt(u"short_name"_s),
          req(u"category"_s, Kind::Enum,
              {u"managed-api"_s, u"managed-endpoint"_s, u"self-hosted"_s, u"container"_s, u"serverless"_s,
               u"kubernetes"_s}),
          req(u"summary"_s), req(u"setup_time"_s),
          req(u"ops_burden"_s, Kind::Enum, {u"low"_s, u"medium"_s, u"high"_s}), req(u"scaling_model"_s),
          req(u"gpu_support"_s), req(u"scale_to_zero"_s, Kind::Enum, {u"yes"_s, u"no"_s, u"partial"_s}),
          req(u"pricing_model"_s), req(u"guide"_s), req(u"order"_s, Kind::Integer), rep(u"strength"_s),
          rep(u"weakness"_s), rep(u"compliance"_s), opt(u"note"_s)}},
        {u"criterion"_s,
         {req(u"name"_s), req(u"category"_s), req(u"description"_s), req(u"order"_s, Kind::Integer),
          opt(u"better"_s, Kind::Enum, {u"higher"_s, u"lower"_s, u"none"_s})},
         u"value."_s,
         Kind::Text},
        {u"model"_s,
         {req(u"name"_s), req(u"vendor"_s),
          req(u"family"_s, Kind::Enum,
              {u"openai"_s, u"anthropic"_s, u"google"_s, u"meta"_s, u"mistral"_s, u"amazon"_s, u"alibaba"_s,
               u"deepseek"_s, u"other"_s}),
          req(u"open_weights"_s, Kind::Bool),
          req(u"size_class"_s, Kind::Enum, {u"7-8B"_s, u"13-34B"_s, u"70B"_s, u"400B+"_s, u"moe"_s, u"hosted"_s}),
          req(u"context_window"_s, Kind::Integer),
          req(u"lifecycle"_s, Kind::Enum, {u"ga"_s, u"preview"_s, u"deprecated"_s, u"retired"_s}),
          opt(u"params_b"_s, Kind::OptNumber), opt(u"max_output"_s, Kind::OptInteger),
          opt(u"lifecycle_date"_s, Kind::Date), opt(u"released"_s, Kind::Date), rep(u"available"_s, Kind::Available),
          opt(u"note"_s)}},
        {u"price"_s,
         {req(u"input"_s, Kind::Number), req(u"output"_s, Kind::Number), req(u"as_of"_s, Kind::Date),
          req(u"source"_s), req(u"confidence"_s, Kind::Enum, confidence), opt(u"cached_input"_s, Kind::OptNumber),
          opt(u"cache_write"_s, Kind::OptNumber), opt(u"batch_discount"_s, Kind::Fraction),
          opt(u"regional_premium"_s, Kind::Fraction), opt(u"tier_threshold"_s, Kind::Integer),
          opt(u"tier_input"_s, Kind::Number), opt(u"tier_output"_s, Kind::Number), opt(u"note"_s)}},
        {u"provisioned"_s,
         {req(u"unit"_s), req(u"usd_per_unit_hour"_s, Kind::Number), req(u"term"_s), req(u"as_of"_s, Kind::Date),
          req(u"source"_s), req(u"confidence"_s, Kind::Enum, confidence), opt(u"min_units"_s, Kind::OptInteger),
          opt(u"step_units"_s, Kind::OptInteger), opt(u"input_tpm_per_unit"_s, Kind::OptNumber),
          opt(u"output_weight"_s, Kind::OptNumber), opt(u"note"_s)}},
        {u"gpu"_s,
         {req(u"provider"_s, Kind::Enum, {u"aws"_s, u"azure"_s, u"gcp"_s}), req(u"options"_s, Kind::OptionList),
          req(u"region"_s), req(u"gpu_model"_s), req(u"gpu_count"_s, Kind::Integer),
          req(u"gpu_memory_gb"_s, Kind::Number), req(u"on_demand"_s, Kind::Number), req(u"as_of"_s, Kind::Date),
          req(u"source"_s), req(u"confidence"_s, Kind::Enum, confidence), opt(u"name"_s),
          opt(u"vcpus"_s, Kind::OptInteger), opt(u"memory_gb"_s, Kind::OptNumber), opt(u"spot"_s, Kind::OptNumber),
          opt(u"ri_1y"_s, Kind::OptNumber), opt(u"ri_3y"_s, Kind::OptNumber), opt(u"note"_s)}},
        {u"throughput"_s,
         {req(u"size_class"_s, Kind::Enum, {u"7-8B"_s, u"13-34B"_s, u"70B"_s, u"400B+"_s, u"moe"_s}),
          req(u"gpu_model"_s), req(u"gpu_count"_s, Kind::Integer), req(u"tokens_per_second"_s, Kind::Number),
          req(u"low"_s, Kind::Number), req(u"high"_s, Kind::Number), req(u"basis"_s), opt(u"source"_s),
          opt(u"note"_s)}},
        {u"usecase"_s,
         {req(u"name"_s), req(u"summary"_s), req(u"option"_s, Kind::OptionRef), req(u"model"_s),
          req(u"requests_per_day"_s, Kind::Number), req(u"input_tokens_per_request"_s, Kind::Number),
          req(u"output_tokens_per_request"_s, Kind::Number), req(u"guide"_s),
          opt(u"days_per_month"_s, Kind::Number), opt(u"peak_requests_per_second"_s, Kind::Number),
          opt(u"cache_hit_rate"_s, Kind::Fraction), opt(u"batch_share"_s, Kind::Fraction),
          opt(u"budget_usd_per_month"_s, Kind::Number), opt(u"region"_s), opt(u"instance"_s, Kind::GpuRef),
          opt(u"instance_count"_s, Kind::Integer), opt(u"hours_per_day"_s, Kind::Number),
          opt(u"pricing"_s, Kind::Enum, {u"on-demand"_s, u"spot"_s, u"1y"_s, u"3y"_s}), opt(u"note"_s)},
         u"overhead."_s,
         Kind::Number,
         {u"storage"_s, u"networking"_s, u"monitoring"_s, u"other"_s}},
        // The decision tree (decision.kb): questions, their answers ("<question>/<value>"), weighted rules and
        // explanations of answers that contradict each other.
        {u"question"_s,
         {req(u"kind"_s, Kind::Enum, {u"choice"_s, u"number"_s}), req(u"order"_s, Kind::Integer), req(u"name"_s),
          req(u"text"_s), req(u"help"_s), req(u"guide"_s), opt(u"unit"_s)}},
        {u"answer"_s, {req(u"label"_s), req(u"order"_s, Kind::Integer), opt(u"help"_s)}},
        {u"rule"_s,
         {rep(u"when"_s, Kind::Condition), req(u"options"_s, Kind::OptionList), req(u"weight"_s, Kind::Weight),
          req(u"reason"_s)}},
        {u"conflict"_s, {rep(u"when"_s, Kind::Condition), req(u"explanation"_s), opt(u"suggestion"_s)}},
    };
    return specs;
}

const RecordSpec *specFor(const QString &type)
{
    for (const RecordSpec &s : recordSpecs()) {
        if (s.type == type)
            return &s;
    }
    return nullptr;
}

bool parseNumber(const QString &text, double *out)
{
    static const QRegularExpression number(u"^[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$"_s);
    if (!number.match(text).hasMatch())
        return false;
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return false;
    *out = v;
    return true;
}

bool isIsoDate(const QString &text)
{
    static const QRegularExpression shape(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    return shape.match(text).hasMatch() && QDate::fromString(text, Qt::ISODate).isValid();
}

// A decision-rule condition, "<question> is|not <v>[, <v>...]" or "<question> >=|< <number>".
struct DecisionCondition
{
    QString question;
    QString op;
    QStringList values; // for is / not
    double number = 0;  // for >= / <
    QString error;
};

DecisionCondition parseDecisionCondition(const QString &text)
{
    DecisionCondition c;
    static const QRegularExpression shape(u"^([a-z0-9_]+)\\s+(is|not|>=|<)\\s+(.+)$"_s);
    const QRegularExpressionMatch m = shape.match(text.trimmed());
    if (!m.hasMatch()) {
        c.error = u"expected '<question> is|not <value>[, <value>...]' or '<question> >=|< <number>', got '"_s % text
            % u"'"_s;
        return c;
    }
    c.question = m.captured(1);
    c.op = m.captured(2);
    const QString operand = m.captured(3).trimmed();
    if (c.op == u">="_s || c.op == u"<"_s) {
        if (!parseNumber(operand, &c.number))
            c.error = u"expected a number >= 0 after '"_s % c.op % u"', got '"_s % operand % u"'"_s;
        return c;
    }
    const QStringList parts = operand.split(u',');
    for (const QString &part : parts) {
        const QString v = part.trimmed();
        if (v.isEmpty()) {
            c.error = u"empty value in '"_s % text % u"'"_s;
            return c;
        }
        c.values.append(v);
    }
    return c;
}

struct Context
{
    QSet<QString> optionIds;
    QSet<QString> modelIds;
    QSet<QString> gpuIds;
    QHash<QString, QString> questionKinds;      // decision question id -> choice | number
    QHash<QString, QStringList> answerValues;   // decision question id -> its answer values
    QList<Diagnostic> *errors = nullptr;

    void error(const SourceRecord &r, int line, const QString &message) const
    {
        errors->append({r.file, line, message});
    }
};

void checkValue(const Context &ctx, const SourceRecord &r, const SourceField &f, Kind kind, const QStringList &values)
{
    const auto fail = [&](const QString &what) {
        ctx.error(r, f.line, u"'"_s % f.key % u"': "_s % what);
    };
    double number = 0;
    switch (kind) {
    case Kind::Text:
        break;
    case Kind::Number:
        if (!parseNumber(f.value, &number))
            fail(u"expected a number >= 0, got '"_s % f.value % u"'"_s);
        break;
    case Kind::OptNumber:
        if (f.value != u"unknown"_s && !parseNumber(f.value, &number))
            fail(u"expected a number >= 0 or 'unknown', got '"_s % f.value % u"'"_s);
        break;
    case Kind::Fraction:
        if (!parseNumber(f.value, &number) || number > 1.0)
            fail(u"expected a fraction between 0 and 1, got '"_s % f.value % u"'"_s);
        break;
    case Kind::Integer:
    case Kind::OptInteger: {
        static const QRegularExpression integer(u"^[0-9]+$"_s);
        const bool unknownOk = kind == Kind::OptInteger && f.value == u"unknown"_s;
        if (!unknownOk && !integer.match(f.value).hasMatch())
            fail(u"expected a whole number, got '"_s % f.value % u"'"_s);
        break;
    }
    case Kind::Date:
        if (!isIsoDate(f.value))
            fail(u"expected a date YYYY-MM-DD, got '"_s % f.value % u"'"_s);
        break;
    case Kind::Bool:
        if (f.value != u"yes"_s && f.value != u"no"_s)
            fail(u"expected yes or no, got '"_s % f.value % u"'"_s);
        break;
    case Kind::Enum:
        if (!values.contains(f.value))
            fail(u"'"_s % f.value % u"' is not one of "_s % values.join(u", "_s));
        break;
    case Kind::OptionRef:
        if (!ctx.optionIds.contains(f.value))
            fail(u"unknown option id '"_s % f.value % u"'"_s);
        break;
    case Kind::GpuRef:
        if (!ctx.gpuIds.contains(f.value))
            fail(u"unknown GPU instance id '"_s % f.value % u"'"_s);
        break;
    case Kind::OptionList: {
        const QStringList ids = f.value.split(u',', Qt::SkipEmptyParts);
        if (ids.isEmpty())
            fail(u"expected a comma-separated list of option ids"_s);
        for (const QString &id : ids) {
            if (!ctx.optionIds.contains(id.trimmed()))
                fail(u"unknown option id '"_s % id.trimmed() % u"'"_s);
        }
        break;
    }
    case Kind::Condition: {
        const DecisionCondition c = parseDecisionCondition(f.value);
        if (!c.error.isEmpty()) {
            fail(c.error);
            break;
        }
        if (!ctx.questionKinds.contains(c.question)) {
            fail(u"unknown question '"_s % c.question % u"'"_s);
            break;
        }
        const bool numeric = ctx.questionKinds.value(c.question) == u"number"_s;
        if (numeric != (c.op == u">="_s || c.op == u"<"_s)) {
            fail(u"question '"_s % c.question % (numeric ? u"' takes a number: use >= or <"_s
                                                          : u"' takes a choice: use 'is' or 'not'"_s));
            break;
        }
        if (!numeric) {
            for (const QString &v : c.values) {
                if (!ctx.answerValues.value(c.question).contains(v))
                    fail(u"'"_s % v % u"' is not an answer of question '"_s % c.question % u"'"_s);
            }
        }
        break;
    }
    case Kind::Weight: {
        static const QRegularExpression signedNumber(u"^-?[0-9]+(\\.[0-9]+)?$"_s);
        if (f.value != u"exclude"_s && !signedNumber.match(f.value).hasMatch())
            fail(u"expected a signed number or 'exclude', got '"_s % f.value % u"'"_s);
        break;
    }
    case Kind::Available: {
        const qsizetype space = f.value.indexOf(u' ');
        const QString option = space < 0 ? f.value : f.value.left(space);
        if (space < 0 || f.value.mid(space + 1).trimmed().isEmpty())
            fail(u"expected '<option-id> <provider model id>'"_s);
        else if (!ctx.optionIds.contains(option))
            fail(u"unknown option id '"_s % option % u"'"_s);
        break;
    }
    }
}

void checkRecord(const Context &ctx, const SourceRecord &r, const RecordSpec &spec)
{
    QSet<QString> seen;
    for (const SourceField &f : r.fields) {
        const FieldSpec *fs = nullptr;
        for (const FieldSpec &candidate : spec.fields) {
            if (candidate.key == f.key) {
                fs = &candidate;
                break;
            }
        }
        if (fs) {
            if (!fs->repeat && seen.contains(f.key))
                ctx.error(r, f.line, u"'"_s % f.key % u"' given twice"_s);
            seen.insert(f.key);
            checkValue(ctx, r, f, fs->kind, fs->values);
            continue;
        }
        if (!spec.prefix.isEmpty() && f.key.startsWith(spec.prefix)) {
            const QString item = f.key.mid(spec.prefix.size());
            const bool known = spec.prefixItems.isEmpty() ? ctx.optionIds.contains(item)
                                                          : spec.prefixItems.contains(item);
            if (!known) {
                ctx.error(r, f.line, u"unknown key '"_s % f.key % u"'"_s);
                continue;
            }
            if (seen.contains(f.key))
                ctx.error(r, f.line, u"'"_s % f.key % u"' given twice"_s);
            seen.insert(f.key);
            checkValue(ctx, r, f, spec.prefixKind, {});
            continue;
        }
        ctx.error(r, f.line, u"unknown key '"_s % f.key % u"' in a "_s % r.type % u" record"_s);
    }
    for (const FieldSpec &fs : spec.fields) {
        if (fs.required && !seen.contains(fs.key))
            ctx.error(r, r.line, u"missing required key '"_s % fs.key % u"' in "_s % r.type % u" '"_s % r.id % u"'"_s);
    }
    if (r.type == u"criterion"_s) {
        QStringList missing;
        for (const QString &option : std::as_const(ctx.optionIds)) {
            if (!seen.contains(u"value."_s % option))
                missing.append(option);
        }
        std::sort(missing.begin(), missing.end());
        if (!missing.isEmpty())
            ctx.error(r, r.line, u"criterion '"_s % r.id % u"' has no value for "_s % missing.join(u", "_s));
    }
}

// Record ids that name other records: price "<option>/<model>", provisioned "<option>/<model|*>@<variant>".
void checkIdReferences(const Context &ctx, const SourceRecord &r)
{
    if (r.type == u"price"_s || r.type == u"provisioned"_s) {
        QString id = r.id;
        if (r.type == u"provisioned"_s) {
            const qsizetype at = id.indexOf(u'@');
            if (at <= 0 || at == id.size() - 1) {
                ctx.error(r, r.line, u"provisioned id must be '<option>/<model or *>@<variant>'"_s);
                return;
            }
            id.truncate(at);
        }
        const QStringList parts = id.split(u'/');
        if (parts.size() != 2) {
            ctx.error(r, r.line, r.type % u" id must be '<option>/<model>'"_s);
            return;
        }
        if (!ctx.optionIds.contains(parts[0]))
            ctx.error(r, r.line, u"unknown option id '"_s % parts[0] % u"'"_s);
        const bool anyModel = r.type == u"provisioned"_s && parts[1] == u"*"_s;
        if (!anyModel && !ctx.modelIds.contains(parts[1]))
            ctx.error(r, r.line, u"unknown model id '"_s % parts[1] % u"'"_s);
    }
    if (r.type == u"usecase"_s) {
        const SourceField *model = r.field(u"model");
        if (model && !ctx.modelIds.contains(model->value))
            ctx.error(r, model->line, u"'model': unknown model id '"_s % model->value % u"'"_s);
    }
    if (r.type == u"price"_s) {
        const SourceField *in = r.field(u"input");
        const SourceField *out = r.field(u"output");
        double vin = 0, vout = 0;
        const double implausible = 1000.0; // USD per million tokens: DESIGN.md §6 sanity bound
        if (in && parseNumber(in->value, &vin) && vin > implausible)
            ctx.error(r, in->line, u"'input': "_s % in->value % u" USD per million tokens is implausible"_s);
        if (out && parseNumber(out->value, &vout) && vout > implausible)
            ctx.error(r, out->line, u"'output': "_s % out->value % u" USD per million tokens is implausible"_s);
    }
}

// Answers belong to an existing choice question; a rule or conflict has something to say.
void checkDecisionRecord(const Context &ctx, const SourceRecord &r)
{
    static const QRegularExpression value(u"^[a-z0-9_]+$"_s);
    if (r.type == u"answer"_s) {
        const QString question = r.id.section(u'/', 0, 0);
        const QString v = r.id.section(u'/', 1);
        if (!r.id.contains(u'/') || !value.match(v).hasMatch())
            ctx.error(r, r.line, u"answer id must be '<question>/<value>' with a value of a-z, 0-9 and _"_s);
        else if (!ctx.questionKinds.contains(question))
            ctx.error(r, r.line, u"unknown question '"_s % question % u"'"_s);
        else if (ctx.questionKinds.value(question) != u"choice"_s)
            ctx.error(r, r.line, u"question '"_s % question % u"' takes a number and has no answers"_s);
    } else if (r.type == u"question"_s) {
        if (!value.match(r.id).hasMatch())
            ctx.error(r, r.line, u"question id must use a-z, 0-9 and _ only"_s);
    } else if (r.type == u"conflict"_s) {
        if (r.all(u"when").size() < 2)
            ctx.error(r, r.line, u"conflict '"_s % r.id % u"' needs at least two 'when' conditions"_s);
    }
}

// DESIGN.md §4 fixes the wizard's question ids and values: once a decision tree is present it must
// define every one of them (more may be added).
void checkDecisionContract(const Context &ctx, const QList<SourceRecord> &records, QList<Diagnostic> *errors)
{
    if (ctx.questionKinds.isEmpty())
        return;
    static const QList<std::pair<QString, QStringList>> contract = {
        {u"cloud"_s, {u"aws"_s, u"azure"_s, u"gcp"_s, u"any"_s}},
        {u"model_family"_s,
         {u"openai"_s, u"anthropic"_s, u"google"_s, u"open_weights"_s, u"custom_weights"_s, u"any"_s}},
        {u"ops_maturity"_s, {u"none"_s, u"containers"_s, u"kubernetes"_s}},
        {u"monthly_tokens_millions"_s, {}},
        {u"traffic_pattern"_s, {u"steady"_s, u"spiky"_s, u"batch"_s}},
        {u"data_control"_s, {u"provider_ok"_s, u"region_pinned"_s, u"own_network"_s}},
        {u"compliance"_s, {u"none"_s, u"hipaa"_s, u"fedramp"_s, u"air_gapped"_s}},
        {u"latency"_s, {u"interactive"_s, u"relaxed"_s}},
        {u"time_to_production"_s, {u"days"_s, u"weeks"_s, u"months"_s}},
        {u"budget_usd_per_month"_s, {}},
    };
    QString file = u"data/kb/decision.kb"_s;
    for (const SourceRecord &r : records) {
        if (r.type == u"question"_s) {
            file = r.file;
            break;
        }
    }
    for (const auto &[question, values] : contract) {
        if (!ctx.questionKinds.contains(question)) {
            errors->append({file, 1, u"missing required question '"_s % question % u"'"_s});
            continue;
        }
        const QString kind = values.isEmpty() ? u"number"_s : u"choice"_s;
        if (ctx.questionKinds.value(question) != kind)
            errors->append({file, 1, u"question '"_s % question % u"' must be of kind "_s % kind});
        for (const QString &v : values) {
            if (!ctx.answerValues.value(question).contains(v))
                errors->append({file, 1, u"missing required answer '"_s % question % u'/' % v % u"'"_s});
        }
    }
}

QVariant numberOrNull(const SourceRecord &r, QStringView key)
{
    const SourceField *f = r.field(key);
    double v = 0;
    if (!f || !parseNumber(f->value, &v))
        return QVariant(QMetaType::fromType<double>());
    return v;
}

QVariant intOrNull(const SourceRecord &r, QStringView key)
{
    const SourceField *f = r.field(key);
    bool ok = false;
    const qlonglong v = f ? f->value.toLongLong(&ok) : 0;
    return ok ? QVariant(v) : QVariant(QMetaType::fromType<qlonglong>());
}

QVariant textOrNull(const SourceRecord &r, QStringView key)
{
    const SourceField *f = r.field(key);
    return f ? QVariant(f->value) : QVariant(QMetaType::fromType<QString>());
}

int countWords(const QString &markdown)
{
    static const QRegularExpression word(u"[A-Za-z0-9][\\w'.-]*"_s);
    int words = 0;
    bool inFence = false;
    const QStringList lines = markdown.split(u'\n');
    for (const QString &line : lines) {
        const QStringView trimmed = QStringView(line).trimmed();
        if (trimmed.startsWith(u"```") || trimmed.startsWith(u"~~~")) {
            inFence = !inFence;
            continue;
        }
        if (inFence)
            continue;
        auto it = word.globalMatch(line);
        while (it.hasNext()) {
            it.next();
            ++words;
        }
    }
    return words;
}

// Reading order: the navigation files first, as the seed lists them, then the chapters by folder.
int pageRank(const QString &path)
{
    static const QStringList first = {u"README.md"_s, u"LEARNING-PATH.md"_s, u"QUICK-REFERENCE.md"_s};
    const qsizetype i = first.indexOf(path);
    if (i >= 0)
        return int(i);
    if (path == u"GLOSSARY.md"_s)
        return 1000;
    return 10;
}

class Writer
{
public:
    explicit Writer(QSqlDatabase db) : m_db(std::move(db)) { }

    bool exec(const QString &sql)
    {
        QSqlQuery q(m_db);
        if (!q.exec(sql))
            return fail(q, sql);
        return true;
    }

    bool insert(const QString &table, const QStringList &columns, const QVariantList &values)
    {
        QStringList marks;
        for (qsizetype i = 0; i < columns.size(); ++i)
            marks.append(u"?"_s);
        const QString sql = u"INSERT INTO "_s % table % u" ("_s % columns.join(u", "_s) % u") VALUES ("_s
            % marks.join(u", "_s) % u")"_s;
        QSqlQuery q(m_db);
        if (!q.prepare(sql))
            return fail(q, sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec())
            return fail(q, sql);
        return true;
    }

    QString lastError;

private:
    bool fail(const QSqlQuery &q, const QString &sql)
    {
        lastError = q.lastError().text() % u" in: "_s % sql.left(120);
        return false;
    }
    QSqlDatabase m_db;
};

} // namespace

void KbCompiler::addKbSource(const QString &displayName, const QByteArray &utf8Text)
{
    m_kbSources.append({displayName, utf8Text});
}

void KbCompiler::addGuidePage(const QString &relativePath, const QByteArray &utf8Text)
{
    m_guidePages.append({relativePath, utf8Text});
}

void KbCompiler::addGuideAsset(const QString &relativePath, const QByteArray &data)
{
    m_guideAssets.append({relativePath, data});
}

QList<Diagnostic> KbCompiler::addSourceTree(const QString &kbDir, const QString &guideDir)
{
    QList<Diagnostic> errors;
    const auto read = [&](const QString &path, QByteArray *out) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            errors.append({path, 0, u"cannot read: "_s % f.errorString()});
            return false;
        }
        *out = f.readAll();
        return true;
    };
    QDir kb(kbDir);
    if (!kb.exists())
        errors.append({kbDir, 0, u"knowledge-base source folder does not exist"_s});
    const QStringList kbFiles = kb.entryList({u"*.kb"_s}, QDir::Files, QDir::Name);
    for (const QString &name : kbFiles) {
        QByteArray data;
        if (read(kb.filePath(name), &data))
            addKbSource(u"data/kb/"_s % name, data);
    }
    QDir guide(guideDir);
    if (!guideDir.isEmpty() && guide.exists()) {
        QStringList files;
        QDirIterator it(guideDir, {u"*.md"_s, u"*.svg"_s, u"*.png"_s}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(guide.relativeFilePath(it.next()));
        std::sort(files.begin(), files.end());
        for (const QString &rel : std::as_const(files)) {
            QByteArray data;
            if (!read(guide.filePath(rel), &data))
                continue;
            if (rel.endsWith(u".md"_s))
                addGuidePage(rel, data);
            else
                addGuideAsset(rel, data);
        }
    }
    return errors;
}

CompileResult KbCompiler::validate() const
{
    CompileResult result;
    QList<SourceRecord> records;
    for (const Input &in : m_kbSources) {
        SourceParseResult parsed = parseKbSource(in.name, in.data);
        result.errors.append(parsed.errors);
        records.append(parsed.records);
    }

    Context ctx;
    ctx.errors = &result.errors;
    QHash<QString, const SourceRecord *> firstById;
    for (const SourceRecord &r : std::as_const(records)) {
        if (!specFor(r.type)) {
            ctx.error(r, r.line, u"unknown record type '"_s % r.type % u"'"_s);
            continue;
        }
        const QString key = r.type % u' ' % r.id;
        if (const SourceRecord *first = firstById.value(key)) {
            ctx.error(r, r.line,
                      u"duplicate "_s % r.type % u" '"_s % r.id % u"' (first defined at "_s % first->file % u':'
                          % QString::number(first->line) % u")"_s);
            continue;
        }
        firstById.insert(key, &r);
        if (r.type == u"option"_s)
            ctx.optionIds.insert(r.id);
        else if (r.type == u"model"_s)
            ctx.modelIds.insert(r.id);
        else if (r.type == u"gpu"_s)
            ctx.gpuIds.insert(r.id);
        else if (r.type == u"question"_s)
            ctx.questionKinds.insert(r.id, r.value(u"kind"));
        else if (r.type == u"answer"_s)
            ctx.answerValues[r.id.section(u'/', 0, 0)].append(r.id.section(u'/', 1));
    }
    for (const QString &id : contractOptionIds()) {
        if (!ctx.optionIds.contains(id))
            result.errors.append({u"data/kb/options.kb"_s, 1, u"missing required option '"_s % id % u"'"_s});
    }
    for (const SourceRecord &r : std::as_const(records)) {
        const RecordSpec *spec = specFor(r.type);
        if (!spec)
            continue;
        checkRecord(ctx, r, *spec);
        checkIdReferences(ctx, r);
        checkDecisionRecord(ctx, r);
    }
    checkDecisionContract(ctx, records, &result.errors);

    QSet<QString> guidePaths;
    for (const Input &page : m_guidePages) {
        guidePaths.insert(page.name);
        if (guide::pageTitle(QString::fromUtf8(page.data)).isEmpty())
            result.errors.append({u"data/guide/"_s % page.name, 1, u"a guide page must start with a '# Title' line"_s});
    }
    // Guide links of options and use cases must name existing pages when the guide is part of the build.
    if (!m_guidePages.isEmpty()) {
        for (const SourceRecord &r : std::as_const(records)) {
            if (r.type != u"option"_s && r.type != u"usecase"_s)
                continue;
            const SourceField *g = r.field(u"guide");
            if (!g)
                continue;
            const QString page = g->value.section(u'#', 0, 0);
            if (!guidePaths.contains(page))
                ctx.error(r, g->line, u"'guide': no guide page '"_s % page % u"'"_s);
        }
        // Decision questions link to a section: the page and its anchor must both exist.
        for (const SourceRecord &r : std::as_const(records)) {
            const SourceField *g = r.type == u"question"_s ? r.field(u"guide") : nullptr;
            if (!g)
                continue;
            const QString page = g->value.section(u'#', 0, 0);
            const QString anchor = g->value.section(u'#', 1);
            const auto it = std::find_if(m_guidePages.cbegin(), m_guidePages.cend(),
                                         [&](const Input &in) { return in.name == page; });
            if (it == m_guidePages.cend()) {
                ctx.error(r, g->line, u"'guide': no guide page '"_s % page % u"'"_s);
                continue;
            }
            if (anchor.isEmpty())
                continue;
            const QList<guide::PageSection> sections = guide::splitSections(QString::fromUtf8(it->data));
            const bool found = std::any_of(sections.cbegin(), sections.cend(),
                                           [&](const guide::PageSection &s) { return s.anchor == anchor; });
            if (!found)
                ctx.error(r, g->line, u"'guide': no section '#"_s % anchor % u"' in '"_s % page % u"'"_s);
        }
    }

    QCryptographicHash hash(QCryptographicHash::Sha256);
    QList<const Input *> all;
    for (const QList<Input> *list : {&m_kbSources, &m_guidePages, &m_guideAssets}) {
        for (const Input &in : *list)
            all.append(&in);
    }
    std::sort(all.begin(), all.end(), [](const Input *a, const Input *b) { return a->name < b->name; });
    for (const Input *in : std::as_const(all)) {
        hash.addData(in->name.toUtf8());
        hash.addData(QByteArrayView("\0", 1));
        hash.addData(in->data);
        hash.addData(QByteArrayView("\0", 1));
    }
    result.contentHash = QString::fromLatin1(hash.result().toHex());

    std::sort(result.errors.begin(), result.errors.end(), [](const Diagnostic &a, const Diagnostic &b) {
        return std::tie(a.file, a.line, a.message) < std::tie(b.file, b.line, b.message);
    });
    return result;
}

CompileResult KbCompiler::compile(const QString &outputPath, const QString &appVersion) const
{
    CompileResult result = validate();
    if (!result.ok())
        return result;

    QList<SourceRecord> records;
    for (const Input &in : m_kbSources)
        records.append(parseKbSource(in.name, in.data).records);
    std::stable_sort(records.begin(), records.end(),
                     [](const SourceRecord &a, const SourceRecord &b) { return std::tie(a.type, a.id) < std::tie(b.type, b.id); });

    const QString tmpPath = outputPath % u".tmp"_s;
    QFile::remove(tmpPath);
    const QString connection = u"lda-kbc-"_s % QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = true;
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(tmpPath);
        if (!db.open()) {
            result.errors.append({outputPath, 0, u"cannot create: "_s % db.lastError().text()});
            QSqlDatabase::removeDatabase(connection);
            return result;
        }
        Writer w(db);
        ok = w.exec(u"PRAGMA journal_mode=OFF"_s) && w.exec(u"PRAGMA page_size=4096"_s)
            && w.exec(u"BEGIN"_s);
        for (const QString &ddl : knowledgeSchemaStatements()) {
            if (ok)
                ok = w.exec(ddl);
        }

        QString pricesAsOf;
        QString gpusAsOf;
        for (const SourceRecord &r : std::as_const(records)) {
            if (!ok)
                break;
            result.counts[r.type] += 1;
            const auto t = [&](QStringView k) { return r.value(k); };
            if (r.type == u"option"_s) {
                ok = w.insert(u"options"_s,
                              {u"id"_s, u"provider"_s, u"name"_s, u"category"_s, u"summary"_s, u"setup_time"_s,
                               u"ops_burden"_s, u"scaling_model"_s, u"gpu_support"_s, u"scale_to_zero"_s,
                               u"pricing_model"_s, u"guide"_s, u"sort_order"_s, u"note"_s, u"short_name"_s},
                              {r.id, t(u"provider"), t(u"name"), t(u"category"), t(u"summary"), t(u"setup_time"),
                               t(u"ops_burden"), t(u"scaling_model"), t(u"gpu_support"), t(u"scale_to_zero"),
                               t(u"pricing_model"), t(u"guide"), intOrNull(r, u"order"), textOrNull(r, u"note"),
                               r.field(u"short_name") ? t(u"short_name") : t(u"name")});
                for (const QString &kind : {u"strength"_s, u"weakness"_s, u"compliance"_s}) {
                    int position = 0;
                    for (const SourceField *f : r.all(kind)) {
                        if (ok)
                            ok = w.insert(u"option_items"_s, {u"option_id"_s, u"kind"_s, u"position"_s, u"text"_s},
                                          {r.id, kind, position++, f->value});
                    }
                }
            } else if (r.type == u"criterion"_s) {
                ok = w.insert(u"criteria"_s,
                              {u"id"_s, u"name"_s, u"category"_s, u"description"_s, u"better"_s, u"sort_order"_s},
                              {r.id, t(u"name"), t(u"category"), t(u"description"),
                               r.field(u"better") ? t(u"better") : u"none"_s, intOrNull(r, u"order")});
                for (const SourceField &f : r.fields) {
                    if (ok && f.key.startsWith(u"value."_s))
                        ok = w.insert(u"criterion_values"_s, {u"criterion_id"_s, u"option_id"_s, u"value"_s},
                                      {r.id, f.key.mid(6), f.value});
                }
            } else if (r.type == u"model"_s) {
                ok = w.insert(u"models"_s,
                              {u"id"_s, u"name"_s, u"vendor"_s, u"family"_s, u"open_weights"_s, u"params_b"_s,
                               u"size_class"_s, u"context_window"_s, u"max_output"_s, u"lifecycle"_s,
                               u"lifecycle_date"_s, u"released"_s, u"note"_s},
                              {r.id, t(u"name"), t(u"vendor"), t(u"family"), t(u"open_weights") == u"yes"_s ? 1 : 0,
                               numberOrNull(r, u"params_b"), t(u"size_class"), intOrNull(r, u"context_window"),
                               intOrNull(r, u"max_output"), t(u"lifecycle"), textOrNull(r, u"lifecycle_date"),
                               textOrNull(r, u"released"), textOrNull(r, u"note")});
                for (const SourceField *f : r.all(u"available")) {
                    const qsizetype space = f->value.indexOf(u' ');
                    if (ok)
                        ok = w.insert(u"model_availability"_s, {u"model_id"_s, u"option_id"_s, u"provider_model_id"_s},
                                      {r.id, f->value.left(space), f->value.mid(space + 1).trimmed()});
                }
            } else if (r.type == u"price"_s) {
                const QStringList parts = r.id.split(u'/');
                pricesAsOf = std::max(pricesAsOf, t(u"as_of"));
                ok = w.insert(u"prices"_s,
                              {u"option_id"_s, u"model_id"_s, u"input_per_mtok"_s, u"output_per_mtok"_s,
                               u"cached_input_per_mtok"_s, u"cache_write_per_mtok"_s, u"batch_discount"_s,
                               u"regional_premium"_s, u"tier_threshold"_s, u"tier_input_per_mtok"_s,
                               u"tier_output_per_mtok"_s, u"as_of"_s, u"source"_s, u"confidence"_s, u"note"_s},
                              {parts[0], parts[1], numberOrNull(r, u"input"), numberOrNull(r, u"output"),
                               numberOrNull(r, u"cached_input"), numberOrNull(r, u"cache_write"),
                               numberOrNull(r, u"batch_discount"), numberOrNull(r, u"regional_premium"),
                               intOrNull(r, u"tier_threshold"), numberOrNull(r, u"tier_input"),
                               numberOrNull(r, u"tier_output"), t(u"as_of"), t(u"source"), t(u"confidence"),
                               textOrNull(r, u"note")});
            } else if (r.type == u"provisioned"_s) {
                const QString head = r.id.section(u'@', 0, 0);
                const QString model = head.section(u'/', 1, 1);
                ok = w.insert(u"provisioned_rates"_s,
                              {u"id"_s, u"option_id"_s, u"model_id"_s, u"variant"_s, u"unit"_s, u"usd_per_unit_hour"_s,
                               u"term"_s, u"min_units"_s, u"step_units"_s, u"input_tpm_per_unit"_s,
                               u"output_weight"_s, u"as_of"_s, u"source"_s, u"confidence"_s, u"note"_s},
                              {r.id, head.section(u'/', 0, 0),
                               model == u"*"_s ? QVariant(QMetaType::fromType<QString>()) : QVariant(model),
                               r.id.section(u'@', 1), t(u"unit"), numberOrNull(r, u"usd_per_unit_hour"), t(u"term"),
                               intOrNull(r, u"min_units"), intOrNull(r, u"step_units"),
                               numberOrNull(r, u"input_tpm_per_unit"), numberOrNull(r, u"output_weight"),
                               t(u"as_of"), t(u"source"), t(u"confidence"), textOrNull(r, u"note")});
            } else if (r.type == u"gpu"_s) {
                gpusAsOf = std::max(gpusAsOf, t(u"as_of"));
                ok = w.insert(u"gpu_instances"_s,
                              {u"id"_s, u"name"_s, u"provider"_s, u"region"_s, u"gpu_model"_s, u"gpu_count"_s,
                               u"gpu_memory_gb"_s, u"vcpus"_s, u"memory_gb"_s, u"on_demand_hour"_s, u"spot_hour"_s,
                               u"ri_1y_hour"_s, u"ri_3y_hour"_s, u"as_of"_s, u"source"_s, u"confidence"_s, u"note"_s},
                              {r.id, r.field(u"name") ? t(u"name") : r.id, t(u"provider"), t(u"region"),
                               t(u"gpu_model"), intOrNull(r, u"gpu_count"), numberOrNull(r, u"gpu_memory_gb"),
                               intOrNull(r, u"vcpus"), numberOrNull(r, u"memory_gb"), numberOrNull(r, u"on_demand"),
                               numberOrNull(r, u"spot"), numberOrNull(r, u"ri_1y"), numberOrNull(r, u"ri_3y"),
                               t(u"as_of"), t(u"source"), t(u"confidence"), textOrNull(r, u"note")});
                const QStringList options = t(u"options").split(u',', Qt::SkipEmptyParts);
                for (const QString &o : options) {
                    if (ok)
                        ok = w.insert(u"gpu_instance_options"_s, {u"instance_id"_s, u"option_id"_s}, {r.id, o.trimmed()});
                }
            } else if (r.type == u"throughput"_s) {
                ok = w.insert(u"throughput"_s,
                              {u"id"_s, u"size_class"_s, u"gpu_model"_s, u"gpu_count"_s, u"tokens_per_second"_s,
                               u"low"_s, u"high"_s, u"basis"_s, u"source"_s, u"note"_s},
                              {r.id, t(u"size_class"), t(u"gpu_model"), intOrNull(r, u"gpu_count"),
                               numberOrNull(r, u"tokens_per_second"), numberOrNull(r, u"low"), numberOrNull(r, u"high"),
                               t(u"basis"), textOrNull(r, u"source"), textOrNull(r, u"note")});
            } else if (r.type == u"usecase"_s) {
                // The use case is stored as a workload file (DESIGN.md §4) so the cost engine reads it as-is.
                QJsonObject workload;
                workload.insert(u"name"_s, t(u"name"));
                workload.insert(u"model"_s, t(u"model"));
                for (const QString &k : {u"requests_per_day"_s, u"input_tokens_per_request"_s,
                                         u"output_tokens_per_request"_s, u"days_per_month"_s,
                                         u"peak_requests_per_second"_s, u"cache_hit_rate"_s, u"batch_share"_s,
                                         u"budget_usd_per_month"_s}) {
                    const QVariant v = numberOrNull(r, k);
                    if (!v.isNull())
                        workload.insert(k, v.toDouble());
                }
                if (r.field(u"region"))
                    workload.insert(u"region"_s, t(u"region"));
                if (r.field(u"instance")) {
                    QJsonObject selfHosted;
                    selfHosted.insert(u"instance"_s, t(u"instance"));
                    selfHosted.insert(u"count"_s, intOrNull(r, u"instance_count").isNull()
                                          ? 1.0 : intOrNull(r, u"instance_count").toDouble());
                    selfHosted.insert(u"hours_per_day"_s, numberOrNull(r, u"hours_per_day").isNull()
                                          ? 24.0 : numberOrNull(r, u"hours_per_day").toDouble());
                    selfHosted.insert(u"pricing"_s, r.field(u"pricing") ? t(u"pricing") : u"on-demand"_s);
                    workload.insert(u"self_hosted"_s, selfHosted);
                }
                QJsonObject overheads;
                for (const SourceField &f : r.fields) {
                    if (f.key.startsWith(u"overhead."_s))
                        overheads.insert(f.key.mid(9), f.value.toDouble());
                }
                if (!overheads.isEmpty())
                    workload.insert(u"overheads"_s, overheads);
                ok = w.insert(u"use_cases"_s,
                              {u"id"_s, u"name"_s, u"summary"_s, u"option_id"_s, u"model_id"_s, u"workload_json"_s,
                               u"guide"_s, u"note"_s, u"sort_order"_s},
                              {r.id, t(u"name"), t(u"summary"), t(u"option"), t(u"model"),
                               QString::fromUtf8(QJsonDocument(workload).toJson(QJsonDocument::Compact)), t(u"guide"),
                               textOrNull(r, u"note"), r.line});
            } else if (r.type == u"question"_s) {
                ok = w.insert(u"decision_questions"_s,
                              {u"id"_s, u"kind"_s, u"sort_order"_s, u"name"_s, u"text"_s, u"help"_s, u"guide"_s,
                               u"unit"_s},
                              {r.id, t(u"kind"), intOrNull(r, u"order"), t(u"name"), t(u"text"), t(u"help"),
                               t(u"guide"), textOrNull(r, u"unit")});
            } else if (r.type == u"answer"_s) {
                ok = w.insert(u"decision_answers"_s,
                              {u"question_id"_s, u"value"_s, u"label"_s, u"help"_s, u"sort_order"_s},
                              {r.id.section(u'/', 0, 0), r.id.section(u'/', 1), t(u"label"), textOrNull(r, u"help"),
                               intOrNull(r, u"order")});
            } else if (r.type == u"rule"_s || r.type == u"conflict"_s) {
                if (r.type == u"rule"_s) {
                    const bool exclude = t(u"weight") == u"exclude"_s;
                    ok = w.insert(u"decision_rules"_s,
                                  {u"id"_s, u"weight"_s, u"exclude"_s, u"reason"_s, u"sort_order"_s},
                                  {r.id, exclude ? 0.0 : t(u"weight").toDouble(), exclude ? 1 : 0, t(u"reason"),
                                   r.line});
                    const QStringList options = t(u"options").split(u',', Qt::SkipEmptyParts);
                    for (const QString &o : options) {
                        if (ok)
                            ok = w.insert(u"decision_rule_options"_s, {u"rule_id"_s, u"option_id"_s},
                                          {r.id, o.trimmed()});
                    }
                } else {
                    ok = w.insert(u"decision_conflicts"_s,
                                  {u"id"_s, u"explanation"_s, u"suggestion"_s, u"sort_order"_s},
                                  {r.id, t(u"explanation"), textOrNull(r, u"suggestion"), r.line});
                }
                int position = 0;
                for (const SourceField *f : r.all(u"when")) {
                    const DecisionCondition c = parseDecisionCondition(f->value);
                    if (ok)
                        ok = w.insert(u"decision_conditions"_s,
                                      {u"owner_type"_s, u"owner_id"_s, u"position"_s, u"question_id"_s, u"op"_s,
                                       u"value_list"_s, u"number"_s},
                                      {r.type, r.id, position++, c.question, c.op, c.values.join(u','), c.number});
                }
            }
        }

        // The guide: pages in reading order, their sections for search, the glossary.
        QList<const Input *> pages;
        for (const Input &p : m_guidePages)
            pages.append(&p);
        std::sort(pages.begin(), pages.end(), [](const Input *a, const Input *b) {
            return std::make_pair(pageRank(a->name), a->name) < std::make_pair(pageRank(b->name), b->name);
        });
        int order = 0;
        qlonglong sectionId = 0;
        for (const Input *page : std::as_const(pages)) {
            if (!ok)
                break;
            const QString markdown = QString::fromUtf8(page->data);
            const QString chapter = page->name.contains(u'/') ? page->name.section(u'/', 0, 0) : QString();
            ok = w.insert(u"guide_pages"_s,
                          {u"path"_s, u"title"_s, u"chapter"_s, u"sort_order"_s, u"markdown"_s, u"words"_s},
                          {page->name, guide::pageTitle(markdown), chapter, order++, markdown, countWords(markdown)});
            result.counts[u"guide_page"_s] += 1;
            int position = 0;
            const QList<guide::PageSection> sections = guide::splitSections(markdown);
            for (const guide::PageSection &s : sections) {
                if (!ok)
                    break;
                ok = w.insert(u"guide_sections"_s,
                              {u"id"_s, u"page"_s, u"anchor"_s, u"title"_s, u"level"_s, u"position"_s, u"body"_s},
                              {++sectionId, page->name, s.anchor, s.title, s.level, position++, s.body});
            }
            if (ok && page->name == u"GLOSSARY.md"_s) {
                const QList<guide::GlossaryEntry> entries = guide::parseGlossary(markdown);
                for (const guide::GlossaryEntry &e : entries) {
                    if (ok)
                        ok = w.insert(u"glossary"_s, {u"term"_s, u"anchor"_s, u"definition"_s, u"used_in"_s},
                                      {e.term, e.anchor, e.definition, e.usedIn});
                }
                result.counts[u"glossary_term"_s] = int(entries.size());
            }
        }
        for (const Input &asset : m_guideAssets) {
            if (!ok)
                break;
            const QString mime = asset.name.endsWith(u".svg"_s) ? u"image/svg+xml"_s : u"image/png"_s;
            ok = w.insert(u"guide_assets"_s, {u"path"_s, u"mime"_s, u"data"_s}, {asset.name, mime, asset.data});
        }
        if (ok)
            ok = w.exec(u"INSERT INTO guide_fts(guide_fts) VALUES('rebuild')"_s);

        const QList<std::pair<QString, QString>> meta = {
            {u"schema_version"_s, QString::number(KnowledgeSchemaVersion)},
            {u"content_hash"_s, result.contentHash},
            {u"app_version"_s, appVersion},
            {u"kb_version"_s, appVersion % u'+' % result.contentHash.left(8)},
            {u"prices_as_of"_s, pricesAsOf},
            {u"gpus_as_of"_s, gpusAsOf},
        };
        for (const auto &[key, value] : meta) {
            if (ok)
                ok = w.insert(u"meta"_s, {u"key"_s, u"value"_s}, {key, value});
        }
        if (ok)
            ok = w.exec(u"COMMIT"_s) && w.exec(u"VACUUM"_s);
        error = w.lastError;
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);

    if (!ok) {
        QFile::remove(tmpPath);
        result.errors.append({outputPath, 0, u"cannot write the knowledge base: "_s % error});
        return result;
    }
    QFile::remove(outputPath);
    if (!QFile::rename(tmpPath, outputPath)) {
        QFile::remove(tmpPath);
        result.errors.append({outputPath, 0, u"cannot move the knowledge base into place"_s});
    }
    return result;
}

} // namespace lda::core::kb
