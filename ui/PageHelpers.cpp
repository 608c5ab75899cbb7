#include "PageHelpers.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QObject>
#include <QSpinBox>
#include <QTimer>

#include <cmath>

using namespace Qt::StringLiterals;

namespace lda::ui {

namespace {

// A word-wrapped label that remembers the heights it computed: one layout pass asks the same few widths
// again and again, and QLabel lays its whole text out anew for each (half the start-up text layout).
class WrappingLabel final : public QLabel
{
public:
    using QLabel::QLabel;

    int heightForWidth(int width) const override
    {
        if (m_text != text() || m_font != font() || m_margins != contentsMargins()) {
            m_cache.clear();
            m_text = text();
            m_font = font();
            m_margins = contentsMargins();
        }
        for (const auto &[w, h] : m_cache) {
            if (w == width)
                return h;
        }
        const int height = QLabel::heightForWidth(width);
        if (m_cache.size() == 8)
            m_cache.removeFirst();
        m_cache.append({width, height});
        return height;
    }

protected:
    void changeEvent(QEvent *event) override
    {
        m_cache.clear(); // style, font, screen: anything may change the metrics
        QLabel::changeEvent(event);
    }

private:
    mutable QList<std::pair<int, int>> m_cache;
    mutable QString m_text;
    mutable QFont m_font;
    mutable QMargins m_margins;
};

} // namespace



QLabel *pageTitle(const QString &title, const QString &subtitle, QWidget *parent)
{
    auto *label = new WrappingLabel(u"<h2 style='margin-bottom:2px'>"_s % title.toHtmlEscaped() % u"</h2>"_s
                                 % subtitle.toHtmlEscaped(),
                             parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    return label;
}

QString providerName(const QString &provider)
{
    if (provider == u"aws"_s)
        return u"AWS"_s;
    if (provider == u"azure"_s)
        return u"Azure"_s;
    if (provider == u"gcp"_s)
        return u"Google Cloud"_s;
    return provider;
}

QComboBox *providerCombo(QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->addItem(QObject::tr("All clouds"), QString());
    combo->addItem(u"AWS"_s, u"aws"_s);
    combo->addItem(u"Azure"_s, u"azure"_s);
    combo->addItem(u"Google Cloud"_s, u"gcp"_s);
    return combo;
}

QString htmlList(const QStringList &items)
{
    if (items.isEmpty())
        return {};
    QString html = u"<ul>"_s;
    for (const QString &item : items)
        html += u"<li>"_s % item.toHtmlEscaped() % u"</li>"_s;
    return html % u"</ul>"_s;
}

QLabel *wrappedLabel(const QString &text, QWidget *parent)
{
    auto *label = new WrappingLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

QString numberFieldProblem(const QAbstractSpinBox *box, const QString &fieldName)
{
    if (box->hasAcceptableInput())
        return {};
    double min = 0;
    double max = 0;
    QString text = box->text();
    if (const auto *d = qobject_cast<const QDoubleSpinBox *>(box)) {
        min = d->minimum();
        max = d->maximum();
        text = d->cleanText();
    } else if (const auto *i = qobject_cast<const QSpinBox *>(box)) {
        min = i->minimum();
        max = i->maximum();
        text = i->cleanText();
    }
    QLocale locale = box->locale();
    locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    const auto number = [&](double v) { return locale.toString(v, 'f', std::floor(v) == v ? 0 : 2); };
    text = text.trimmed();
    if (text.isEmpty())
        return QObject::tr("%1: empty; enter a number from %2 to %3").arg(fieldName, number(min), number(max));
    return QObject::tr("%1: “%2” is not a number from %3 to %4").arg(fieldName, text, number(min), number(max));
}

QLabel *numberProblemLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(u"numberFieldProblem"_s);
    label->setWordWrap(true);
    label->setStyleSheet(u"color: #b00020"_s);
    label->hide();
    return label;
}

namespace {

// Runs `check` after the spin box has been shown or has gained or lost focus: it then rewrites its text
// from the value with the line edit's signals blocked, so nothing else tells the watcher the problem is gone.
class FocusWatcher final : public QObject
{
public:
    FocusWatcher(QObject *parent, std::function<void()> check)
        : QObject(parent)
        , m_check(std::move(check))
    {
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::FocusIn || event->type() == QEvent::FocusOut || event->type() == QEvent::Show)
            QTimer::singleShot(0, this, m_check);
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_check;
};

// `form`, when given, holds `label` in a row of its own that is hidden with it (no empty gap).
void watchNumberFieldIn(QAbstractSpinBox *box, const QString &fieldName, QLabel *label, QFormLayout *form,
                        const std::function<void()> &validAgain)
{
    auto *edit = box->findChild<QLineEdit *>();
    if (!edit)
        return;
    const auto show = [label, form](bool on) {
        if (form)
            form->setRowVisible(label, on);
        else
            label->setVisible(on);
    };
    show(false);
    const auto check = [box, fieldName, label, show, validAgain]() {
        const QString problem = numberFieldProblem(box, fieldName);
        if (!problem.isEmpty()) {
            label->setText(u"✗ "_s % problem);
            show(true);
            return;
        }
        if (label->text().isEmpty())
            return; // an ordinary valid keystroke
        show(false);
        label->clear();
        if (validAgain)
            validAgain();
    };
    // The spin box rewrites its text with the line edit's signals blocked (Enter, focus out, setValue):
    // those paths are caught by editingFinished and valueChanged.
    QObject::connect(edit, &QLineEdit::textChanged, label, check);
    box->installEventFilter(new FocusWatcher(label, check));
    QObject::connect(box, &QAbstractSpinBox::editingFinished, label, check);
    if (auto *d = qobject_cast<QDoubleSpinBox *>(box))
        QObject::connect(d, &QDoubleSpinBox::valueChanged, label, check);
    else if (auto *i = qobject_cast<QSpinBox *>(box))
        QObject::connect(i, &QSpinBox::valueChanged, label, check);
}

} // namespace

void watchNumberField(QAbstractSpinBox *box, const QString &fieldName, QLabel *label,
                      const std::function<void()> &validAgain)
{
    watchNumberFieldIn(box, fieldName, label, nullptr, validAgain);
}

void watchFormNumberFields(QFormLayout *form, const std::function<void()> &validAgain)
{
    for (int row = form->rowCount() - 1; row >= 0; --row) {
        QLayoutItem *field = form->itemAt(row, QFormLayout::FieldRole);
        QLayoutItem *name = form->itemAt(row, QFormLayout::LabelRole);
        auto *box = field ? qobject_cast<QAbstractSpinBox *>(field->widget()) : nullptr;
        auto *label = name ? qobject_cast<QLabel *>(name->widget()) : nullptr;
        if (!box || !label)
            continue;
        QLabel *problem = numberProblemLabel(box->parentWidget());
        form->insertRow(row + 1, problem);
        watchNumberFieldIn(box, label->text(), problem, form, validAgain);
    }
}

} // namespace lda::ui
