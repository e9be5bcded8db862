#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Dawiso::Simulator {

// Opaque page cursors for the users and roles lists: base64url of a position plus a MAC made with a per-instance
// secret, so a client can neither build nor alter one (Qlik's cursors are opaque too). A cursor is bound to its
// list, so a users cursor is rejected by the roles list.
class CursorCodec
{
public:
    CursorCodec();
    ~CursorCodec();
    CursorCodec(const CursorCodec &) = delete;
    CursorCodec &operator=(const CursorCodec &) = delete;

    QString encode(const QString &list, int offset) const;
    // The offset, or nullopt for anything this instance did not issue for that list.
    std::optional<int> decode(const QString &list, const QString &cursor) const;

private:
    QByteArray mac(const QByteArray &payload) const;

    QByteArray m_secret;
};

} // namespace Dawiso::Simulator
