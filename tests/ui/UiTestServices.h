#pragma once

// The services every GUI test starts from: the shipped knowledge base built by this tree, a private
// in-memory user database and the price catalogue over both, wired into UiServices.
#include "UiServices.h"
#include "kb/KnowledgeBase.h"
#include "kb/UserDatabase.h"
#include "pricing/PriceCatalogue.h"

#include <QStandardPaths>
#include <QString>

#include <memory>

struct UiTestServices
{
    std::unique_ptr<lda::core::kb::KnowledgeBase> kb;
    std::unique_ptr<lda::core::kb::UserDatabase> user;
    std::unique_ptr<lda::core::pricing::PriceCatalogue> prices;
    lda::ui::UiServices services;

    // Returns an empty string on success, else what failed.
    [[nodiscard]] QString open(const QString &pluginDir = {})
    {
        QStandardPaths::setTestModeEnabled(true);
        QString error;
        kb = lda::core::kb::KnowledgeBase::open(QStringLiteral(LDA_TEST_KB), &error);
        if (!kb)
            return error;
        user = lda::core::kb::UserDatabase::openInMemory(&error);
        if (!user)
            return error;
        prices = std::make_unique<lda::core::pricing::PriceCatalogue>(*kb, user.get());
        services = {kb.get(), user.get(), prices.get(), pluginDir, {}};
        return {};
    }
};
