#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Dawiso {

// The JWT virtual proxy Dawiso signs in through, as the wizard creates it (POST /qrs/virtualproxyconfig) and as the
// Guide me steps show it for the QMC's Virtual proxies page. Field names follow the QRS VirtualProxyConfig entity:
// https://help.qlik.com/en-US/sense-developer/November2025/Subsystems/RepositoryServiceAPI/Content/Sense_RepositoryServiceAPI/RepositoryServiceAPI-Virtual-Proxy-Create.md
struct VirtualProxySettings
{
    Q_DECLARE_TR_FUNCTIONS(VirtualProxySettings)

public:
    static constexpr int kJwtAuthentication = 4; // the QRS enum: 0 Ticket … 4 JWT, 5 OIDC

    QString prefix = QStringLiteral("dawiso");
    QString description = QStringLiteral("Dawiso data catalog (JWT)");
    QString userIdClaim = QStringLiteral("userId");
    QString userDirectoryClaim = QStringLiteral("userDirectory");
    QStringList allowedHostNames; // the QMC's "Host allow list": names only, no scheme or port
    QString loadBalancingNodeId; // the central node
    QString loadBalancingNodeName; // for people: its host name
    QByteArray certificatePem; // the X.509 certificate whose key signs Dawiso's tokens

    // "X-Qlik-Session-dawiso": unique per virtual proxy, so Dawiso's sessions never mix with people's.
    QString sessionCookieHeaderName() const;

    // Why the prefix cannot be used, or empty: lower case letters, digits and - . _ ~ only.
    static QString prefixProblem(const QString &prefix);

    // The body of POST /qrs/virtualproxyconfig.
    QJsonObject toEntity() const;
    // An existing virtual proxy (reused) with these settings applied: every other property kept, as a PUT needs.
    QJsonObject appliedTo(QJsonObject entity) const;
    // What an existing virtual proxy does differently, one plain sentence each; empty when it is what Dawiso needs.
    QStringList differences(const QJsonObject &entity) const;

    // One row of the Guide me steps: the QMC field and what to enter in it.
    struct QmcField
    {
        QString section;
        QString field;
        QString value;
    };
    QList<QmcField> qmcFields() const;
};

} // namespace Dawiso
