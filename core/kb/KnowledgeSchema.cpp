#include "KnowledgeSchema.h"

using namespace Qt::StringLiterals;

namespace lda::core::kb {

QStringList knowledgeSchemaStatements()
{
    return {
        u"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
        u"CREATE TABLE options ("
        " id TEXT PRIMARY KEY, provider TEXT NOT NULL, name TEXT NOT NULL, short_name TEXT NOT NULL,"
        " category TEXT NOT NULL,"
        " summary TEXT NOT NULL, setup_time TEXT NOT NULL, ops_burden TEXT NOT NULL, scaling_model TEXT NOT NULL,"
        " gpu_support TEXT NOT NULL, scale_to_zero TEXT NOT NULL, pricing_model TEXT NOT NULL, guide TEXT NOT NULL,"
        " sort_order INTEGER NOT NULL, note TEXT)"_s,
        u"CREATE TABLE option_items (option_id TEXT NOT NULL REFERENCES options(id), kind TEXT NOT NULL,"
        " position INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY (option_id, kind, position))"_s,
        u"CREATE TABLE criteria (id TEXT PRIMARY KEY, name TEXT NOT NULL, category TEXT NOT NULL,"
        " description TEXT NOT NULL, better TEXT NOT NULL, sort_order INTEGER NOT NULL)"_s,
        u"CREATE TABLE criterion_values (criterion_id TEXT NOT NULL REFERENCES criteria(id),"
        " option_id TEXT NOT NULL REFERENCES options(id), value TEXT NOT NULL,"
        " PRIMARY KEY (criterion_id, option_id))"_s,
        u"CREATE TABLE models (id TEXT PRIMARY KEY, name TEXT NOT NULL, vendor TEXT NOT NULL, family TEXT NOT NULL,"
        " open_weights INTEGER NOT NULL, params_b REAL, size_class TEXT NOT NULL, context_window INTEGER NOT NULL,"
        " max_output INTEGER, lifecycle TEXT NOT NULL, lifecycle_date TEXT, released TEXT, note TEXT)"_s,
        u"CREATE TABLE model_availability (model_id TEXT NOT NULL REFERENCES models(id),"
        " option_id TEXT NOT NULL REFERENCES options(id), provider_model_id TEXT NOT NULL,"
        " PRIMARY KEY (model_id, option_id))"_s,
        u"CREATE TABLE prices (option_id TEXT NOT NULL REFERENCES options(id), model_id TEXT NOT NULL REFERENCES models(id),"
        " input_per_mtok REAL NOT NULL, output_per_mtok REAL NOT NULL, cached_input_per_mtok REAL,"
        " cache_write_per_mtok REAL, batch_discount REAL, regional_premium REAL, tier_threshold INTEGER,"
        " tier_input_per_mtok REAL, tier_output_per_mtok REAL, as_of TEXT NOT NULL, source TEXT NOT NULL,"
        " confidence TEXT NOT NULL, note TEXT, PRIMARY KEY (option_id, model_id))"_s,
        u"CREATE TABLE provisioned_rates (id TEXT PRIMARY KEY, option_id TEXT NOT NULL REFERENCES options(id),"
        " model_id TEXT, variant TEXT NOT NULL, unit TEXT NOT NULL, usd_per_unit_hour REAL NOT NULL, term TEXT NOT NULL,"
        " min_units INTEGER, step_units INTEGER, input_tpm_per_unit REAL, output_weight REAL, as_of TEXT NOT NULL,"
        " source TEXT NOT NULL, confidence TEXT NOT NULL, note TEXT)"_s,
        u"CREATE TABLE gpu_instances (id TEXT PRIMARY KEY, name TEXT NOT NULL, provider TEXT NOT NULL, region TEXT NOT NULL,"
        " gpu_model TEXT NOT NULL, gpu_count INTEGER NOT NULL, gpu_memory_gb REAL NOT NULL, vcpus INTEGER, memory_gb REAL,"
        " on_demand_hour REAL NOT NULL, spot_hour REAL, ri_1y_hour REAL, ri_3y_hour REAL, as_of TEXT NOT NULL,"
        " source TEXT NOT NULL, confidence TEXT NOT NULL, note TEXT)"_s,
        u"CREATE TABLE gpu_instance_options (instance_id TEXT NOT NULL REFERENCES gpu_instances(id),"
        " option_id TEXT NOT NULL REFERENCES options(id), PRIMARY KEY (instance_id, option_id))"_s,
        u"CREATE TABLE throughput (id TEXT PRIMARY KEY, size_class TEXT NOT NULL, gpu_model TEXT NOT NULL,"
        " gpu_count INTEGER NOT NULL, tokens_per_second REAL NOT NULL, low REAL NOT NULL, high REAL NOT NULL,"
        " basis TEXT NOT NULL, source TEXT, note TEXT)"_s,
        u"CREATE TABLE use_cases (id TEXT PRIMARY KEY, name TEXT NOT NULL, summary TEXT NOT NULL,"
        " option_id TEXT NOT NULL REFERENCES options(id), model_id TEXT NOT NULL REFERENCES models(id),"
        " workload_json TEXT NOT NULL, guide TEXT NOT NULL, note TEXT, sort_order INTEGER NOT NULL)"_s,
        u"CREATE TABLE guide_pages (path TEXT PRIMARY KEY, title TEXT NOT NULL, chapter TEXT,"
        " sort_order INTEGER NOT NULL, markdown TEXT NOT NULL, words INTEGER NOT NULL)"_s,
        u"CREATE TABLE guide_sections (id INTEGER PRIMARY KEY, page TEXT NOT NULL REFERENCES guide_pages(path),"
        " anchor TEXT NOT NULL, title TEXT NOT NULL, level INTEGER NOT NULL, position INTEGER NOT NULL,"
        " body TEXT)"_s,
        u"CREATE INDEX guide_sections_page ON guide_sections(page, position)"_s,
        u"CREATE VIRTUAL TABLE guide_fts USING fts5(title, body, content='guide_sections', content_rowid='id',"
        " tokenize='porter unicode61')"_s,
        u"CREATE TABLE glossary (term TEXT PRIMARY KEY, anchor TEXT NOT NULL, definition TEXT NOT NULL,"
        " used_in TEXT)"_s,
        u"CREATE TABLE guide_assets (path TEXT PRIMARY KEY, mime TEXT NOT NULL, data BLOB NOT NULL)"_s,
        // The decision tree (data/kb/decision.kb), read by core/decision.
        u"CREATE TABLE decision_questions (id TEXT PRIMARY KEY, kind TEXT NOT NULL, sort_order INTEGER NOT NULL,"
        " name TEXT NOT NULL, text TEXT NOT NULL, help TEXT NOT NULL, guide TEXT NOT NULL, unit TEXT)"_s,
        u"CREATE TABLE decision_answers (question_id TEXT NOT NULL REFERENCES decision_questions(id),"
        " value TEXT NOT NULL, label TEXT NOT NULL, help TEXT, sort_order INTEGER NOT NULL,"
        " PRIMARY KEY (question_id, value))"_s,
        u"CREATE TABLE decision_rules (id TEXT PRIMARY KEY, weight REAL NOT NULL, exclude INTEGER NOT NULL,"
        " reason TEXT NOT NULL, sort_order INTEGER NOT NULL)"_s,
        u"CREATE TABLE decision_rule_options (rule_id TEXT NOT NULL REFERENCES decision_rules(id),"
        " option_id TEXT NOT NULL REFERENCES options(id), PRIMARY KEY (rule_id, option_id))"_s,
        u"CREATE TABLE decision_conflicts (id TEXT PRIMARY KEY, explanation TEXT NOT NULL, suggestion TEXT,"
        " sort_order INTEGER NOT NULL)"_s,
        u"CREATE TABLE decision_conditions (owner_type TEXT NOT NULL, owner_id TEXT NOT NULL,"
        " position INTEGER NOT NULL, question_id TEXT NOT NULL REFERENCES decision_questions(id), op TEXT NOT NULL,"
        " value_list TEXT, number REAL NOT NULL, PRIMARY KEY (owner_type, owner_id, position))"_s,
    };
}

} // namespace lda::core::kb
