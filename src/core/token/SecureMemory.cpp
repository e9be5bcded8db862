#include "token/SecureMemory.h"

#include <cstddef>

namespace Dawiso {

namespace {

// Volatile stores may not be optimised away, even though the memory is freed right afterwards.
void zero(void *data, std::size_t length)
{
    volatile unsigned char *bytes = static_cast<unsigned char *>(data);
    for (std::size_t i = 0; i < length; ++i)
        bytes[i] = 0;
}

// The whole allocation, not just size(): shrinking or removing from the front leaves old bytes on either side.
// capacity() alone is not enough because data() may start after free space at the beginning.
template <typename DataPointer>
void zeroAllocation(DataPointer &d)
{
    if (d.isShared())
        return;
    auto *begin = d.data() - d.freeSpaceAtBegin();
    zero(begin, static_cast<std::size_t>(d.constAllocatedCapacity()) * sizeof(*begin));
}

} // namespace

void SecureMemory::wipe(QByteArray &buffer)
{
    zeroAllocation(buffer.data_ptr());
    buffer = QByteArray();
}

void SecureMemory::wipe(QString &buffer)
{
    zeroAllocation(buffer.data_ptr());
    buffer = QString();
}

} // namespace Dawiso
