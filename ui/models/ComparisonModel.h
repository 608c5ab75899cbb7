#pragma once

#include "decision/Comparison.h"
#include "kb/KnowledgeBase.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace lda::ui {

// Options side by side: one row per comparison criterion (as filtered by core), one column per chosen
// option. Rows whose values differ get a palette-derived background and a bold header.
class ComparisonModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComparisonModel)
public:
    enum Role { DiffersRole = Qt::UserRole + 1, CategoryRole, OptionIdRole };

    explicit ComparisonModel(QObject *parent = nullptr);
    void setRows(const QList<core::kb::DeploymentOption> &options, const QList<core::decision::ComparisonRow> &rows);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    [[nodiscard]] bool rowDiffers(int row) const;
    [[nodiscard]] const QList<core::kb::DeploymentOption> &options() const { return m_options; }
    [[nodiscard]] const QList<core::decision::ComparisonRow> &rows() const { return m_rows; }

private:
    QList<core::kb::DeploymentOption> m_options;
    QList<core::decision::ComparisonRow> m_rows;
};

// Every model on every option that offers it: prices, context window, lifecycle, source, as-of and the
// cost of the user's workload. Sorting and filtering rules are core's (decision/Comparison.h).
class ModelPriceModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelPriceModel)
public:
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit ModelPriceModel(QObject *parent = nullptr);
    void setRows(QList<core::decision::ModelPriceRow> rows);
    // Updates only the "cost for my workload" column.
    void setWorkloadCosts(const QList<std::optional<double>> &costs);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    [[nodiscard]] const QList<core::decision::ModelPriceRow> &rows() const { return m_rows; }

private:
    QList<core::decision::ModelPriceRow> m_rows;
};

// Adapts core's ModelPriceFilter and row ordering to a view; holds no rules of its own.
class ModelPriceProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelPriceProxy)
public:
    explicit ModelPriceProxy(QObject *parent = nullptr);
    void setFilter(const core::decision::ModelPriceFilter &filter);
    [[nodiscard]] QList<core::decision::ModelPriceRow> visibleRows() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    core::decision::ModelPriceFilter m_filter;
};

} // namespace lda::ui
