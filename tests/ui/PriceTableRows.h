#pragma once

// A Prices table of many rows, as the page builds it: the shipped prices repeated under distinct model
// ids in a PriceTableModel behind the page's sorted PriceFilterProxy. Shared by tst_pricespage (the
// filter's behaviour at 10,000 rows) and tests/bench/bench_prices (its speed).
#include "kb/KnowledgeBase.h"
#include "models/PriceTableModel.h"
#include "pricing/PriceCatalogue.h"

#include <QHash>
#include <QList>
#include <QString>

namespace lda::test {

struct PriceTableRows
{
    QList<core::pricing::Price> prices;
    QHash<QString, QString> providers; // option id -> aws | azure | gcp, as the page passes them
    ui::PriceTableModel model;
    ui::PriceFilterProxy proxy;

    PriceTableRows(const core::kb::KnowledgeBase &kb, const QList<core::pricing::Price> &shipped, int count)
    {
        for (int i = 0; i < count && !shipped.isEmpty(); ++i) {
            core::pricing::Price p = shipped.at(i % shipped.size());
            p.modelId = p.modelId + u'-' + QString::number(i);
            prices.append(p);
        }
        const QList<core::kb::DeploymentOption> options = kb.options();
        for (const core::kb::DeploymentOption &o : options)
            providers.insert(o.id, o.provider);
        proxy.setSourceModel(&model);
        proxy.setSortRole(ui::PriceTableModel::SortRole);
        model.setPrices(prices, {}, {}, providers);
        proxy.sort(ui::PriceTableModel::Model);
    }
};

} // namespace lda::test
