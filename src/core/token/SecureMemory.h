#pragma once

#include <QByteArray>
#include <QString>

namespace Dawiso {

// Overwrites secret buffers before their memory goes back to the allocator.
//
// Qt containers share their buffers implicitly. wipe() zeroes a buffer only when this object is its sole owner;
// a buffer that is still shared is merely released here, because its other owner will wipe it in turn (and
// detaching first would only create one more copy of the secret). Buffers that wrap foreign memory
// (QByteArray::fromRawData) are released without being written to.
class SecureMemory
{
public:
    SecureMemory() = delete;

    // Zeroes the whole allocation (not just size()) and leaves the container empty.
    static void wipe(QByteArray &buffer);
    static void wipe(QString &buffer);
};

} // namespace Dawiso
