#pragma once

#include "practice/PracticeCredentials.h"
#include "practice/PracticeSite.h"

#include <QByteArray>
#include <QSslCertificate>
#include <QString>
#include <QUrl>
#include <QtPlugin>

#include <memory>

namespace Dawiso {

// The simulated Qlik Cloud tenant of a practice run, as the wizard sees it. The simulator behind it lives in a
// plugin (src/practice) that only a practice run loads: a normal run loads no HTTP server and no libcrypto.
class PracticeServer
{
public:
    // The sample API keys a practice run offers on the key page.
    enum class Sample { Healthy, TenantAdmin, GroupAdmin, ExpiringSoon, Revoked, Expired };

    virtual ~PracticeServer() = default;

    // Listens on loopback, on preferredPort when it is free, else on any free port. False when no port opens.
    virtual bool start(quint16 preferredPort) = 0;
    virtual QString hostAndPort() const = 0; // "localhost:<port>"
    virtual QUrl baseUrl() const = 0; // "https://localhost:<port>"
    virtual QSslCertificate certificate() const = 0; // the self-signed certificate it serves, made at start
    virtual QByteArray sampleToken(Sample sample) const = 0;
    virtual PracticeCredentials credentials() const = 0;
    // Does in this process, without HTTP, what a person's browser does from the authorization URL on (its redirect
    // to the tenant's sign-in page and the form there): authorizationUrl is the address the browser would open
    // (AuthorizationCodeSignIn::authorizationUrl()). Returns the redirect the browser would then follow to the
    // wizard's loopback listener (with code and state, or with the tenant's error and state), or an empty URL with a
    // sentence for people in *problem (a wrong e-mail or password, an address that is not this tenant's
    // authorization endpoint).
    virtual QUrl completeSignIn(const QUrl &authorizationUrl, const QString &email, const QString &password,
                                QString *problem) = 0;
};

// What the practice plugin's root object implements.
class PracticeServerFactory
{
public:
    virtual ~PracticeServerFactory() = default;
    virtual std::unique_ptr<PracticeServer> createServer() = 0;
    virtual std::unique_ptr<PracticeSite> createSite() = 0;
};

} // namespace Dawiso

// The version changes with the virtual functions of PracticeServer, PracticeSite and the factory, so that a stale
// plugin is refused, not called.
#define DawisoPracticeServerFactory_iid "com.dawiso.QlikSetup.PracticeServerFactory/3"
Q_DECLARE_INTERFACE(Dawiso::PracticeServerFactory, DawisoPracticeServerFactory_iid)
