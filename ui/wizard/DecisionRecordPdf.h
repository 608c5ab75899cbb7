#pragma once

#include <QString>

class QIODevice;

namespace lda::ui {

// Lays out an HTML document (a decision record) with QTextDocument and prints it to PDF through
// QPdfWriter: A4, 15 mm margins. Needs a QGuiApplication (the CLI creates an offscreen one for PDFs).
bool writeHtmlAsPdf(const QString &html, const QString &title, QIODevice *device, QString *error);
// The same to a file, written atomically (QSaveFile).
bool writeHtmlAsPdfFile(const QString &html, const QString &title, const QString &path, QString *error);

} // namespace lda::ui
