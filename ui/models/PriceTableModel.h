#pragma once

#include "pricing/PriceCatalogue.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QHash>

namespace lda::ui {

// Table adapter over resolved prices; provenance (source, as-of, origin) is in the columns and tooltips.
class PriceTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PriceTableModel)
public:
    enum Column { Option, Model, Input, Output, CachedInput, Batch, AsOf, Origin, Source, ColumnCount };
    enum Role { ProviderRole = Qt::UserRole + 1, SortRole };

    explicit PriceTableModel(QObject *parent = nullptr);
    void setPrices(const QList<core::pricing::Price> &prices, const QHash<QString, QString> &optionNames,
                   const QHash<QString, QString> &modelNames, const QHash<QString, QString> &providers);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<core::pricing::Price> m_prices;
    QHash<QString, QString> m_optionNames;
    QHash<QString, QString> m_modelNames;
    QHash<QString, QString> m_providers;
};

// Filters the price table by cloud and by free text over every column (case-insensitive).
class PriceFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PriceFilterProxy)
public:
    explicit PriceFilterProxy(QObject *parent = nullptr);
    void setFilter(const QString &provider, const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_provider;
    QString m_text;
};

} // namespace lda::ui
