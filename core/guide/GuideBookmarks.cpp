#include "GuideBookmarks.h"

#include "kb/UserDatabase.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace lda::core::guide {

namespace {

// The top of a page is stored as '' (the column is NOT NULL); a null QString would bind as NULL.
QString anchorValue(const QString &anchor)
{
    return anchor.isNull() ? QString(u""_s) : anchor;
}

} // namespace

GuideBookmarks::GuideBookmarks(const kb::UserDatabase &user)
    : m_user(user)
{
}

QList<Bookmark> GuideBookmarks::all() const
{
    QList<Bookmark> result;
    QSqlQuery q(m_user.database());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT id, page, anchor, title, created_at FROM bookmarks ORDER BY created_at DESC, id DESC"_s))
        return result;
    while (q.next())
        result.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                       q.value(4).toString()});
    return result;
}

bool GuideBookmarks::contains(const QString &page, const QString &anchor) const
{
    QSqlQuery q(m_user.database());
    q.prepare(u"SELECT 1 FROM bookmarks WHERE page = ? AND anchor = ?"_s);
    q.addBindValue(page);
    q.addBindValue(anchorValue(anchor));
    return q.exec() && q.next();
}

bool GuideBookmarks::add(const QString &page, const QString &anchor, const QString &title)
{
    QSqlQuery q(m_user.database());
    q.prepare(u"INSERT INTO bookmarks(page, anchor, title, created_at) VALUES(?, ?, ?, ?)"
              " ON CONFLICT(page, anchor) DO UPDATE SET title = excluded.title"_s);
    q.addBindValue(page);
    q.addBindValue(anchorValue(anchor));
    q.addBindValue(title);
    q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    return q.exec();
}

bool GuideBookmarks::remove(const QString &page, const QString &anchor)
{
    QSqlQuery q(m_user.database());
    q.prepare(u"DELETE FROM bookmarks WHERE page = ? AND anchor = ?"_s);
    q.addBindValue(page);
    q.addBindValue(anchorValue(anchor));
    return q.exec();
}

} // namespace lda::core::guide
