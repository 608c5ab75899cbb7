#pragma once

#include "UiServices.h"

#include <QWidget>

#include <optional>
#include <utility>

class QLabel;
class QLineEdit;
class QComboBox;
class QCheckBox;
class QTableView;
class QTextBrowser;
class QListWidget;
class QSortFilterProxyModel;
class QVBoxLayout;

namespace lda::ui {

class ComparisonModel;
class PriceTableModel;
class PriceFilterProxy;

// Guide: loads the WebEngine viewer plugin on first show.
class GuidePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuidePage)
public:
    explicit GuidePage(const UiServices &services, QWidget *parent = nullptr);
    [[nodiscard]] bool viewerLoaded() const { return m_viewer != nullptr; }
    // The plugin file looked for: the base name in the plugin folder; Qt adds the platform suffix.
    [[nodiscard]] static QString pluginBaseName(const QString &pluginDir);

public Q_SLOTS:
    // Shows `path` (a guide page, e.g. "02-AWS/01-AWS-Bedrock.md") at `anchor`. Before the viewer is
    // loaded (on first show) the request waits, and the viewer opens it instead of the home page.
    void openPage(const QString &path, const QString &anchor = {});
    // The same for "path#anchor", as the wizard's guide links give it.
    void openTarget(const QString &target);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void loadViewer();
    const UiServices &m_services;
    QVBoxLayout *m_layout = nullptr;
    QLabel *m_status = nullptr;
    QWidget *m_viewer = nullptr;
    std::optional<std::pair<QString, QString>> m_pending; // page and anchor asked for before the viewer loaded
};

} // namespace lda::ui
