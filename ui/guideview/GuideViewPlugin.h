#pragma once

#include "GuideViewFactory.h"

#include <QObject>

namespace lda::ui {

// The plugin object QPluginLoader instantiates; it only creates viewers.
class GuideViewPlugin final : public QObject, public GuideViewFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID LdaGuideViewFactory_iid)
    Q_INTERFACES(lda::ui::GuideViewFactory)
public:
    QWidget *createGuideView(const UiServices &services, QWidget *parent) override;
};

} // namespace lda::ui
