#pragma once

#include "CostEngine.h"
#include "util/TextTable.h"

#include <QJsonObject>

namespace lda::core::cost {

// The `estimate --format json` object of DESIGN.md §4 (with the extensions mode, provider, instance,
// instances, pricing, provisioned_variant, units per estimate; unavailable, provisioned and
// break_even_max_requests_per_day at the top level).
[[nodiscard]] QJsonObject estimatesToJson(const scenario::Workload &workload, const EstimateSet &set);
// One row per estimate: option, model, mode, monthly, per 1k requests, each line item, as-of date.
[[nodiscard]] util::Table estimatesToTable(const EstimateSet &set);
// Cost against volume, one column per option (for CSV export of the chart data).
[[nodiscard]] util::Table seriesToTable(const QList<SeriesLine> &series);

} // namespace lda::core::cost
