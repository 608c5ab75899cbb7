#pragma once

#include "CommandLine.h"

namespace lda::app {

// Runs a sub-command of the command line and returns the process exit code (0, 1 or 2).
[[nodiscard]] int runCommand(const CommandLine &commandLine);

} // namespace lda::app
