#pragma once

#include "UiServices.h"

#include <QMainWindow>

class QListWidget;
class QStackedWidget;

namespace lda::ui {

// The frame: a navigation list on the left (Wizard, Compare, Costs, Prices, Guide, Scenarios), the
// pages in a stack, the knowledge-base version and price date in the status bar.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    explicit MainWindow(const UiServices &services, QWidget *parent = nullptr);

    // Page ids as used by --page: wizard, compare, costs, prices, guide, scenarios.
    [[nodiscard]] static const QStringList &pageIds();
    void showPage(const QString &pageId);
    [[nodiscard]] QString currentPageId() const;
    [[nodiscard]] QWidget *page(const QString &pageId) const;
    // Opens a workload/scenario file on the Costs page or a wizard answers file in the Wizard (its
    // result), as `llm-deploy-advisor FILE` and the file manager do. False, with a one-line `error`
    // naming the file and the problem, when it is missing, unreadable or malformed; nothing changes then.
    bool openFile(const QString &path, QString *error);
    // Shows the guide at "page.md#anchor" (the guide links of the Wizard and Compare pages).
    void openGuide(const QString &target);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void showAbout();
    QWidget *createPage(int index);

    UiServices m_services;
    QListWidget *m_nav = nullptr;
    QStackedWidget *m_stack = nullptr;
    QList<QWidget *> m_pages; // created on first visit so start-up stays fast
};

} // namespace lda::ui
