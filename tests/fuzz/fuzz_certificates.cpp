// A Qlik Sense Enterprise certificate export as the person picks its files, read by the loader the wizard uses.
// The first byte picks the format and the passphrase; the rest is split into files at each line "%%":
//   bit 0 clear: the PEM export: client.pem, client_key.pem and root.pem (a missing part is an empty file)
//   bit 0 set:   the Windows export: client.pfx and, when there is a second part, root.cer
//   bit 1 set:   with the passphrase or password "qlik"

#include "qrs/CertificateBundleLoader.h"

#include <QFile>
#include <QTemporaryDir>

#include <cstdint>

namespace {

QString write(const QTemporaryDir &directory, const QString &name, const QByteArray &contents)
{
    const QString path = directory.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(contents);
    return path;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    static const QTemporaryDir directory;
    const QByteArray input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    QList<QByteArray> parts;
    qsizetype from = 0;
    for (qsizetype at = input.indexOf("\n%%\n"); at >= 0; at = input.indexOf("\n%%\n", from)) {
        parts << input.mid(from, at - from + 1);
        from = at + 4;
    }
    parts << input.mid(from);
    const QByteArray passphrase = data[0] & 2 ? QByteArrayLiteral("qlik") : QByteArray();
    if (data[0] & 1) {
        const QString pfx = write(directory, QStringLiteral("client.pfx"), parts.value(0));
        const QString root =
            parts.size() > 1 ? write(directory, QStringLiteral("root.cer"), parts.value(1)) : QString();
        Dawiso::CertificateBundleLoader::fromPkcs12(pfx, passphrase, root);
    } else {
        Dawiso::CertificateBundleLoader::fromPem(write(directory, QStringLiteral("client.pem"), parts.value(0)),
                                                 write(directory, QStringLiteral("client_key.pem"), parts.value(1)),
                                                 write(directory, QStringLiteral("root.pem"), parts.value(2)),
                                                 passphrase);
    }
    return 0;
}
