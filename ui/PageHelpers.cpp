#include "PageHelpers.h"

#include <QComboBox>
#include <QLabel>
#include <QObject>

using namespace Qt::StringLiterals;

namespace lda::ui {



QLabel *pageTitle(const QString &title, const QString &subtitle, QWidget *parent)
{
    auto *label = new QLabel(u"<h2 style='margin-bottom:2px'>"_s % title.toHtmlEscaped() % u"</h2>"_s
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
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

} // namespace lda::ui
