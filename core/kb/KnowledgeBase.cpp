#include "KnowledgeBase.h"
#include "util/SqlValues.h"

#include "KnowledgeSchema.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>
#include <QVariant>

#include <atomic>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcKb, "lda.core.kb")

namespace lda::core::kb {

using util::optDouble;
using util::optInt;

namespace {

QSqlQuery run(const QSqlDatabase &db, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        qCWarning(lcKb) << "prepare failed:" << q.lastError().text() << sql;
        return q;
    }
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        qCWarning(lcKb) << "query failed:" << q.lastError().text() << sql;
    return q;
}

} // namespace

KnowledgeBase::~KnowledgeBase()
{
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString &name : names) {
        if (name.startsWith(m_connectionPrefix)) {
            QSqlDatabase::database(name, false).close();
            QSqlDatabase::removeDatabase(name);
        }
    }
}

std::unique_ptr<KnowledgeBase> KnowledgeBase::open(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = u"knowledge base not found: "_s % path;
        return nullptr;
    }
    if (!info.isReadable() || !info.isFile()) {
        *error = u"knowledge base is not a readable file: "_s % path;
        return nullptr;
    }
    std::unique_ptr<KnowledgeBase> kb(new KnowledgeBase);
    kb->m_path = info.absoluteFilePath();
    kb->m_connectionPrefix = u"lda-kb-"_s % QUuid::createUuid().toString(QUuid::WithoutBraces) % u'-';
    QSqlDatabase db = kb->database();
    if (!db.isOpen()) {
        *error = u"cannot open the knowledge base "_s % path % u": "_s % db.lastError().text();
        return nullptr;
    }
    QSqlQuery q(db);
    if (!q.exec(u"SELECT key, value FROM meta"_s)) {
        // Say what SQLite found: "file is not a database", "database disk image is malformed" (truncated)...
        *error = u"not a knowledge base, or a damaged one ("_s % q.lastError().databaseText() % u"): "_s % path;
        return nullptr;
    }
    QHash<QString, QString> meta;
    while (q.next())
        meta.insert(q.value(0).toString(), q.value(1).toString());
    kb->m_meta.schemaVersion = meta.value(u"schema_version"_s).toInt();
    kb->m_meta.kbVersion = meta.value(u"kb_version"_s);
    kb->m_meta.appVersion = meta.value(u"app_version"_s);
    kb->m_meta.contentHash = meta.value(u"content_hash"_s);
    kb->m_meta.pricesAsOf = meta.value(u"prices_as_of"_s);
    kb->m_meta.gpusAsOf = meta.value(u"gpus_as_of"_s);
    if (kb->m_meta.schemaVersion != KnowledgeSchemaVersion) {
        *error = u"knowledge base "_s % path % u" has schema version "_s % QString::number(kb->m_meta.schemaVersion)
            % u", this app reads version "_s % QString::number(KnowledgeSchemaVersion)
            % u" (reinstall the app or rebuild the knowledge base)"_s;
        return nullptr;
    }
    return kb;
}

QSqlDatabase KnowledgeBase::database() const
{
    // One connection per thread, named by a serial number that no later thread reuses (a thread id can
    // be reused once its thread ended, and the old thread's connection then refuses the new one).
    static std::atomic<quint64> threads{0};
    thread_local const quint64 thread = ++threads;
    const QString name = m_connectionPrefix % QString::number(thread, 16);
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db.setDatabaseName(m_path);
    db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
    db.open();
    return db;
}

QList<DeploymentOption> KnowledgeBase::options() const
{
    QList<DeploymentOption> result;
    const QSqlDatabase db = database();
    QSqlQuery q = run(db,
                      u"SELECT id, provider, name, category, summary, setup_time, ops_burden, scaling_model, gpu_support,"
                      " scale_to_zero, pricing_model, guide, note, sort_order, short_name FROM options ORDER BY sort_order, id"_s);
    while (q.next()) {
        DeploymentOption o;
        o.id = q.value(0).toString();
        o.provider = q.value(1).toString();
        o.name = q.value(2).toString();
        o.category = q.value(3).toString();
        o.summary = q.value(4).toString();
        o.setupTime = q.value(5).toString();
        o.opsBurden = q.value(6).toString();
        o.scalingModel = q.value(7).toString();
        o.gpuSupport = q.value(8).toString();
        o.scaleToZero = q.value(9).toString();
        o.pricingModel = q.value(10).toString();
        o.guide = q.value(11).toString();
        o.note = q.value(12).toString();
        o.order = q.value(13).toInt();
        o.shortName = q.value(14).toString();
        result.append(o);
    }
    QSqlQuery items = run(db, u"SELECT option_id, kind, text FROM option_items ORDER BY option_id, kind, position"_s);
    while (items.next()) {
        for (DeploymentOption &o : result) {
            if (o.id != items.value(0).toString())
                continue;
            const QString kind = items.value(1).toString();
            QStringList &list = kind == u"strength"_s ? o.strengths
                : kind == u"weakness"_s               ? o.weaknesses
                                                      : o.compliance;
            list.append(items.value(2).toString());
        }
    }
    return result;
}

