#include "GuidePage.h"

#include "PageHelpers.h"
#include "guideview/GuideViewFactory.h"
#include "kb/KnowledgeBase.h"
#include "kb/UserDatabase.h"
#include "models/ComparisonModel.h"
#include "models/PriceTableModel.h"
#include "pricing/PriceCatalogue.h"
#include "util/TextTable.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPluginLoader>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QSqlQuery>
#include <QStandardItemModel>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace lda::ui {

namespace {

QString pluginSuffixes()
{
#if defined(Q_OS_WIN)
    return QStringLiteral(".dll");
#elif defined(Q_OS_DARWIN)
    return QStringLiteral(".dylib, .so or .bundle");
#else
    return QStringLiteral(".so");
#endif
}

} // namespace

GuidePage::GuidePage(const UiServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
{
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_status = new QLabel(tr("Opening the guide…"), this);
    m_status->setAlignment(Qt::AlignCenter);
    m_status->setWordWrap(true);
    m_layout->addWidget(m_status);
}

void GuidePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_viewer)
        loadViewer();
}

QString GuidePage::pluginBaseName(const QString &pluginDir)
{
    // No suffix: QPluginLoader tries the platform's (.so, .dll, .dylib/.so/.bundle) after the name as
    // given. The "lib" prefix is the file's on every platform (ui/CMakeLists.txt sets PREFIX "lib").
    return pluginDir % u"/liblda_guideview"_s;
}

void GuidePage::loadViewer()
{
    const QString baseName = pluginBaseName(m_services.pluginDir);
    QPluginLoader loader(baseName);
    QObject *instance = loader.instance();
    auto *factory = qobject_cast<GuideViewFactory *>(instance);
    if (!factory) {
        // fileName() is empty when no file matched; name what was looked for either way.
        const QString tried = loader.fileName().isEmpty()
            ? tr("%1 (with the suffix %2)").arg(QDir::toNativeSeparators(baseName), pluginSuffixes())
            : QDir::toNativeSeparators(loader.fileName());
        const QString why = instance ? tr("It is not a guide viewer plugin (%1).").arg(QStringLiteral(LdaGuideViewFactory_iid))
                                     : loader.errorString();
        m_status->setText(tr("The guide viewer could not be loaded.\nTried: %1\n%2").arg(tried, why));
        return;
    }
    m_viewer = factory->createGuideView(m_services, this);
    m_layout->addWidget(m_viewer);
    m_status->hide();
    if (m_pending) {
        const auto [path, anchor] = *std::exchange(m_pending, std::nullopt);
        openPage(path, anchor);
    }
}

void GuidePage::openPage(const QString &path, const QString &anchor)
{
    if (!m_viewer) {
        m_pending = std::make_pair(path, anchor);
        return;
    }
    // GuideViewFactory.h: the viewer widget has the slot openPage(QString path, QString anchor).
    if (!QMetaObject::invokeMethod(m_viewer, "openPage", Q_ARG(QString, path), Q_ARG(QString, anchor)))
        qWarning("GuidePage: the guide viewer has no slot openPage(QString,QString)");
}

void GuidePage::openTarget(const QString &target)
{
    const qsizetype hash = target.indexOf(u'#');
    openPage(hash < 0 ? target : target.left(hash), hash < 0 ? QString() : target.mid(hash + 1));
}

} // namespace lda::ui
