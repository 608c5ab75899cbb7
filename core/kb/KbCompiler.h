#pragma once

#include "KbSource.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace lda::core::kb {

struct CompileResult
{
    QList<Diagnostic> errors;
    QString contentHash;           // SHA-256 over every input, hex
    QMap<QString, int> counts;     // record type -> number of records written

    [[nodiscard]] bool ok() const { return errors.isEmpty(); }
};

// Compiles the human-editable sources (data/kb/*.kb and data/guide/**) into knowledge.db.
// Validation follows data/kb/README.md; every problem is reported as file:line: message and
// nothing is written when there is any. Output is reproducible: the same inputs give the same file.
class KbCompiler final
{
public:
    // displayName is what diagnostics call the file (a path relative to the source tree).
    void addKbSource(const QString &displayName, const QByteArray &utf8Text);
    void addGuidePage(const QString &relativePath, const QByteArray &utf8Text);
    void addGuideAsset(const QString &relativePath, const QByteArray &data);

    // Reads every *.kb file of kbDir and every .md/.svg/.png file below guideDir.
    [[nodiscard]] QList<Diagnostic> addSourceTree(const QString &kbDir, const QString &guideDir);

    // Checks everything without writing.
    [[nodiscard]] CompileResult validate() const;
    // Validates, then writes outputPath atomically (a temporary file renamed over it).
    [[nodiscard]] CompileResult compile(const QString &outputPath, const QString &appVersion) const;

private:
    struct Input
    {
        QString name;
        QByteArray data;
    };
    QList<Input> m_kbSources;
    QList<Input> m_guidePages;
    QList<Input> m_guideAssets;
};

} // namespace lda::core::kb
