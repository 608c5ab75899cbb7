#pragma once

#include <QString>
#include <QStringList>

namespace lda::app {

// The global part of the command line (DESIGN.md §4): options before the sub-command.
struct CommandLine
{
    QString kbPath;
    QString userDbPath;
    QString page;           // --page: open the GUI on that page
    QString file;           // FILE: a workload/scenario or wizard answers file for the GUI to open
    bool help = false;
    bool version = false;
    QStringList command;    // the sub-command and its arguments; empty = start the GUI
    QString error;          // set when the global options are malformed (exit 2)
};

[[nodiscard]] CommandLine parseCommandLine(const QStringList &arguments);
[[nodiscard]] QString helpText();
[[nodiscard]] const QStringList &guiPages();
[[nodiscard]] const QStringList &commandNames(); // the first word of every sub-command

} // namespace lda::app
