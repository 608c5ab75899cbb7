#include "ComparisonModel.h"

#include <QFont>
#include <QSet>

using namespace Qt::StringLiterals;

namespace lda::ui {

ComparisonModel::ComparisonModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ComparisonModel::setData(const QList<core::kb::DeploymentOption> &options,
                              const QList<core::kb::Criterion> &criteria)
{
    beginResetModel();
    m_options = options;
    m_criteria = criteria;
    endResetModel();
}

int ComparisonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_criteria.size());
}

int ComparisonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_options.size());
}

bool ComparisonModel::rowDiffers(int row) const
{
    QSet<QString> values;
    for (const core::kb::DeploymentOption &o : m_options)
        values.insert(m_criteria.at(row).values.value(o.id));
    return values.size() > 1;
}

QVariant ComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::kb::Criterion &c = m_criteria.at(index.row());
    const core::kb::DeploymentOption &o = m_options.at(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return c.values.value(o.id);
    case Qt::ToolTipRole:
        return QString(o.name % u" — "_s % c.name % u"\n"_s % c.values.value(o.id));
    case DiffersRole:
        return rowDiffers(index.row());
    case CategoryRole:
        return c.category;
    default:
        return {};
    }
}

QVariant ComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && section >= 0 && section < m_options.size()) {
        if (role == Qt::DisplayRole)
            return m_options.at(section).name;
        if (role == Qt::ToolTipRole)
            return m_options.at(section).summary;
    }
    if (orientation == Qt::Vertical && section >= 0 && section < m_criteria.size()) {
        if (role == Qt::DisplayRole)
            return m_criteria.at(section).name;
        if (role == Qt::ToolTipRole)
            return m_criteria.at(section).description;
        if (role == Qt::FontRole && rowDiffers(section)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace lda::ui
