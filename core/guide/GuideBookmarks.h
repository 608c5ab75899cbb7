#pragma once

#include <QList>
#include <QString>

namespace lda::core::kb {
class UserDatabase;
}

namespace lda::core::guide {

struct Bookmark
{
    qlonglong id = 0;
    QString page;   // guide-relative path
    QString anchor; // section, empty for the top of the page
    QString title;
    QString createdAt; // ISO 8601 UTC

    friend bool operator==(const Bookmark &, const Bookmark &) = default;
};

// Guide bookmarks (a page and a section) in user.db's bookmarks table, which exists since schema
// version 1 and is carried forward by every migration, so bookmarks survive upgrades.
class GuideBookmarks final
{
public:
    explicit GuideBookmarks(const kb::UserDatabase &user);

    [[nodiscard]] QList<Bookmark> all() const; // newest first
    [[nodiscard]] bool contains(const QString &page, const QString &anchor) const;
    // Adds or renames; returns false on a database error.
    bool add(const QString &page, const QString &anchor, const QString &title);
    bool remove(const QString &page, const QString &anchor);

private:
    const kb::UserDatabase &m_user;
};

} // namespace lda::core::guide
