#include "Workload.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace lda::core::scenario {

namespace {

// Reads one object with a fixed key set; every problem is recorded with its dotted key.
class Reader
{
public:
    Reader(const QJsonObject &object, QString prefix, QString file, QList<WorkloadError> *errors)
        : m_object(object)
        , m_prefix(std::move(prefix))
        , m_file(std::move(file))
        , m_errors(errors)
    {
    }

    void fail(const QString &key, const QString &message)
    {
        m_errors->append({m_file, m_prefix % key, message});
    }

    void rejectUnknown(const QStringList &known)
    {
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (!known.contains(it.key()))
                fail(it.key(), u"unknown key"_s);
        }
    }

    // A finite number in [min, max]; nullopt when absent (or reported when required).
    std::optional<double> number(const QString &key, double min, double max, bool required = false)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(key, u"is required"_s);
            return std::nullopt;
        }
        if (!v.isDouble()) {
            fail(key, u"must be a number"_s);
            return std::nullopt;
        }
        const double d = v.toDouble();
        if (!std::isfinite(d)) {
            fail(key, u"must be a finite number"_s);
            return std::nullopt;
        }
        if (d < 0) {
            fail(key, u"must not be negative"_s);
            return std::nullopt;
        }
        if (d < min || d > max) {
            fail(key, u"must be between "_s % QString::number(min) % u" and "_s % QString::number(max));
            return std::nullopt;
        }
        return d;
    }

    std::optional<double> rate(const QString &key)
    {
        const std::optional<double> v = number(key, 0, 1e300);
        if (v && *v > 1) {
            fail(key, u"must be a rate between 0 and 1"_s);
            return std::nullopt;
        }
        return v;
    }

    QString text(const QString &key, const QStringList &allowed = {})
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isString()) {
            fail(key, u"must be a string"_s);
            return {};
        }
        const QString s = v.toString().trimmed();
        if (!allowed.isEmpty() && !allowed.contains(s)) {
            fail(key, u"must be one of "_s % allowed.join(u'|'));
            return {};
        }
        return s;
    }

    std::optional<QJsonObject> object(const QString &key)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isObject()) {
            fail(key, u"must be an object"_s);
            return std::nullopt;
        }
        return v.toObject();
    }

private:
    QJsonObject m_object;
    QString m_prefix;
    QString m_file;
    QList<WorkloadError> *m_errors;
};

QString fileLabel(const QString &file)
{
    return file.isEmpty() ? u"workload"_s : file;
}

} // namespace

QString WorkloadError::toString() const
{
    QString s = fileLabel(file);
    if (!field.isEmpty())
        s += u": "_s % field;
    return s % u": "_s % message;
}

const QStringList &workloadKeys()
{
    static const QStringList keys = {u"name"_s, u"model"_s, u"requests_per_day"_s, u"input_tokens_per_request"_s,
                                     u"output_tokens_per_request"_s, u"days_per_month"_s,
                                     u"peak_requests_per_second"_s, u"cache_hit_rate"_s, u"batch_share"_s,
                                     u"region"_s, u"budget_usd_per_month"_s, u"self_hosted"_s, u"overheads"_s,
                                     u"deployment"_s, u"provisioned_term"_s, u"option"_s};
    return keys;
}

const QStringList &selfHostedPricings()
{
    static const QStringList values = {u"on-demand"_s, u"spot"_s, u"1y"_s, u"3y"_s};
    return values;
}

const QStringList &provisionedTerms()
{
    static const QStringList values = {u"hourly"_s, u"1-week"_s, u"1-month"_s, u"3-month"_s, u"1-year"_s};
    return values;
}

WorkloadResult workloadFromJson(const QByteArray &json, const QString &file)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Report the line of the offset so the message points into the file.
        const QByteArray before = json.left(parseError.offset);
        const int line = int(before.count('\n')) + 1;
        // Name the key whose value broke the parse (e.g. 1e999, which Qt refuses as a number).
        static const QRegularExpression lastKey(uR"re("([A-Za-z0-9_]+)"\s*:\s*[^,{}":]*$)re"_s);
        const QRegularExpressionMatch m = lastKey.match(QString::fromUtf8(before));
        return {std::nullopt,
                {{file, m.hasMatch() ? m.captured(1) : QString(),
                  u"line "_s % QString::number(line) % u": malformed JSON ("_s % parseError.errorString() % u')'}}};
    }
    if (!doc.isObject())
        return {std::nullopt, {{file, QString(), u"a workload must be a JSON object"_s}}};
    return workloadFromJsonObject(doc.object(), file);
}

