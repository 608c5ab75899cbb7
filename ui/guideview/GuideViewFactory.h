#pragma once

#include <QtPlugin>

class QWidget;

namespace lda::ui {

struct UiServices;

// Implemented by the guide-viewer plugin (the only part of the app that links QtWebEngine), which
// the Guide page loads with QPluginLoader the first time it is shown, so that start-up never pays
// for WebEngine (DESIGN.md §5).
class GuideViewFactory
{
public:
    virtual ~GuideViewFactory() = default;
    // The widget returned shows the guide's home page, and has the public slot
    //   openPage(const QString &path, const QString &anchor)
    // that GuidePage calls by name (QMetaObject::invokeMethod) to show a page at a heading, e.g. for the
    // wizard's guide links; the app never includes the viewer's headers.
    virtual QWidget *createGuideView(const UiServices &services, QWidget *parent) = 0;
};

} // namespace lda::ui

#define LdaGuideViewFactory_iid "io.github.llm_deploy_advisor.GuideViewFactory/1.0"
Q_DECLARE_INTERFACE(lda::ui::GuideViewFactory, LdaGuideViewFactory_iid)
