#include "ComparisonModel.h"

#include "util/TextTable.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

#include <cmath>

using namespace Qt::StringLiterals;

namespace lda::ui {

namespace {

// A tint of the palette's highlight colour: readable on light and dark themes alike.
QColor differenceTint()
{
    QColor c = QGuiApplication::palette().color(QPalette::Highlight);
    c.setAlphaF(0.22f);
    return c;
}

} // namespace

ComparisonModel::ComparisonModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ComparisonModel::setRows(const QList<core::kb::DeploymentOption> &options,
                              const QList<core::decision::ComparisonRow> &rows)
{
    beginResetModel();
    m_options = options;
    m_rows = rows;
    endResetModel();
}

int ComparisonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ComparisonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_options.size());
}

bool ComparisonModel::rowDiffers(int row) const
{
    return row >= 0 && row < m_rows.size() && m_rows.at(row).differs;
}

QVariant ComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::decision::ComparisonRow &r = m_rows.at(index.row());
    const core::kb::DeploymentOption &o = m_options.at(index.column());
    const QString value = r.values.value(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return value;
    case Qt::ToolTipRole:
        return QString(o.name % u" — "_s % r.name % u"\n"_s % value);
    case Qt::BackgroundRole:
        return r.differs ? QVariant(differenceTint()) : QVariant();
    case DiffersRole:
        return r.differs;
    case CategoryRole:
        return r.category;
    case OptionIdRole:
        return o.id;
    default:
        return {};
    }
}

QVariant ComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && section >= 0 && section < m_options.size()) {
        if (role == Qt::DisplayRole) {
            // Long names wrap at their parenthesis so that narrow columns stay readable.
            QString name = m_options.at(section).name;
            name.replace(u" ("_s, u"\n("_s);
            return name;
        }
        if (role == Qt::ToolTipRole)
            return QString(m_options.at(section).summary % u"\n\n"_s
                           % tr("Double-click to read about it in the guide."));
    }
    if (orientation == Qt::Vertical && section >= 0 && section < m_rows.size()) {
        if (role == Qt::DisplayRole)
            return m_rows.at(section).name;
        if (role == Qt::ToolTipRole)
            return QString(m_rows.at(section).description % u"\n("_s % m_rows.at(section).category % u')');
        if (role == Qt::FontRole && rowDiffers(section)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

// ---- ModelPriceModel ----------------------------------------------------------------------------------

using core::decision::ModelPriceColumn;

ModelPriceModel::ModelPriceModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ModelPriceModel::setRows(QList<core::decision::ModelPriceRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void ModelPriceModel::setWorkloadCosts(const QList<std::optional<double>> &costs)
{
    for (qsizetype i = 0; i < m_rows.size() && i < costs.size(); ++i)
        m_rows[i].workloadMonthlyUsd = costs.at(i);
    const int column = int(ModelPriceColumn::WorkloadCost);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, column), index(int(m_rows.size()) - 1, column));
}

int ModelPriceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ModelPriceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ModelPriceColumn::Count);
}

QVariant ModelPriceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::decision::ModelPriceRow &r = m_rows.at(index.row());
    const auto column = ModelPriceColumn(index.column());
    const auto money = [](const std::optional<double> &v, int decimals) {
        return v ? core::util::formatUsd(*v, decimals) : tr("unknown");
    };
    if (role == Qt::DisplayRole) {
        switch (column) {
        case ModelPriceColumn::Model:
            return r.modelName;
        case ModelPriceColumn::Option:
            return r.optionName;
        case ModelPriceColumn::Input:
            return money(r.inputPerMTok, 3);
        case ModelPriceColumn::Output:
            return money(r.outputPerMTok, 3);
        case ModelPriceColumn::CachedInput:
            return money(r.cachedInputPerMTok, 3);
        case ModelPriceColumn::Context:
            return QLocale().toString(r.contextWindow);
        case ModelPriceColumn::Lifecycle:
            return r.lifecycleDate.isEmpty() ? r.lifecycle : QString(r.lifecycle % u" ("_s % r.lifecycleDate % u')');
        case ModelPriceColumn::WorkloadCost:
            return money(r.workloadMonthlyUsd, 2);
        case ModelPriceColumn::AsOf:
            return r.asOf.isEmpty() ? tr("unknown") : r.asOf;
        case ModelPriceColumn::Source:
            return r.source.isEmpty() ? tr("unknown") : r.source;
        case ModelPriceColumn::Count:
            break;
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        switch (column) {
        case ModelPriceColumn::Input:
        case ModelPriceColumn::Output:
        case ModelPriceColumn::CachedInput:
        case ModelPriceColumn::Context:
        case ModelPriceColumn::WorkloadCost:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (r.source.isEmpty())
            return tr("%1 on %2: no per-token price in the knowledge base").arg(r.modelName, r.optionName);
        return tr("%1 on %2\nSource: %3\nAs of %4 (%5)").arg(r.modelName, r.optionName, r.source, r.asOf, r.origin);
    }
    return {};
}

QVariant ModelPriceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (ModelPriceColumn(section)) {
    case ModelPriceColumn::Model:
        return tr("Model");
    case ModelPriceColumn::Option:
        return tr("Option");
    case ModelPriceColumn::Input:
        return tr("Input $/1M");
    case ModelPriceColumn::Output:
        return tr("Output $/1M");
    case ModelPriceColumn::CachedInput:
        return tr("Cached $/1M");
    case ModelPriceColumn::Context:
        return tr("Context");
    case ModelPriceColumn::Lifecycle:
        return tr("Lifecycle");
    case ModelPriceColumn::WorkloadCost:
        return tr("Cost for my workload / month");
    case ModelPriceColumn::AsOf:
        return tr("As of");
    case ModelPriceColumn::Source:
        return tr("Source");
    case ModelPriceColumn::Count:
        break;
    }
    return {};
}

// ---- ModelPriceProxy ----------------------------------------------------------------------------------

ModelPriceProxy::ModelPriceProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void ModelPriceProxy::setFilter(const core::decision::ModelPriceFilter &filter)
{
    m_filter = filter;
    invalidateFilter();
}

QList<core::decision::ModelPriceRow> ModelPriceProxy::visibleRows() const
{
    QList<core::decision::ModelPriceRow> out;
    const auto *source = qobject_cast<const ModelPriceModel *>(sourceModel());
    if (!source)
        return out;
    for (int row = 0; row < rowCount(); ++row)
        out.append(source->rows().at(mapToSource(index(row, 0)).row()));
    return out;
}

bool ModelPriceProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const auto *source = qobject_cast<const ModelPriceModel *>(sourceModel());
    if (!source || sourceParent.isValid())
        return false;
    return core::decision::matches(source->rows().at(sourceRow), m_filter);
}

bool ModelPriceProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const auto *source = qobject_cast<const ModelPriceModel *>(sourceModel());
    if (!source)
        return false;
    // QSortFilterProxyModel reverses lessThan for descending order; core keeps unknowns last either way,
    // so ask core for the ascending relation and pre-flip it for descending.
    const bool ascending = sortOrder() == Qt::AscendingOrder;
    const auto &a = source->rows().at(left.row());
    const auto &b = source->rows().at(right.row());
    const auto column = ModelPriceColumn(left.column());
    const bool less = core::decision::lessThan(a, b, column, ascending);
    return ascending ? less : core::decision::lessThan(b, a, column, ascending);
}

} // namespace lda::ui
