#pragma once

#include <QString>
#include <QStringList>

namespace lda::core::kb {
class KnowledgeBase;
class UserDatabase;
} // namespace lda::core::kb
namespace lda::core::pricing {
class PriceCatalogue;
}

namespace lda::ui {

// The core services the window works with; owned by app/, outliving the window.
struct UiServices
{
    core::kb::KnowledgeBase *kb = nullptr;
    core::kb::UserDatabase *user = nullptr;
    core::pricing::PriceCatalogue *prices = nullptr;
    QString pluginDir;           // where the guide viewer plugin lives
    QStringList startupMessages; // e.g. "user data was damaged and moved aside"
};

} // namespace lda::ui
