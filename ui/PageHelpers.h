#pragma once

#include <QString>
#include <QStringList>

class QComboBox;
class QLabel;
class QWidget;

namespace lda::ui {

// Small pieces shared by the pages: a page title, cloud names, the cloud filter combo.
QLabel *pageTitle(const QString &title, const QString &subtitle, QWidget *parent);
QString providerName(const QString &provider);
QComboBox *providerCombo(QWidget *parent);
QString htmlList(const QStringList &items);
// A word-wrapped explanatory label: long sentences must never set a page's minimum width.
QLabel *wrappedLabel(const QString &text, QWidget *parent);

} // namespace lda::ui
