#pragma once

#include <QStringList>

namespace lda::core::kb {

// The shipped knowledge base is rebuilt from data/ by lda-kbc at every build; its schema version tells
// the app whether it can read a given knowledge.db (a newer app refuses an older or newer file).
inline constexpr int KnowledgeSchemaVersion = 3; // 2: decision tree tables; 3: question names, option short names

// DDL of knowledge.db, in creation order.
[[nodiscard]] QStringList knowledgeSchemaStatements();

} // namespace lda::core::kb
