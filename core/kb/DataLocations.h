#pragma once

#include <QString>

namespace lda::core::kb {

// Where the app finds its files. The build tree mirrors the install tree, so one rule serves both:
// <prefix>/bin/llm-deploy-advisor finds <prefix>/share/llm-deploy-advisor/knowledge.db.
[[nodiscard]] QString defaultKnowledgeBasePath();
[[nodiscard]] QString defaultUserDatabasePath(); // QStandardPaths::AppDataLocation/user.db
[[nodiscard]] QString pluginDirectory();         // <prefix>/lib/llm-deploy-advisor

} // namespace lda::core::kb
