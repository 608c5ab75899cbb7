#include "DecisionRecordPdf.h"

#include <QMarginsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace lda::ui {

bool writeHtmlAsPdf(const QString &html, const QString &title, QIODevice *device, QString *error)
{
    QPdfWriter writer(device);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral(LDA_APP_NAME));
    writer.setResolution(96);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15),
                                     QPageLayout::Millimeter));
    QTextDocument doc;
    doc.setHtml(html);
    doc.print(&writer);
    if (device->size() == 0 && !device->isSequential()) {
        *error = u"the PDF writer produced no output"_s;
        return false;
    }
    return true;
}

bool writeHtmlAsPdfFile(const QString &html, const QString &title, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = u"cannot write '"_s % path % u"': "_s % file.errorString();
        return false;
    }
    if (!writeHtmlAsPdf(html, title, &file, error)) {
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        *error = u"cannot write '"_s % path % u"': "_s % file.errorString();
        return false;
    }
    return true;
}

} // namespace lda::ui
