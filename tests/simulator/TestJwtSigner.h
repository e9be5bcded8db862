#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

// Signs JSON Web Tokens for the simulated site's tests with libcrypto: an RSA 2048 key made in memory and its
// self-signed certificate, the one a JWT virtual proxy is given. A token it makes is a secret like any other: tests
// never print one.
class TestJwtSigner
{
public:
    TestJwtSigner();

    bool isNull() const { return m_certificate.isNull() || m_key.isNull(); }
    QString errorString() const { return m_errorString; }
    QString certificatePem() const { return QString::fromLatin1(m_certificate.toPem()); }

    // header.claims.signature with header {"alg": alg, "typ": "JWT"}; RS384 and RS512 sign with their hash, any other
    // alg (a wrong one the site must refuse) with SHA-256.
    QByteArray sign(const QJsonObject &claims, const QString &alg = QStringLiteral("RS256")) const;
    // Claims for the user: userId, userDirectory, iat 30 s ago, exp in an hour, a jti.
    static QJsonObject claimsFor(const QString &userDirectory, const QString &userId);

private:
    QSslCertificate m_certificate;
    QSslKey m_key;
    QString m_errorString;
};
