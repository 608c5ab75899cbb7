#pragma once

#include <QString>
#include <QStringList>

#include <functional>

class QAbstractSpinBox;
class QComboBox;
class QFormLayout;
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
// Number fields: a spin box refuses what can never become a number in its range, but an emptied field or
// a lone "-" stays on screen while the value keeps its last valid figure. numberFieldProblem() names the
// field and the accepted range for such text (empty when the text is fine). watchNumberField() shows it
// in `label` (a numberProblemLabel) as the user types, hides it once the text is acceptable again and then
// calls `validAgain` (may be empty). watchFormNumberFields() does that for every number field of a form,
// named by its row label, with the message in a row of its own under the field.
QString numberFieldProblem(const QAbstractSpinBox *box, const QString &fieldName);
QLabel *numberProblemLabel(QWidget *parent);
void watchNumberField(QAbstractSpinBox *box, const QString &fieldName, QLabel *label,
                      const std::function<void()> &validAgain = {});
void watchFormNumberFields(QFormLayout *form, const std::function<void()> &validAgain = {});

} // namespace lda::ui
