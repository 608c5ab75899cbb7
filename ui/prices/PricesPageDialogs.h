#pragma once

#include "pricing/PriceCatalogue.h"
#include "pricing/PriceStore.h"

#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace lda::ui {

// Every modal the Prices page may open, behind functions: the defaults show real dialogs; tests replace
// them so that they never block on a modal (KeePassXC's scriptable MessageBox/FileDialog).
struct PricesPageDialogs
{
    // Returns the chosen path, or empty when cancelled.
    std::function<QString(QWidget *parent, const QString &title, const QString &filter)> openFile;
    std::function<QString(QWidget *parent, const QString &title, const QString &filter)> saveFile;
    // Returns the new figures, or nullopt when cancelled.
    std::function<std::optional<core::pricing::OverrideInput>(QWidget *parent, const core::pricing::Price &current,
                                                              const QString &modelName, const QString &optionName)>
        editOverride;
    std::function<void(QWidget *parent, const QString &title, const QString &text)> warn;

    [[nodiscard]] static PricesPageDialogs standard();
};

} // namespace lda::ui
