#pragma once

#include "CommandLine.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>

class QTextStream;

namespace lda::core::kb {
class KnowledgeBase;
}

namespace lda::app {

// What every command shares: the exit codes of DESIGN.md §4, the "--name value" parser and the way the
// knowledge base is opened.
enum Exit { Ok = 0, Failure = 1, BadInput = 2 };

struct OptionSpec
{
    bool takesValue = true;
    QStringList allowed; // empty = any value
};

struct ParsedOptions
{
    QHash<QString, QString> values;
    QString error; // one sentence naming the option at fault
};

// "--name value" and "--name=value"; an option may be given once; positional arguments are errors.
[[nodiscard]] ParsedOptions parseOptions(const QStringList &args, const QHash<QString, OptionSpec> &spec);

// Prints "error: message" and returns code.
int fail(QTextStream &err, int code, const QString &message);

// Opens --kb or the shipped knowledge base. An explicit --kb that fails is bad input (2), a broken
// installation a runtime failure (1); *exitCode is set and null returned on failure.
[[nodiscard]] std::unique_ptr<core::kb::KnowledgeBase> openKnowledgeBase(const CommandLine &cl, QTextStream &err,
                                                                         int *exitCode);

} // namespace lda::app
