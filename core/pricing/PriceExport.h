#pragma once

#include "PriceCatalogue.h"
#include "util/TextTable.h"

#include <QJsonObject>

namespace lda::core::pricing {

// The DESIGN.md §4 `prices list` contract: {"prices":[{option, model, input_per_mtok, ...}]}.
[[nodiscard]] QJsonObject pricesToJson(const QList<Price> &prices);
[[nodiscard]] util::Table pricesToTable(const QList<Price> &prices);

} // namespace lda::core::pricing
