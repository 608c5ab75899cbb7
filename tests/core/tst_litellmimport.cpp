// The LiteLLM importer, price history, provenance and overrides, against the two real price files.
#include "kb/KnowledgeBase.h"
#include "kb/UserDatabase.h"
#include "pricing/LiteLlmImporter.h"
#include "pricing/PriceCatalogue.h"
#include "pricing/PriceExport.h"
#include "pricing/PriceSearch.h"
#include "pricing/PriceStore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace lda::core;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(LDA_TEST_DATA_DIR) % u"/litellm/"_s % name;
}

const QString kJanuary = u"model_prices_2026-01-23.json"_s;
const QString kJuly = u"model_prices_2026-07-24.json"_s;

// Row counts and a hash of every row of every table: what "user.db unchanged" means.
QByteArray contentHash(const kb::UserDatabase &db)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QSqlQuery tables(db.database());
    tables.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"_s);
    while (tables.next()) {
        const QString table = tables.value(0).toString();
        QSqlQuery q(db.database());
        q.exec(u"SELECT * FROM "_s % table % u" ORDER BY 1, 2"_s);
        int rows = 0;
        while (q.next()) {
            ++rows;
            for (int c = 0; c < q.record().count(); ++c)
                hash.addData(QByteArray(q.value(c).toString().toUtf8() + '\x1f'));
        }
        hash.addData((table % u'=' % QString::number(rows)).toUtf8());
    }
    return hash.result().toHex();
}

int count(const kb::UserDatabase &db, const QString &sql)
{
    QSqlQuery q(db.database());
    return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
}

struct Row
{
    QVariant input, output, regional, flag, option, model, tierInput, tierOutput, tierThreshold;
};

Row row(const kb::UserDatabase &db, const QString &key)
{
    QSqlQuery q(db.database());
    q.prepare(u"SELECT input_per_mtok, output_per_mtok, regional, flag, option_id, model_id, tier_input_per_mtok,"
              " tier_output_per_mtok, tier_threshold FROM imported_prices WHERE source_key = ?"
              " ORDER BY snapshot_id DESC"_s);
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return {};
    return {q.value(0), q.value(1), q.value(2), q.value(3), q.value(4), q.value(5), q.value(6), q.value(7), q.value(8)};
}

} // namespace

