#pragma once

#include "kb/KnowledgeBase.h"

#include <QAbstractTableModel>

namespace lda::ui {

// Options side by side: one row per comparison criterion, one column per chosen option.
class ComparisonModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComparisonModel)
public:
    enum Role { DiffersRole = Qt::UserRole + 1, CategoryRole };

    explicit ComparisonModel(QObject *parent = nullptr);
    void setData(const QList<core::kb::DeploymentOption> &options, const QList<core::kb::Criterion> &criteria);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    [[nodiscard]] bool rowDiffers(int row) const;

private:
    QList<core::kb::DeploymentOption> m_options;
    QList<core::kb::Criterion> m_criteria;
};

} // namespace lda::ui