std::optional<DeploymentOption> KnowledgeBase::option(const QString &id) const
{
    const QList<DeploymentOption> all = options();
    for (const DeploymentOption &o : all) {
        if (o.id == id)
            return o;
    }
    return std::nullopt;
}

QList<Model> KnowledgeBase::models() const
{
    QList<Model> result;
    QHash<QString, qsizetype> index;
    const QSqlDatabase db = database();
    QSqlQuery q = run(db,
                      u"SELECT id, name, vendor, family, open_weights, params_b, size_class, context_window, max_output,"
                      " lifecycle, lifecycle_date, released, note FROM models ORDER BY vendor, name"_s);
    while (q.next()) {
        Model m;
        m.id = q.value(0).toString();
        m.name = q.value(1).toString();
        m.vendor = q.value(2).toString();
        m.family = q.value(3).toString();
        m.openWeights = q.value(4).toBool();
        m.paramsB = optDouble(q.value(5));
        m.sizeClass = q.value(6).toString();
        m.contextWindow = q.value(7).toLongLong();
        if (!q.value(8).isNull())
            m.maxOutput = q.value(8).toLongLong();
        m.lifecycle = q.value(9).toString();
        m.lifecycleDate = q.value(10).toString();
        m.released = q.value(11).toString();
        m.note = q.value(12).toString();
        index.insert(m.id, result.size());
        result.append(m);
    }
    QSqlQuery a = run(db, u"SELECT model_id, option_id, provider_model_id FROM model_availability"
                          " ORDER BY model_id, option_id"_s);
    while (a.next()) {
        const auto it = index.constFind(a.value(0).toString());
        if (it != index.cend())
            result[*it].availability.append({a.value(1).toString(), a.value(2).toString()});
    }
    return result;
}

std::optional<Model> KnowledgeBase::model(const QString &id) const
{
    const QList<Model> all = models();
    for (const Model &m : all) {
        if (m.id == id)
            return m;
    }
    return std::nullopt;
}

QList<Criterion> KnowledgeBase::criteria() const
{
    QList<Criterion> result;
    QHash<QString, qsizetype> index;
    const QSqlDatabase db = database();
    QSqlQuery q = run(db, u"SELECT id, name, category, description, better, sort_order FROM criteria"
                          " ORDER BY sort_order, id"_s);
    while (q.next()) {
        Criterion c;
        c.id = q.value(0).toString();
        c.name = q.value(1).toString();
        c.category = q.value(2).toString();
        c.description = q.value(3).toString();
        c.better = q.value(4).toString();
        c.order = q.value(5).toInt();
        index.insert(c.id, result.size());
        result.append(c);
    }
    QSqlQuery v = run(db, u"SELECT criterion_id, option_id, value FROM criterion_values"_s);
    while (v.next()) {
        const auto it = index.constFind(v.value(0).toString());
        if (it != index.cend())
            result[*it].values.insert(v.value(1).toString(), v.value(2).toString());
    }
    return result;
}

QList<GpuInstance> KnowledgeBase::gpuInstances() const
{
    QList<GpuInstance> result;
    QHash<QString, qsizetype> index;
    const QSqlDatabase db = database();
    QSqlQuery q = run(db,
                      u"SELECT id, name, provider, region, gpu_model, gpu_count, gpu_memory_gb, vcpus, memory_gb,"
                      " on_demand_hour, spot_hour, ri_1y_hour, ri_3y_hour, as_of, source, confidence, note"
                      " FROM gpu_instances ORDER BY provider, on_demand_hour"_s);
    while (q.next()) {
        GpuInstance g;
        g.id = q.value(0).toString();
        g.name = q.value(1).toString();
        g.provider = q.value(2).toString();
        g.region = q.value(3).toString();
        g.gpuModel = q.value(4).toString();
        g.gpuCount = q.value(5).toInt();
        g.gpuMemoryGb = q.value(6).toDouble();
        g.vcpus = optInt(q.value(7));
        g.memoryGb = optDouble(q.value(8));
        g.onDemandHour = q.value(9).toDouble();
        g.spotHour = optDouble(q.value(10));
        g.ri1yHour = optDouble(q.value(11));
        g.ri3yHour = optDouble(q.value(12));
        g.asOf = q.value(13).toString();
        g.source = q.value(14).toString();
        g.confidence = q.value(15).toString();
        g.note = q.value(16).toString();
        index.insert(g.id, result.size());
        result.append(g);
    }
    QSqlQuery o = run(db, u"SELECT instance_id, option_id FROM gpu_instance_options ORDER BY option_id"_s);
    while (o.next()) {
        const auto it = index.constFind(o.value(0).toString());
        if (it != index.cend())
            result[*it].options.append(o.value(1).toString());
    }
    return result;
}

