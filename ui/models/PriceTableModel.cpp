#include "PriceTableModel.h"

#include "util/TextTable.h"

#include <QBrush>
#include <QColor>

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

QList<core::pricing::PriceSearch::Row> PriceTableModel::searchRows() const
{
    QList<core::pricing::PriceSearch::Row> rows;
    rows.reserve(m_prices.size());
    for (const core::pricing::Price &p : m_prices) {
        rows.append({m_providers.value(p.optionId),
                     {m_optionNames.value(p.optionId, p.optionId), p.optionId, m_modelNames.value(p.modelId, p.modelId),
                      p.modelId, p.asOf, core::pricing::originName(p.origin), statusText(p), p.source}});
    }
    return rows;
}

int PriceTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_prices.size());
}

int PriceTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PriceTableModel::statusText(const core::pricing::Price &p) const
{
    QStringList parts;
    if (p.origin == core::pricing::PriceOrigin::Override)
        parts.append(tr("your price"));
    if (p.stale)
        parts.append(tr("stale"));
    if (p.sourcesDisagree)
        parts.append(tr("sources disagree"));
    return parts.join(u", "_s);
}

QVariant PriceTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::pricing::Price &p = m_prices.at(index.row());
    const auto money = [](double v) { return core::util::formatUsd(v, v < 1 ? 3 : 2); };
    if (role == ProviderRole)
        return m_providers.value(p.optionId);
    if (role == OptionIdRole)
        return p.optionId;
    if (role == ModelIdRole)
        return p.modelId;
    if (role == Qt::ToolTipRole) {
        QString tip = tr("%1 on %2\nSource: %3\nAs of: %4 (%5, confidence %6)")
                          .arg(m_modelNames.value(p.modelId, p.modelId), m_optionNames.value(p.optionId, p.optionId),
                               p.source, p.asOf, core::pricing::originName(p.origin), p.confidence);
        if (p.stale)
            tip += u'\n' % tr("Stale: older than %1 days; check the provider's price page or import a newer file.")
                               .arg(core::pricing::PriceCatalogue::kStaleAfterDays);
        if (p.sourcesDisagree)
            tip += u'\n' % tr("Sources disagree by more than 5%: %1").arg(p.disagreement);
        if (!p.note.isEmpty())
            tip += u'\n' % p.note;
        return tip;
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Input && index.column() <= Batch)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == Status) {
        if (p.sourcesDisagree || p.stale)
            return QBrush(QColor(0xb4, 0x53, 0x09)); // amber, readable on light and dark bases
        if (p.origin == core::pricing::PriceOrigin::Override)
            return QBrush(QColor(0x1d, 0x4e, 0xd8));
        return {};
    }
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
    case Status:
        return statusText(p);
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
    case Status:
        return tr("Status");
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

void PriceFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    if (sourceModel())
        disconnect(sourceModel(), nullptr, this, nullptr);
    QSortFilterProxyModel::setSourceModel(model);
    if (model) {
        // The base class reacts to these first (its connections are older); rebuilding the bits and
        // invalidating again makes the final mapping use the new rows.
        connect(model, &QAbstractItemModel::modelReset, this, &PriceFilterProxy::rebuild);
        connect(model, &QAbstractItemModel::rowsInserted, this, &PriceFilterProxy::rebuild);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &PriceFilterProxy::rebuild);
    }
    rebuild();
}

void PriceFilterProxy::rebuild()
{
    const auto *prices = qobject_cast<const PriceTableModel *>(sourceModel());
    m_search.setRows(prices ? prices->searchRows() : QList<core::pricing::PriceSearch::Row>());
    m_accepted = m_search.match(m_provider, m_text);
    invalidateFilter();
}

void PriceFilterProxy::setFilter(const QString &provider, const QString &text)
{
    m_provider = provider;
    m_text = text.trimmed();
    m_accepted = m_search.match(m_provider, m_text);
    invalidateFilter();
}

bool PriceFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    return !sourceParent.isValid() && sourceRow < m_accepted.size() && m_accepted.testBit(sourceRow);
}

} // namespace lda::ui
