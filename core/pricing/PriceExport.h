#pragma once

#include "PriceCatalogue.h"
#include "util/TextTable.h"

#include <QJsonObject>

namespace lda::core::pricing {

// The DESIGN.md §4 `prices list` contract: {"prices":[{option, model, input_per_mtok, ...}]}.
[[nodiscard]] QJsonObject pricesToJson(const QList<Price> &prices);
[[nodiscard]] util::Table pricesToTable(const QList<Price> &prices);
// The `prices history` contract: {"history":[{as_of, input_per_mtok, output_per_mtok, origin, source, option}]}.
[[nodiscard]] QJsonObject historyToJson(const QList<PricePoint> &points);
[[nodiscard]] util::Table historyToTable(const QList<PricePoint> &points);

} // namespace lda::core::pricing
