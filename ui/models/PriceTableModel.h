#pragma once

#include "pricing/PriceCatalogue.h"
#include "pricing/PriceSearch.h"

#include <QAbstractTableModel>
#include <QBitArray>
#include <QHash>
#include <QSortFilterProxyModel>

namespace lda::ui {

// Table adapter over resolved prices; provenance (source, as-of, origin, staleness, disagreement) is in the
// columns and tooltips.
class PriceTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PriceTableModel)
public:
    enum Column { Option, Model, Input, Output, CachedInput, Batch, AsOf, Origin, Status, Source, ColumnCount };
    enum Role { ProviderRole = Qt::UserRole + 1, SortRole, OptionIdRole, ModelIdRole };

    explicit PriceTableModel(QObject *parent = nullptr);
    void setPrices(const QList<core::pricing::Price> &prices, const QHash<QString, QString> &optionNames,
                   const QHash<QString, QString> &modelNames, const QHash<QString, QString> &providers);
    [[nodiscard]] const QList<core::pricing::Price> &prices() const { return m_prices; }
    [[nodiscard]] QString optionName(const QString &id) const { return m_optionNames.value(id, id); }
    [[nodiscard]] QString modelName(const QString &id) const { return m_modelNames.value(id, id); }
    // What the filter searches, one entry per row (the rule itself lives in core::pricing::PriceSearch).
    [[nodiscard]] QList<core::pricing::PriceSearch::Row> searchRows() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    [[nodiscard]] QString statusText(const core::pricing::Price &p) const;
    QList<core::pricing::Price> m_prices;
    QHash<QString, QString> m_optionNames;
    QHash<QString, QString> m_modelNames;
    QHash<QString, QString> m_providers;
};

// Filters the price table by cloud and by words (case-insensitive, every word must occur in some column).
// Only adapts: the rule is core::pricing::PriceSearch, evaluated once per filter change.
class PriceFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PriceFilterProxy)
public:
    explicit PriceFilterProxy(QObject *parent = nullptr);
    void setSourceModel(QAbstractItemModel *model) override;
    void setFilter(const QString &provider, const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void rebuild();
    core::pricing::PriceSearch m_search;
    QBitArray m_accepted;
    QString m_provider;
    QString m_text;
};

} // namespace lda::ui
