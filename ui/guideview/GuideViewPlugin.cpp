#include "GuideViewPlugin.h"

#include "GuideView.h"
#include "GuideWeb.h"

namespace lda::ui {

QWidget *GuideViewPlugin::createGuideView(const UiServices &services, QWidget *parent)
{
    // The plugin's first use: register guide: before the first WebEngine object of the process.
    registerGuideScheme();
    return new GuideView(services, parent);
}

} // namespace lda::ui
