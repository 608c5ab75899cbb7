#pragma once

#include "CommandLine.h"

#include <QStringList>

class QTextStream;

namespace lda::app {

// `guide search QUERY [--limit N] [--format json|text]` and `guide export --html DIR` (DESIGN.md §4).
// Returns the exit code (0, 1 or 2) and prints a one-line "error: ..." on failure.
[[nodiscard]] int runGuide(const CommandLine &cl, const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace lda::app
