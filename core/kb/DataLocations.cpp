#include "DataLocations.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace lda::core::kb {

static QString prefixDir()
{
    return QDir(QCoreApplication::applicationDirPath() % u"/.."_s).absolutePath();
}

QString defaultKnowledgeBasePath()
{
    return prefixDir() % u'/' % QStringLiteral(LDA_DATA_SUBDIR) % u"/knowledge.db"_s;
}

QString defaultUserDatabasePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) % u"/user.db"_s;
}

QString pluginDirectory()
{
    return prefixDir() % u'/' % QStringLiteral(LDA_PLUGIN_SUBDIR);
}

} // namespace lda::core::kb