WorkloadResult workloadFromJsonObject(const QJsonObject &object, const QString &file)
{
    WorkloadResult result;
    Reader r(object, QString(), file, &result.errors);
    r.rejectUnknown(workloadKeys());
    Workload w;
    w.name = r.text(u"name"_s);
    w.model = r.text(u"model"_s);
    w.region = r.text(u"region"_s);
    w.requestsPerDay = r.number(u"requests_per_day"_s, 0, MaxRequestsPerDay, true).value_or(0);
    w.inputTokensPerRequest = r.number(u"input_tokens_per_request"_s, 0, MaxTokensPerRequest, true).value_or(0);
    w.outputTokensPerRequest = r.number(u"output_tokens_per_request"_s, 0, MaxTokensPerRequest, true).value_or(0);
    w.daysPerMonth = r.number(u"days_per_month"_s, 1, 31).value_or(30);
    w.peakRequestsPerSecond = r.number(u"peak_requests_per_second"_s, 0, MaxRequestsPerDay);
    w.cacheHitRate = r.rate(u"cache_hit_rate"_s).value_or(0);
    w.batchShare = r.rate(u"batch_share"_s).value_or(0);
    w.budgetUsdPerMonth = r.number(u"budget_usd_per_month"_s, 0, MaxUsdPerMonth);
    const QString deployment = r.text(u"deployment"_s, {u"global"_s, u"regional"_s});
    if (!deployment.isEmpty())
        w.deployment = deployment;
    w.provisionedTerm = r.text(u"provisioned_term"_s, provisionedTerms());
    w.option = r.text(u"option"_s);

    if (const std::optional<QJsonObject> sh = r.object(u"self_hosted"_s)) {
        Reader s(*sh, u"self_hosted."_s, file, &result.errors);
        s.rejectUnknown({u"instance"_s, u"count"_s, u"hours_per_day"_s, u"pricing"_s, u"utilisation"_s, u"model"_s});
        SelfHosted self;
        self.instance = s.text(u"instance"_s);
        self.count = s.number(u"count"_s, 0, 100000);
        if (self.count && *self.count < 1) {
            s.fail(u"count"_s, u"must be at least 1"_s);
            self.count.reset();
        }
        if (self.count)
            self.count = std::ceil(*self.count);
        self.hoursPerDay = s.number(u"hours_per_day"_s, 0, 24).value_or(24);
        const QString pricing = s.text(u"pricing"_s, selfHostedPricings());
        if (!pricing.isEmpty())
            self.pricing = pricing;
        const std::optional<double> u = s.rate(u"utilisation"_s);
        if (u && *u <= 0)
            s.fail(u"utilisation"_s, u"must be above 0"_s);
        else if (u)
            self.utilisation = *u;
        self.model = s.text(u"model"_s);
        w.selfHosted = self;
    }
    if (const std::optional<QJsonObject> oh = r.object(u"overheads"_s)) {
        Reader o(*oh, u"overheads."_s, file, &result.errors);
        o.rejectUnknown({u"storage"_s, u"networking"_s, u"monitoring"_s, u"other"_s});
        w.overheads.storage = o.number(u"storage"_s, 0, MaxUsdPerMonth).value_or(0);
        w.overheads.networking = o.number(u"networking"_s, 0, MaxUsdPerMonth).value_or(0);
        w.overheads.monitoring = o.number(u"monitoring"_s, 0, MaxUsdPerMonth).value_or(0);
        w.overheads.other = o.number(u"other"_s, 0, MaxUsdPerMonth).value_or(0);
    }
    if (result.errors.isEmpty())
        result.workload = w;
    return result;
}

QList<WorkloadError> validateWorkload(const Workload &workload)
{
    // The reader is the one place with the rules: round-trip through it.
    return workloadFromJsonObject(workloadToJson(workload)).errors;
}

QJsonObject workloadToJson(const Workload &w)
{
    QJsonObject o;
    if (!w.name.isEmpty())
        o.insert(u"name"_s, w.name);
    if (!w.model.isEmpty())
        o.insert(u"model"_s, w.model);
    o.insert(u"requests_per_day"_s, w.requestsPerDay);
    o.insert(u"input_tokens_per_request"_s, w.inputTokensPerRequest);
    o.insert(u"output_tokens_per_request"_s, w.outputTokensPerRequest);
    o.insert(u"days_per_month"_s, w.daysPerMonth);
    if (w.peakRequestsPerSecond)
        o.insert(u"peak_requests_per_second"_s, *w.peakRequestsPerSecond);
    o.insert(u"cache_hit_rate"_s, w.cacheHitRate);
    o.insert(u"batch_share"_s, w.batchShare);
    if (!w.region.isEmpty())
        o.insert(u"region"_s, w.region);
    if (w.budgetUsdPerMonth)
        o.insert(u"budget_usd_per_month"_s, *w.budgetUsdPerMonth);
    if (w.selfHosted) {
        QJsonObject s;
        if (!w.selfHosted->instance.isEmpty())
            s.insert(u"instance"_s, w.selfHosted->instance);
        if (w.selfHosted->count)
            s.insert(u"count"_s, *w.selfHosted->count);
        s.insert(u"hours_per_day"_s, w.selfHosted->hoursPerDay);
        s.insert(u"pricing"_s, w.selfHosted->pricing);
        s.insert(u"utilisation"_s, w.selfHosted->utilisation);
        if (!w.selfHosted->model.isEmpty())
            s.insert(u"model"_s, w.selfHosted->model);
        o.insert(u"self_hosted"_s, s);
    }
    if (w.overheads.total() > 0) {
        o.insert(u"overheads"_s, QJsonObject{{u"storage"_s, w.overheads.storage},
                                             {u"networking"_s, w.overheads.networking},
                                             {u"monitoring"_s, w.overheads.monitoring},
                                             {u"other"_s, w.overheads.other}});
    }
    if (w.deployment != u"global"_s)
        o.insert(u"deployment"_s, w.deployment);
    if (!w.provisionedTerm.isEmpty())
        o.insert(u"provisioned_term"_s, w.provisionedTerm);
    if (!w.option.isEmpty())
        o.insert(u"option"_s, w.option);
    return o;
}

} // namespace lda::core::scenario