class TestLiteLlmImport : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<kb::KnowledgeBase> m_kb;
    QTemporaryDir m_dir;

    std::unique_ptr<kb::UserDatabase> freshDb(const QString &name)
    {
        QString error;
        auto db = kb::UserDatabase::open(m_dir.filePath(name), &error);
        if (!db)
            qWarning("%s", qPrintable(error));
        return db;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QString error;
        m_kb = kb::KnowledgeBase::open(QStringLiteral(LDA_TEST_KB), &error);
        QVERIFY2(m_kb, qPrintable(error));
    }

    void importLiteLlm_spotChecksFromTheReadme()
    {
        auto db = freshDb(u"spot.db"_s);
        QVERIFY(db);
        pricing::LiteLlmImporter importer(*m_kb, *db);
        const pricing::ImportSummary s = importer.importFile(fixture(kJuly));
        QVERIFY2(s.ok, qPrintable(s.error));
        QCOMPARE(s.entries, 2982);
        QCOMPARE(s.asOf, u"2026-07-24"_s); // from the file's last_updated
        QCOMPARE(s.entries, s.mapped + s.unmapped);
        QVERIFY(s.mapped >= 150);
        QVERIFY(s.flagged >= 15);

        Row r = row(*db, u"anthropic.claude-sonnet-4-5-20250929-v1:0"_s);
        QCOMPARE(r.input.toDouble(), 3.0);
        QCOMPARE(r.output.toDouble(), 15.0);
        QCOMPARE(r.option.toString(), u"aws-bedrock"_s);
        QCOMPARE(r.model.toString(), u"claude-sonnet-4-5"_s);
        QCOMPARE(r.regional.toInt(), 0);

        r = row(*db, u"us.anthropic.claude-sonnet-4-5-20250929-v1:0"_s);
        QCOMPARE(r.input.toDouble(), 3.3);
        QCOMPARE(r.output.toDouble(), 16.5);
        QCOMPARE(r.model.toString(), u"claude-sonnet-4-5"_s);
        QCOMPARE(r.regional.toInt(), 1);

        r = row(*db, u"azure/gpt-4o"_s);
        QCOMPARE(r.input.toDouble(), 2.5);
        QCOMPARE(r.output.toDouble(), 10.0);

        r = row(*db, u"azure/eu/gpt-4o-2024-08-06"_s);
        QCOMPARE(r.input.toDouble(), 2.75);
        QCOMPARE(r.output.toDouble(), 11.0);
        QCOMPARE(r.regional.toInt(), 0); // not a KB model id: unmapped, so not marked
        QVERIFY(r.option.isNull());

        r = row(*db, u"azure/eu/gpt-4o-2024-11-20"_s);
        QCOMPARE(r.option.toString(), u"azure-openai"_s);
        QCOMPARE(r.regional.toInt(), 1); // data zone

        r = row(*db, u"gemini-2.5-pro"_s);
        QCOMPARE(r.input.toDouble(), 1.25);
        QCOMPARE(r.output.toDouble(), 10.0);
        QCOMPARE(r.tierThreshold.toLongLong(), 200000);
        QCOMPARE(r.tierInput.toDouble(), 2.5);
        QCOMPARE(r.tierOutput.toDouble(), 15.0);
        QCOMPARE(r.option.toString(), u"gcp-vertex-ai"_s); // by litellm_provider, not by key prefix

        r = row(*db, u"meta.llama3-3-70b-instruct-v1:0"_s);
        QCOMPARE(r.input.toDouble(), 0.72);
        QCOMPARE(r.output.toDouble(), 0.72);
    }

    void importLiteLlm_flagsImplausibleValuesAndStoresNull()
    {
        auto db = freshDb(u"flags.db"_s);
        pricing::LiteLlmImporter importer(*m_kb, *db);
        QVERIFY(importer.importFile(fixture(kJuly)).ok);
        const Row r = row(*db, u"wandb/openai/gpt-oss-120b"_s);
        QVERIFY(r.flag.toString().contains(u"implausible input_cost_per_token"_s));
        QVERIFY(r.input.isNull());
        QVERIFY(r.output.isNull());
        // An entry without token prices (an image model) keeps NULL, not 0.
        QCOMPARE(count(*db, u"SELECT COUNT(*) FROM imported_prices WHERE input_per_mtok IS NULL AND flag IS NULL"_s) > 100,
                 true);
        QCOMPARE(count(*db, u"SELECT COUNT(*) FROM imported_prices WHERE input_per_mtok > 1000 OR input_per_mtok < 0"_s),
                 0);
        // Unmapped entries stay visible as rows without an option.
        QVERIFY(count(*db, u"SELECT COUNT(*) FROM imported_prices WHERE option_id IS NULL"_s) > 2000);
    }

    void importLiteLlm_skipsSampleSpecAndNonModelKeys()
    {
        const pricing::LiteLlmFileRead read =
            pricing::readLiteLlmFile(fixture(kJuly), {}, pricing::ModelIndex::fromKnowledgeBase(*m_kb));
        QVERIFY(read.parse.ok);
        QVERIFY(read.parse.skippedKeys.contains(u"sample_spec"_s));
        QVERIFY(read.parse.skippedKeys.contains(u"fallback_generalizations"_s));
        QVERIFY(read.parse.skippedKeys.contains(u"last_updated"_s));
        for (const pricing::ImportedEntry &e : read.parse.entries)
            QVERIFY(e.key != u"sample_spec"_s && e.key != u"fallback_generalizations"_s && e.key != u"last_updated"_s);
        // Keys that differ only by case are both kept.
        int bge = 0;
        for (const pricing::ImportedEntry &e : read.parse.entries)
            bge += e.key.compare(u"together_ai/baai/bge-base-en-v1.5"_s, Qt::CaseInsensitive) == 0 ? 1 : 0;
        QCOMPARE(bge, 2);
    }

    void importLiteLlm_mapsByProviderNotPrefix_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("regional");
        QTest::newRow("bedrock plain") << u"anthropic.claude-sonnet-4-5-20250929-v1:0"_s << u"bedrock_converse"_s
                                       << u"aws-bedrock"_s << u"claude-sonnet-4-5"_s << false;
        QTest::newRow("bedrock geo") << u"eu.anthropic.claude-sonnet-4-5-20250929-v1:0"_s << u"bedrock_converse"_s
                                     << u"aws-bedrock"_s << u"claude-sonnet-4-5"_s << true;
        QTest::newRow("bedrock apac") << u"apac.amazon.nova-pro-v1:0"_s << u"bedrock_converse"_s << u"aws-bedrock"_s
                                      << u"nova-pro"_s << true;
        QTest::newRow("bedrock global") << u"global.anthropic.claude-sonnet-4-5-20250929-v1:0"_s << u"bedrock"_s
                                        << u"aws-bedrock"_s << u"claude-sonnet-4-5"_s << false;
        QTest::newRow("bedrock region") << u"bedrock/us-gov-west-1/anthropic.claude-3-7-sonnet-20250219-v1:0"_s
                                        << u"bedrock"_s << u"aws-bedrock"_s << u"claude-3-7-sonnet"_s << true;
        QTest::newRow("azure") << u"azure/gpt-4o-2024-11-20"_s << u"azure"_s << u"azure-openai"_s << u"gpt-4o"_s
                               << false;
        QTest::newRow("azure eu") << u"azure/eu/gpt-4o-2024-11-20"_s << u"azure"_s << u"azure-openai"_s
                                  << u"gpt-4o"_s << true;
        QTest::newRow("azure us") << u"azure/us/gpt-5-2025-08-07"_s << u"azure"_s << u"azure-openai"_s << u"gpt-5"_s
                                  << true;
        QTest::newRow("azure global") << u"azure/global/gpt-4o-2024-11-20"_s << u"azure"_s << u"azure-openai"_s
                                      << u"gpt-4o"_s << false;
        QTest::newRow("vertex no prefix") << u"gemini-2.5-flash"_s << u"vertex_ai-language-models"_s
                                          << u"gcp-vertex-ai"_s << u"gemini-2-5-flash"_s << false;
        QTest::newRow("azure ai case") << u"azure_ai/deepseek-r1"_s << u"azure_ai"_s << u"azure-openai"_s
                                       << u"deepseek-r1"_s << false;
        QTest::newRow("gemini api is not vertex") << u"gemini-2.5-flash"_s << u"gemini"_s << QString() << QString()
                                                  << false;
        QTest::newRow("other provider") << u"anthropic.claude-sonnet-4-5-20250929-v1:0"_s << u"openrouter"_s
                                        << QString() << QString() << false;
    }

    void importLiteLlm_mapsByProviderNotPrefix()
    {
        QFETCH(QString, key);
        QFETCH(QString, provider);
        QFETCH(QString, option);
        QFETCH(QString, model);
        QFETCH(bool, regional);
        const pricing::ModelIndex index = pricing::ModelIndex::fromKnowledgeBase(*m_kb);
        const pricing::KeyMapping m = pricing::mapLiteLlmKey(key, provider, index);
        QCOMPARE(m.optionId, option);
        QCOMPARE(m.modelId, model);
        QCOMPARE(m.regional, regional);
    }

    void importLiteLlm_isIdempotent()
    {
        auto db = freshDb(u"idem.db"_s);
        pricing::LiteLlmImporter importer(*m_kb, *db);
        const pricing::ImportSummary first = importer.importFile(fixture(kJuly));
        QVERIFY(first.ok);
        QVERIFY(!first.alreadyImported);
        const QByteArray before = contentHash(*db);
        const pricing::ImportSummary again = importer.importFile(fixture(kJuly));
        QVERIFY(again.ok);
        QVERIFY(again.alreadyImported);
        QCOMPARE(again.snapshotId, first.snapshotId);
        QCOMPARE(contentHash(*db), before);
        QCOMPARE(count(*db, u"SELECT COUNT(*) FROM price_snapshots"_s), 1);
    }

    void importLiteLlm_badFilesChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QFile july(fixture(kJuly));
        QVERIFY(july.open(QIODevice::ReadOnly));
        const QByteArray all = july.readAll();
        QTest::newRow("truncated") << all.left(all.size() / 2) << u"malformed JSON"_s;
        QTest::newRow("garbage") << QByteArray("\x89PNG\r\n\x1a\n garbage \x00\xff", 16) << u"malformed JSON"_s;
        QTest::newRow("empty") << QByteArray() << u"empty file"_s;
        QTest::newRow("array") << QByteArray("[1,2,3]") << u"top level"_s;
        QTest::newRow("string price")
            << QByteArray(R"({"gpt-x": {"litellm_provider": "azure", "input_cost_per_token": "cheap"}})")
            << u"key 'gpt-x': field 'input_cost_per_token'"_s;
        QTest::newRow("numeric provider") << QByteArray(R"({"m": {"litellm_provider": 7}})")
                                          << u"field 'litellm_provider'"_s;
        // A workload file given by mistake: no object names a provider (user.db would refuse the rows).
        QTest::newRow("no model entries")
            << QByteArray(R"({"name": "bot", "requests_per_day": 10, "self_hosted": {"instance": "g5.xlarge"}})")
            << u"no LiteLLM model entries"_s;
        QTest::newRow("empty object") << QByteArray("{}") << u"no LiteLLM model entries"_s;
    }

    void importLiteLlm_badFilesChangeNothing()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        auto db = freshDb(u"bad-"_s % QString::fromLatin1(QTest::currentDataTag()) % u".db"_s);
        pricing::LiteLlmImporter importer(*m_kb, *db);
        QVERIFY(importer.importFile(fixture(kJanuary), u"2026-01-23"_s).ok);
        const QByteArray before = contentHash(*db);
        const int rows = count(*db, u"SELECT COUNT(*) FROM imported_prices"_s);

        const QString path = m_dir.filePath(u"bad-"_s % QString::fromLatin1(QTest::currentDataTag()) % u".json"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        const pricing::ImportSummary s = importer.importFile(path);
        QVERIFY(!s.ok);
        QVERIFY2(s.error.contains(expected), qPrintable(s.error));
        QVERIFY2(s.error.contains(QFileInfo(path).fileName()) || s.error.contains(path), qPrintable(s.error));
        QVERIFY(!s.error.contains(u'\n'));
        QCOMPARE(count(*db, u"SELECT COUNT(*) FROM imported_prices"_s), rows);
        QCOMPARE(contentHash(*db), before);
    }

    void importLiteLlm_truncatedFileNamesLineAndColumn()
    {
        QFile july(fixture(kJuly));
        QVERIFY(july.open(QIODevice::ReadOnly));
        const pricing::LiteLlmParse p = pricing::parseLiteLlm(july.read(5000), u"x.json"_s, {});
        QVERIFY(!p.ok);
        QVERIFY2(QRegularExpression(u"^x\\.json:\\d+:\\d+: malformed JSON"_s).match(p.error).hasMatch(),
                 qPrintable(p.error));
    }

    void importLiteLlm_asOfIsValidatedAndDefaults()
    {
        const pricing::ModelIndex index = pricing::ModelIndex::fromKnowledgeBase(*m_kb);
        QVERIFY(!pricing::readLiteLlmFile(fixture(kJuly), u"2026-13-01"_s, index).parse.ok);
        QVERIFY(!pricing::readLiteLlmFile(fixture(kJuly), u"2026-02-30"_s, index).parse.ok);
        QVERIFY(!pricing::readLiteLlmFile(fixture(kJuly), u"yesterday"_s, index).parse.ok);
        QCOMPARE(pricing::readLiteLlmFile(fixture(kJuly), u"2026-07-01"_s, index).asOf, u"2026-07-01"_s);
        // No last_updated in January: the file's modification date.
        const QString copy = m_dir.filePath(u"jan.json"_s);
        QVERIFY(QFile::copy(fixture(kJanuary), copy));
        QFile f(copy);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.setFileTime(QDateTime(QDate(2026, 1, 23), QTime(12, 0), Qt::UTC),
                              QFileDevice::FileModificationTime));
        f.close();
        QCOMPARE(pricing::readLiteLlmFile(copy, {}, index).asOf, u"2026-01-23"_s);
    }

    void history_spansShippedAndBothSnapshotsOldestFirst()
    {
        auto db = freshDb(u"history.db"_s);
        pricing::LiteLlmImporter importer(*m_kb, *db);
        QVERIFY(importer.importFile(fixture(kJuly)).ok);
        QVERIFY(importer.importFile(fixture(kJanuary), u"2026-01-23"_s).ok); // imported out of order on purpose
        const pricing::PriceCatalogue catalogue(*m_kb, db.get());
        const QList<pricing::PricePoint> h = catalogue.history(u"claude-sonnet-4-5"_s, u"aws-bedrock"_s);
        QCOMPARE(h.size(), 3);
        QCOMPARE(h[0].asOf, u"2026-01-23"_s);
        QCOMPARE(h[0].origin, pricing::PriceOrigin::Import);
        QCOMPARE(*h[0].inputPerMTok, 3.0);
        QCOMPARE(h[1].origin, pricing::PriceOrigin::Shipped);
        QCOMPARE(h[2].asOf, u"2026-07-24"_s);
        QCOMPARE(h[2].origin, pricing::PriceOrigin::Import);
        QVERIFY(h[2].source.contains(kJuly));
        for (qsizetype i = 1; i < h.size(); ++i)
            QVERIFY(h[i - 1].asOf <= h[i].asOf);
        // Every option of the model when none is given.
        const QList<pricing::PricePoint> all = catalogue.history(u"claude-sonnet-4-5"_s);
        QVERIFY(all.size() > h.size());
        const QJsonObject json = pricing::historyToJson(h);
        QCOMPARE(json.value(u"history"_s).toArray().size(), 3);
        QVERIFY(json.value(u"history"_s).toArray().at(0).toObject().contains(u"input_per_mtok"_s));
        // The price in force on a date between the two snapshots is January's.
        const auto on = catalogue.priceOn(u"aws-bedrock"_s, u"claude-sonnet-4-5"_s, QDate(2026, 3, 1));
        QVERIFY(on);
        QCOMPARE(on->asOf, u"2026-01-23"_s);
    }

    void resolve_usesTheChosenSnapshotThenOverride()
    {
        auto db = freshDb(u"resolve.db"_s);
        pricing::LiteLlmImporter importer(*m_kb, *db);
        const pricing::ImportSummary jan = importer.importFile(fixture(kJanuary), u"2026-01-23"_s);
        const pricing::ImportSummary jul = importer.importFile(fixture(kJuly));
        QVERIFY(jan.ok && jul.ok);
        pricing::PriceCatalogue catalogue(*m_kb, db.get());
        const QString opt = u"aws-bedrock"_s;
        const QString model = u"claude-sonnet-4-5"_s;
        // Default: shipped, even with snapshots present.
        QCOMPARE(catalogue.resolved(opt, model)->origin, pricing::PriceOrigin::Shipped);

        pricing::PriceStore store(*db);
        QString error;
        QVERIFY(store.setSnapshotChoice(u"latest"_s, &error));
        QCOMPARE(*catalogue.chosenSnapshotId(), jul.snapshotId);
        auto p = catalogue.resolved(opt, model);
        QCOMPARE(p->origin, pricing::PriceOrigin::Import);
        QCOMPARE(p->asOf, u"2026-07-24"_s);
        QCOMPARE(p->inputPerMTok, 3.0); // the standard (non-regional) figure, not us. at 3.30
        QVERIFY(p->source.contains(kJuly));

        QVERIFY(store.setSnapshotChoice(QString::number(jan.snapshotId), &error));
        QCOMPARE(catalogue.resolved(opt, model)->asOf, u"2026-01-23"_s);
        QVERIFY(!store.setSnapshotChoice(u"999"_s, &error));
        QVERIFY(error.contains(u"999"_s));

        QVERIFY(store.setOverride(opt, model, {2.4, 12, std::nullopt, u"negotiated"_s}, &error));
        p = catalogue.resolved(opt, model);
        QCOMPARE(p->origin, pricing::PriceOrigin::Override);
        QCOMPARE(p->inputPerMTok, 2.4);
        QCOMPARE(p->outputPerMTok, 12.0);
        QCOMPARE(p->source, u"user override"_s);
        QVERIFY(!store.setOverride(opt, model, {-1, 12, std::nullopt, {}}, &error));
        QVERIFY(error.contains(u"input_per_mtok"_s));
        QVERIFY(!store.setOverride(opt, model, {1, qInf(), std::nullopt, {}}, &error));

        QVERIFY(store.resetOverride(opt, model));
        QCOMPARE(catalogue.resolved(opt, model)->origin, pricing::PriceOrigin::Import);
        QVERIFY(store.setSnapshotChoice(u"none"_s, &error));
        QCOMPARE(catalogue.resolved(opt, model)->origin, pricing::PriceOrigin::Shipped);
        // Export carries origin and provenance flags.
        const QJsonObject json = pricing::pricesToJson(catalogue.resolvedPrices());
        const QJsonObject first = json.value(u"prices"_s).toArray().at(0).toObject();
        for (const char *field : {"origin", "as_of", "source", "stale", "sources_disagree"})
            QVERIFY2(first.contains(QLatin1StringView(field)), field);
    }

    void provenance_flagsStalenessWithTheClock()
    {
        pricing::PriceCatalogue catalogue(*m_kb, nullptr);
        const QString asOf = catalogue.resolved(u"aws-bedrock"_s, u"claude-sonnet-4-5"_s)->asOf;
        const QDate date = QDate::fromString(asOf, Qt::ISODate);
        catalogue.setClock([date] { return date.addDays(90); });
        QVERIFY(!catalogue.resolved(u"aws-bedrock"_s, u"claude-sonnet-4-5"_s)->stale);
        catalogue.setClock([date] { return date.addDays(91); });
        QVERIFY(catalogue.resolved(u"aws-bedrock"_s, u"claude-sonnet-4-5"_s)->stale);
    }

    void provenance_flagsSourcesThatDisagree()
    {
        auto db = freshDb(u"disagree.db"_s);
        const QString path = m_dir.filePath(u"disagree.json"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        // +4% on Sonnet 4.5 input (within tolerance), +20% on Haiku 4.5 output.
        f.write(R"({"anthropic.claude-sonnet-4-5-20250929-v1:0": {"litellm_provider": "bedrock_converse",
                    "input_cost_per_token": 3.12e-06, "output_cost_per_token": 1.5e-05},
                    "anthropic.claude-haiku-4-5-20251001-v1:0": {"litellm_provider": "bedrock",
                    "input_cost_per_token": 1e-06, "output_cost_per_token": 6e-06}})");
        f.close();
        pricing::LiteLlmImporter importer(*m_kb, *db);
        QVERIFY(importer.importFile(path, u"2026-08-01"_s).ok);
        const pricing::PriceCatalogue catalogue(*m_kb, db.get());
        QVERIFY(!catalogue.resolved(u"aws-bedrock"_s, u"claude-sonnet-4-5"_s)->sourcesDisagree);
        const auto haiku = catalogue.resolved(u"aws-bedrock"_s, u"claude-haiku-4-5"_s);
        QVERIFY(haiku->sourcesDisagree);
        QCOMPARE(haiku->origin, pricing::PriceOrigin::Shipped); // flagged, but not used until chosen
        QVERIFY2(haiku->disagreement.contains(u"disagree.json"_s), qPrintable(haiku->disagreement));
    }

    void search_matchesEveryWordAndProvider()
    {
        pricing::PriceSearch search;
        search.setRows({{u"aws"_s, {u"Amazon Bedrock"_s, u"Claude Sonnet 4.5"_s, u"shipped"_s}},
                        {u"azure"_s, {u"Azure OpenAI"_s, u"GPT-4o"_s, u"import"_s}},
                        {u"gcp"_s, {u"Vertex AI"_s, u"Claude Sonnet 4.5"_s, u"override"_s}}});
        QCOMPARE(search.match({}, {}).count(true), 3);
        QCOMPARE(search.match({}, u"claude"_s).count(true), 2);
        QCOMPARE(search.match({}, u"  SONNET   vertex "_s).count(true), 1);
        QCOMPARE(search.match(u"aws"_s, u"claude"_s).count(true), 1);
        QCOMPARE(search.match(u"azure"_s, u"claude"_s).count(true), 0);
        QCOMPARE(search.match({}, u"bedrockclaude"_s).count(true), 0); // no match across fields
    }

    // 10,000 rows (the time a filter takes is measured by tests/bench/bench_prices, not here).
    void search_filters10000Rows()
    {
        QList<pricing::PriceSearch::Row> rows;
        for (int i = 0; i < 10000; ++i)
            rows.append({i % 3 == 0 ? u"aws"_s : u"gcp"_s,
                         {u"Option "_s % QString::number(i % 9), u"Model number "_s % QString::number(i),
                          u"https://example.com/pricing/"_s % QString::number(i), u"2026-07-24"_s, u"shipped"_s}});
        pricing::PriceSearch search;
        search.setRows(rows);
        const QBitArray bits = search.match(u"aws"_s, u"model 12"_s);
        QCOMPARE(bits.size(), 10000);
        // aws rows (i % 3 == 0) whose "Model number i" contains "12".
        int expected = 0;
        for (int i = 0; i < 10000; i += 3)
            expected += QString::number(i).contains(u"12"_s) ? 1 : 0;
        QCOMPARE(bits.count(true), expected);
        QVERIFY(bits.testBit(12) && !bits.testBit(13) && !bits.testBit(1200 + 1));
    }

    // The GUI's two steps (read and parse on a worker thread, then store on the database thread) import the
    // newest file like importFile(). Their time is measured by tests/bench/bench_prices, not here.
    void importLiteLlm_readThenStore()
    {
        const pricing::ModelIndex index = pricing::ModelIndex::fromKnowledgeBase(*m_kb);
        auto db = freshDb(u"read-then-store.db"_s);
        QVERIFY(db);
        const pricing::LiteLlmFileRead read = pricing::readLiteLlmFile(fixture(kJuly), {}, index);
        QVERIFY2(read.parse.ok, qPrintable(read.parse.error));
        const pricing::ImportSummary s = pricing::LiteLlmImporter::store(*db, read);
        QVERIFY2(s.ok, qPrintable(s.error));
        QCOMPARE(s.entries, int(read.parse.entries.size()));
        QCOMPARE(s.mapped, read.parse.mapped());
        auto other = freshDb(u"import-file.db"_s);
        QVERIFY(other);
        pricing::LiteLlmImporter importer(*m_kb, *other);
        const pricing::ImportSummary direct = importer.importFile(fixture(kJuly));
        QVERIFY2(direct.ok, qPrintable(direct.error));
        QCOMPARE(direct.entries, s.entries);
        QCOMPARE(direct.mapped, s.mapped);
        QCOMPARE(direct.sha256, s.sha256);
    }
};

QTEST_GUILESS_MAIN(TestLiteLlmImport)
#include "tst_litellmimport.moc"
