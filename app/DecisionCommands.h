#pragma once

#include "CommandLine.h"

#include <QStringList>

class QTextStream;

namespace lda::core::kb {
class KnowledgeBase;
}

namespace lda::app {

// The decision commands of DESIGN.md §4: `recommend`, `compare` and `report`. Each returns the exit code
// (0, 1 or 2) and prints a one-line "error: ..." naming the file, id or value at fault.
[[nodiscard]] int runRecommend(const CommandLine &cl, const QStringList &args, QTextStream &out, QTextStream &err);
[[nodiscard]] int runCompare(const CommandLine &cl, const QStringList &args, QTextStream &out, QTextStream &err);
[[nodiscard]] int runReport(const CommandLine &cl, const QStringList &args, QTextStream &out, QTextStream &err);

// For `self-test`: loads the decision tree and runs a sample recommendation; empty when all is well,
// else a sentence naming the problem.
[[nodiscard]] QString decisionSelfTest(const core::kb::KnowledgeBase &kb);

// True when the command needs a QGuiApplication (a PDF decision record lays out text with Qt Gui).
[[nodiscard]] bool commandNeedsGui(const CommandLine &cl);

} // namespace lda::app
