#pragma once

#include "decision/Answers.h"
#include "scenario/Workload.h"

#include <QString>

#include <optional>

namespace lda::core::decision {
class DecisionTree;
}

namespace lda::core::scenario {

// The suffix of scenario files registered with the desktop (installers/CMakeLists.txt LDA_SCENARIO_EXT,
// the MIME type's glob): a file with it is always read as a workload.
[[nodiscard]] QString registeredScenarioSuffix();

// A file handed to the desktop application (`llm-deploy-advisor FILE`, a double-click in the file manager):
// a workload/scenario file or a wizard answers file (DESIGN.md §4), told apart by its content.
struct InputFile
{
    enum class Kind { Workload, Answers };
    Kind kind = Kind::Workload;
    std::optional<Workload> workload;        // set when kind == Workload
    std::optional<decision::Answers> answers; // set when kind == Answers
};

struct InputFileResult
{
    std::optional<InputFile> file;
    QString error; // one line naming the file and what is wrong with it (missing, unreadable, malformed...)
    [[nodiscard]] bool ok() const { return file.has_value(); }
};

// Largest file read (a workload or answers file is a few hundred bytes).
inline constexpr qint64 MaxInputFileBytes = 4 * 1024 * 1024;

// Reads `path`. Which kind it is: the registered scenario suffix means a workload; otherwise a JSON object
// with any workload-only key (requests_per_day, model, self_hosted, ...) is a workload, and one whose keys
// are question ids of `tree` (or no keys at all: every answer is optional) is an answers file. The file is
// then validated by the reader of its kind, whose first error is returned.
[[nodiscard]] InputFileResult readInputFile(const QString &path, const decision::DecisionTree &tree);
// The same over bytes already read; `path` only names the file in messages.
[[nodiscard]] InputFileResult parseInputFile(const QByteArray &bytes, const QString &path,
                                             const decision::DecisionTree &tree);

} // namespace lda::core::scenario
