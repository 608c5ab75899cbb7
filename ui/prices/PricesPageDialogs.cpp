#include "PricesPageDialogs.h"

#include "PageHelpers.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace lda::ui {

namespace {

QDoubleSpinBox *moneyBox(double value, QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(0, 1000);
    box->setDecimals(4);
    box->setPrefix(u"$"_s);
    box->setValue(value);
    return box;
}

std::optional<core::pricing::OverrideInput> runOverrideDialog(QWidget *parent, const core::pricing::Price &current,
                                                              const QString &modelName, const QString &optionName)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(QObject::tr("Override price"));
    dialog.setMinimumWidth(440); // a message under a field fits on one line instead of being clipped
    auto *layout = new QVBoxLayout(&dialog);
    auto *intro = new QLabel(QObject::tr("Your own price for <b>%1</b> on <b>%2</b> (USD per million tokens), for "
                                         "example a negotiated discount. It replaces the shipped and imported "
                                         "figures everywhere until you reset it.")
                                 .arg(modelName.toHtmlEscaped(), optionName.toHtmlEscaped()),
                             &dialog);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    QDoubleSpinBox *input = moneyBox(current.inputPerMTok, &dialog);
    QDoubleSpinBox *output = moneyBox(current.outputPerMTok, &dialog);
    QDoubleSpinBox *cached = moneyBox(current.cachedInputPerMTok.value_or(0), &dialog);
    cached->setSpecialValueText(QObject::tr("none"));
    auto *note = new QLineEdit(&dialog);
    note->setPlaceholderText(QObject::tr("e.g. enterprise agreement 2026"));
    form->addRow(QObject::tr("Input"), input);
    form->addRow(QObject::tr("Output"), output);
    form->addRow(QObject::tr("Cached input"), cached);
    form->addRow(QObject::tr("Note"), note);
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    // A half-typed figure is named under its field, and OK waits for it: the dialog never saves the
    // field's previous figure in place of what is on screen.
    watchFormNumberFields(form);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    for (QDoubleSpinBox *box : {input, output, cached}) {
        QObject::connect(box->findChild<QLineEdit *>(), &QLineEdit::textChanged, ok, [ok, input, output, cached]() {
            ok->setEnabled(input->hasAcceptableInput() && output->hasAcceptableInput() && cached->hasAcceptableInput());
        });
    }
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    core::pricing::OverrideInput result;
    result.inputPerMTok = input->value();
    result.outputPerMTok = output->value();
    if (cached->value() > 0)
        result.cachedInputPerMTok = cached->value();
    result.note = note->text().trimmed();
    return result;
}

} // namespace

PricesPageDialogs PricesPageDialogs::standard()
{
    PricesPageDialogs d;
    d.openFile = [](QWidget *parent, const QString &title, const QString &filter) {
        return QFileDialog::getOpenFileName(parent, title, QString(), filter);
    };
    d.saveFile = [](QWidget *parent, const QString &title, const QString &filter) {
        return QFileDialog::getSaveFileName(parent, title, QString(), filter);
    };
    d.editOverride = &runOverrideDialog;
    d.warn = [](QWidget *parent, const QString &title, const QString &text) {
        QMessageBox::warning(parent, title, text);
    };
    return d;
}

} // namespace lda::ui