std::optional<GpuInstance> KnowledgeBase::gpuInstance(const QString &id) const
{
    const QList<GpuInstance> all = gpuInstances();
    for (const GpuInstance &g : all) {
        if (g.id == id)
            return g;
    }
    return std::nullopt;
}

QList<ThroughputRow> KnowledgeBase::throughput() const
{
    QList<ThroughputRow> result;
    QSqlQuery q = run(database(), u"SELECT id, size_class, gpu_model, gpu_count, tokens_per_second, low, high, basis,"
                                  " source FROM throughput ORDER BY size_class, tokens_per_second"_s);
    while (q.next()) {
        result.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toInt(),
                       q.value(4).toDouble(), q.value(5).toDouble(), q.value(6).toDouble(), q.value(7).toString(),
                       q.value(8).toString()});
    }
    return result;
}

QList<UseCase> KnowledgeBase::useCases() const
{
    QList<UseCase> result;
    QSqlQuery q = run(database(), u"SELECT id, name, summary, option_id, model_id, workload_json, guide, note"
                                  " FROM use_cases ORDER BY sort_order"_s);
    while (q.next()) {
        result.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                       q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toString()});
    }
    return result;
}

QList<GuidePageInfo> KnowledgeBase::guidePages() const
{
    QList<GuidePageInfo> result;
    QSqlQuery q = run(database(), u"SELECT path, title, chapter, sort_order, words FROM guide_pages ORDER BY sort_order"_s);
    while (q.next()) {
        result.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toInt(),
                       q.value(4).toInt()});
    }
    return result;
}

QString KnowledgeBase::guidePageMarkdown(const QString &path) const
{
    QSqlQuery q = run(database(), u"SELECT markdown FROM guide_pages WHERE path = ?"_s, {path});
    return q.next() ? q.value(0).toString() : QString();
}

QString KnowledgeBase::guideTargetTitle(const QString &target) const
{
    const QString page = target.section(u'#', 0, 0);
    const QString anchor = target.section(u'#', 1);
    QSqlQuery p = run(database(), u"SELECT title FROM guide_pages WHERE path = ?"_s, {page});
    if (!p.next())
        return target;
    const QString pageTitle = p.value(0).toString();
    if (anchor.isEmpty())
        return pageTitle;
    QSqlQuery s = run(database(), u"SELECT title FROM guide_sections WHERE page = ? AND anchor = ?"_s, {page, anchor});
    return s.next() ? pageTitle % u" › "_s % s.value(0).toString() : target;
}

QStringList KnowledgeBase::integrityProblems() const
{
    QStringList problems;
    const QSqlDatabase db = database();
    QSqlQuery check = run(db, u"PRAGMA quick_check"_s);
    if (!check.next() || check.value(0).toString() != u"ok"_s)
        problems.append(u"SQLite quick_check failed: "_s % check.value(0).toString());
    const QList<std::pair<QString, int>> minimums = {
        {u"options"_s, 9}, {u"models"_s, 40}, {u"prices"_s, 40}, {u"gpu_instances"_s, 25},
        {u"use_cases"_s, 4}, {u"criteria"_s, 15},
    };
    for (const auto &[table, minimum] : minimums) {
        QSqlQuery q = run(db, u"SELECT count(*) FROM "_s % table);
        const int n = q.next() ? q.value(0).toInt() : 0;
        if (n < minimum)
            problems.append(table % u": "_s % QString::number(n) % u" rows, expected at least "_s
                            % QString::number(minimum));
    }
    QSqlQuery undated = run(db, u"SELECT count(*) FROM prices WHERE as_of = '' OR source = ''"_s);
    if (undated.next() && undated.value(0).toInt() > 0)
        problems.append(u"prices without source or as-of date: "_s % undated.value(0).toString());
    return problems;
}

} // namespace lda::core::kb
