#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <functional>
#include <optional>

namespace Dawiso::Simulator {

// The server side of NTLM over HTTP (MS-NLMP), as the Windows authentication of Qlik Sense's proxy does it: a
// Negotiate message (Type 1) gets a Challenge (Type 2) with a fresh server challenge and the site's target info; an
// Authenticate message (Type 3) is accepted only with an NTLMv2 response that proves the user's password. NTLMv1 and
// anonymous messages are refused. The challenges issued are remembered for a short while and an Authenticate message
// is checked against each of them, so that the handshake does not depend on staying on one HTTP connection; each
// challenge is good for one sign-in.
class NtlmVerifier
{
public:
    struct Identity
    {
        QString domain; // as the client sent it, e.g. "CORP"
        QString user; // e.g. "qlikadmin"
    };
    // The password of domain\user, or nullopt when the site has no such user (or the user has no password).
    using PasswordLookup = std::function<std::optional<QString>(const QString &domain, const QString &user)>;

    // domain: the NetBIOS domain the Challenge names ("CORP"); server: the computer name ("QLIKSERVER1");
    // dnsDomain: its DNS domain ("corp.example").
    NtlmVerifier(const QString &domain, const QString &server, const QString &dnsDomain);

    // The message type (1, 2 or 3) of a decoded NTLM message; 0 when it is none.
    static int messageType(const QByteArray &message);
    // The Challenge message for a Negotiate message (the challenge is remembered).
    QByteArray challenge();
    // Who the Authenticate message proves to be, or nullopt.
    std::optional<Identity> verify(const QByteArray &authenticate, const PasswordLookup &passwordOf);

private:
    void forgetExpired();

    QString m_domain;
    QString m_server;
    QString m_dnsDomain;
    QHash<QByteArray, qint64> m_challenges; // server challenge -> expiry (ms since the epoch)
};

} // namespace Dawiso::Simulator
