#pragma once

#include <QByteArray>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

#include <memory>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

// libcrypto's objects owned the C++ way, and the few conversions between them and Qt's, for the simulators'
// certificate code (CertificateBuilder, KeyExport). Only .cpp files include it: libcrypto stays out of every header
// the product or the tests see.
namespace Dawiso::Simulator::OpenSsl {

struct PkeyDeleter
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct X509Deleter
{
    void operator()(X509 *certificate) const { X509_free(certificate); }
};
struct BioDeleter
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};
struct BignumDeleter
{
    void operator()(BIGNUM *number) const { BN_free(number); }
};
struct Pkcs12Deleter
{
    void operator()(PKCS12 *pkcs12) const { PKCS12_free(pkcs12); }
};
struct X509StackDeleter
{
    void operator()(STACK_OF(X509) * stack) const { sk_X509_pop_free(stack, X509_free); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using X509Ptr = std::unique_ptr<X509, X509Deleter>;
using BioPtr = std::unique_ptr<BIO, BioDeleter>;
using BignumPtr = std::unique_ptr<BIGNUM, BignumDeleter>;
using Pkcs12Ptr = std::unique_ptr<PKCS12, Pkcs12Deleter>;
using X509StackPtr = std::unique_ptr<STACK_OF(X509), X509StackDeleter>;

// "<step> failed: <libcrypto's latest error>", and the error queue cleared.
QString lastError(const char *step);
// What a memory BIO holds.
QByteArray bioContents(BIO *bio);
X509Ptr toX509(const QSslCertificate &certificate);
// The key through PEM; the PEM copy is wiped.
PkeyPtr toPkey(const QSslKey &key);

} // namespace Dawiso::Simulator::OpenSsl
