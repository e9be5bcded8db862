#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Dawiso::Simulator {

// Opaque page cursors for the lists (users, roles, spaces, items): base64url of a position plus a MAC made with a
// per-instance secret, so a client can neither build nor alter one (Qlik's cursors are opaque too). A cursor is bound
// to its list, so a users cursor is rejected by the roles list.
class CursorCodec
{
public:
    struct Position
    {
        QString list;
        int offset = 0;
    };

    CursorCodec();
    ~CursorCodec();
    CursorCodec(const CursorCodec &) = delete;
    CursorCodec &operator=(const CursorCodec &) = delete;

    QString encode(const QString &list, int offset) const;
    // The offset, or nullopt for anything this instance did not issue for that list.
    std::optional<int> decode(const QString &list, const QString &cursor) const;
    // The list and offset of any cursor this instance issued, for lists whose name carries state (a snapshot id).
    std::optional<Position> decode(const QString &cursor) const;

private:
    QByteArray mac(const QByteArray &payload) const;

    QByteArray m_secret;
};

} // namespace Dawiso::Simulator
