#include "PriceTableModel.h"

#include "util/TextTable.h"

using namespace Qt::StringLiterals;

namespace lda::ui {

PriceTableModel::PriceTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void PriceTableModel::setPrices(const QList<core::pricing::Price> &prices, const QHash<QString, QString> &optionNames,
                                const QHash<QString, QString> &modelNames, const QHash<QString, QString> &providers)
{
    beginResetModel();
    m_prices = prices;
    m_optionNames = optionNames;
    m_modelNames = modelNames;
    m_providers = providers;
    endResetModel();
}

int PriceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_prices.size());
}

int PriceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PriceTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::pricing::Price &p = m_prices.at(index.row());
    const auto money = [](double v) { return core::util::formatUsd(v, v < 1 ? 3 : 2); };
    if (role == ProviderRole)
        return m_providers.value(p.optionId);
    if (role == Qt::ToolTipRole) {
        return tr("%1 on %2\nSource: %3\nAs of: %4 (%5, confidence %6)%7")
            .arg(m_modelNames.value(p.modelId, p.modelId), m_optionNames.value(p.optionId, p.optionId), p.source,
                 p.asOf, core::pricing::originName(p.origin), p.confidence,
                 p.note.isEmpty() ? QString() : u"\n"_s % p.note);
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Input && index.column() <= Batch)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == SortRole) {
        switch (index.column()) {
        case Input:
            return p.inputPerMTok;
        case Output:
            return p.outputPerMTok;
        case CachedInput:
            return p.cachedInputPerMTok.value_or(-1.0);
        case Batch:
            return p.batchDiscount.value_or(-1.0);
        default:
            break;
        }
        role = Qt::DisplayRole;
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Option:
        return m_optionNames.value(p.optionId, p.optionId);
    case Model:
        return m_modelNames.value(p.modelId, p.modelId);
    case Input:
        return money(p.inputPerMTok);
    case Output:
        return money(p.outputPerMTok);
    case CachedInput:
        return p.cachedInputPerMTok ? money(*p.cachedInputPerMTok) : tr("—");
    case Batch:
        return p.batchDiscount ? tr("%1% off").arg(*p.batchDiscount * 100) : tr("—");
    case AsOf:
        return p.asOf;
    case Origin:
        return core::pricing::originName(p.origin);
    case Source:
        return p.source;
    default:
        return {};
    }
}

QVariant PriceTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Option:
        return tr("Option");
    case Model:
        return tr("Model");
    case Input:
        return tr("Input $/M tok");
    case Output:
        return tr("Output $/M tok");
    case CachedInput:
        return tr("Cached input $/M");
    case Batch:
        return tr("Batch");
    case AsOf:
        return tr("As of");
    case Origin:
        return tr("Origin");
    case Source:
        return tr("Source");
    default:
        return {};
    }
}

PriceFilterProxy::PriceFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void PriceFilterProxy::setFilter(const QString &provider, const QString &text)
{
    m_provider = provider;
    m_text = text.trimmed();
    invalidateFilter();
}

bool PriceFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (!m_provider.isEmpty()
        && model->index(sourceRow, 0, sourceParent).data(PriceTableModel::ProviderRole).toString() != m_provider)
        return false;
    if (m_text.isEmpty())
        return true;
    for (int column = 0; column < model->columnCount(sourceParent); ++column) {
        if (model->index(sourceRow, column, sourceParent).data().toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace lda::ui
