#include "qrs/Xrfkey.h"

#include <QRandomGenerator>

namespace Dawiso {

namespace {

constexpr char alphabet[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr int alphabetSize = int(sizeof(alphabet)) - 1;

} // namespace

QByteArray Xrfkey::generate()
{
    QByteArray key(length, Qt::Uninitialized);
    for (char &character : key)
        character = alphabet[QRandomGenerator::system()->bounded(alphabetSize)];
    return key;
}

bool Xrfkey::isWellFormed(const QByteArray &value)
{
    if (value.size() != length)
        return false;
    for (const char character : value) {
        const bool allowed = (character >= '0' && character <= '9') || (character >= 'a' && character <= 'z')
            || (character >= 'A' && character <= 'Z');
        if (!allowed)
            return false;
    }
    return true;
}

} // namespace Dawiso
