#pragma once

#include <QVariant>

#include <optional>

namespace lda::core::util {

// A nullable SQL column as an optional: NULL stays "unknown", never 0.
[[nodiscard]] inline std::optional<double> optDouble(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

[[nodiscard]] inline std::optional<int> optInt(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<int>(v.toInt());
}

} // namespace lda::core::util
