#include "MainWindow.h"

#include "compare/ComparePage.h"
#include "costs/CostsPage.h"
#include "guideview/GuidePage.h"
#include "prices/PricesPage.h"
#include "scenarios/ScenariosPage.h"
#include "wizard/WizardPage.h"
#include "kb/KnowledgeBase.h"
#include "scenario/InputFile.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace lda::ui {

const QStringList &MainWindow::pageIds()
{
    static const QStringList ids = {u"wizard"_s, u"compare"_s, u"costs"_s, u"prices"_s, u"guide"_s, u"scenarios"_s};
    return ids;
}

MainWindow::MainWindow(const UiServices &services, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
{
    setWindowTitle(QStringLiteral(LDA_APP_NAME));
    setWindowIcon(QIcon(u":/icons/app.svg"_s));
    setObjectName(u"mainWindow"_s);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_nav = new QListWidget(central);
    m_nav->setObjectName(u"navigation"_s);
    m_nav->setFrameShape(QFrame::NoFrame);
    m_nav->setIconSize(QSize(20, 20));
    m_nav->setSpacing(2);
    m_nav->setFixedWidth(170);
    m_nav->setAccessibleName(tr("Pages"));
    const QList<std::pair<QString, QString>> entries = {
        {tr("Wizard"), u":/icons/wizard.svg"_s}, {tr("Compare"), u":/icons/compare.svg"_s},
        {tr("Costs"), u":/icons/costs.svg"_s},   {tr("Prices"), u":/icons/prices.svg"_s},
        {tr("Guide"), u":/icons/guide.svg"_s},   {tr("Scenarios"), u":/icons/scenarios.svg"_s},
    };
    for (qsizetype i = 0; i < entries.size(); ++i) {
        auto *item = new QListWidgetItem(QIcon(entries[i].second), entries[i].first, m_nav);
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(entries[i].first).arg(i + 1));
        item->setSizeHint(QSize(160, 36));
    }
    m_stack = new QStackedWidget(central);
    for (qsizetype i = 0; i < entries.size(); ++i) {
        m_pages.append(nullptr);
        m_stack->addWidget(new QWidget(m_stack)); // replaced by the real page on first visit
    }
    layout->addWidget(m_nav);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    connect(m_nav, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        createPage(row);
        m_stack->setCurrentIndex(row);
    });

    createActions();

    const core::kb::KbMeta &meta = m_services.kb->meta();
    auto *kbLabel = new QLabel(tr("Knowledge base %1").arg(meta.kbVersion), this);
    auto *pricesLabel = new QLabel(tr("Prices as of %1").arg(meta.pricesAsOf), this);
    pricesLabel->setObjectName(u"pricesAsOf"_s);
    statusBar()->addPermanentWidget(pricesLabel);
    statusBar()->addPermanentWidget(kbLabel);
    for (const QString &message : std::as_const(m_services.startupMessages))
        statusBar()->showMessage(message, 15000);

    QSettings settings;
    if (!restoreGeometry(settings.value(u"window/geometry"_s).toByteArray()))
        resize(1200, 780);
    restoreState(settings.value(u"window/state"_s).toByteArray());
    const int last = pageIds().indexOf(settings.value(u"window/page"_s, u"wizard"_s).toString());
    m_nav->setCurrentRow(last < 0 || last == 4 ? 0 : last); // the guide opens on request, not at start-up
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    for (int i = 0; i < m_nav->count(); ++i) {
        QAction *a = go->addAction(m_nav->item(i)->text(), this, [this, i]() { m_nav->setCurrentRow(i); });
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About %1").arg(QStringLiteral(LDA_APP_NAME)), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

QWidget *MainWindow::createPage(int index)
{
    if (index < 0 || index >= m_pages.size())
        return nullptr;
    if (m_pages[index])
        return m_pages[index];
    QWidget *page = nullptr;
    switch (index) {
    case 0: {
        auto *wizard = new WizardPage(m_services, m_stack);
        connect(wizard, &WizardPage::guideRequested, this, &MainWindow::openGuide);
        page = wizard;
        break;
    }
    case 1: {
        auto *compare = new ComparePage(m_services, m_stack);
        connect(compare, &ComparePage::guideRequested, this, &MainWindow::openGuide);
        page = compare;
        break;
    }
    case 2:
        page = new CostsPage(m_services, m_stack);
        break;
    case 3:
        page = new PricesPage(m_services, m_stack);
        break;
    case 4:
        page = new GuidePage(m_services, m_stack);
        break;
    default: {
        auto *scenarios = new ScenariosPage(m_services, m_stack);
        connect(scenarios, &ScenariosPage::openInCosts, this, [this](const core::scenario::Workload &w) {
            if (auto *costs = qobject_cast<CostsPage *>(createPage(2)))
                costs->setWorkload(w);
            showPage(u"costs"_s);
        });
        page = scenarios;
        break;
    }
    }
    page->setObjectName(pageIds().at(index) % u"Page"_s);
    QWidget *stub = m_stack->widget(index);
    m_stack->insertWidget(index, page);
    m_stack->removeWidget(stub);
    stub->deleteLater();
    m_pages[index] = page;
    return page;
}

void MainWindow::showPage(const QString &pageId)
{
    const int index = int(pageIds().indexOf(pageId));
    if (index >= 0)
        m_nav->setCurrentRow(index);
}

bool MainWindow::openFile(const QString &path, QString *error)
{
    auto *wizard = qobject_cast<WizardPage *>(createPage(0));
    const core::scenario::InputFileResult r = core::scenario::readInputFile(path, wizard->decisionTree());
    if (!r.ok()) {
        *error = r.error;
        return false;
    }
    if (r.file->kind == core::scenario::InputFile::Kind::Workload) {
        qobject_cast<CostsPage *>(createPage(2))->setWorkload(*r.file->workload);
        showPage(u"costs"_s);
    } else {
        wizard->setAnswers(*r.file->answers);
        wizard->finish();
        showPage(u"wizard"_s);
    }
    return true;
}

void MainWindow::openGuide(const QString &target)
{
    qobject_cast<GuidePage *>(createPage(4))->openTarget(target);
    showPage(u"guide"_s);
}

QString MainWindow::currentPageId() const
{
    return pageIds().value(m_nav->currentRow());
}

QWidget *MainWindow::page(const QString &pageId) const
{
    return m_pages.value(pageIds().indexOf(pageId));
}

void MainWindow::showAbout()
{
    const core::kb::KbMeta &meta = m_services.kb->meta();
    QMessageBox::about(this, tr("About %1").arg(QStringLiteral(LDA_APP_NAME)),
                       tr("<h3>%1 %2</h3><p>Decide how to deploy Large Language Models on AWS, Azure and Google "
                          "Cloud, what it will cost and how to run it well — fully offline.</p>"
                          "<p>Knowledge base %3<br>Prices as of %4, GPU rates as of %5<br>Every price names its "
                          "source; see the Prices page.</p><p>Built with Qt %6, SQLite and md4c.</p>")
                           .arg(QStringLiteral(LDA_APP_NAME), QStringLiteral(LDA_VERSION), meta.kbVersion,
                                meta.pricesAsOf, meta.gpusAsOf, QString::fromLatin1(qVersion())));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    settings.setValue(u"window/page"_s, currentPageId());
    event->accept();
}

} // namespace lda::ui
