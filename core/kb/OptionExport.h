#pragma once

#include "KnowledgeBase.h"
#include "util/TextTable.h"

#include <QJsonObject>

namespace lda::core::kb {

// The DESIGN.md §4 `options list` contract: {"options":[{id, provider, name, category, ...}]}.
[[nodiscard]] QJsonObject optionsToJson(const QList<DeploymentOption> &options);
[[nodiscard]] util::Table optionsToTable(const QList<DeploymentOption> &options);

} // namespace lda::core::kb
