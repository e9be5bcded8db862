#include "simulator/cloud/ItemSnapshots.h"

namespace Dawiso::Simulator {

std::shared_ptr<const ItemSnapshots::Snapshot> ItemSnapshots::find(quint64 id, const QString &key) const
{
    for (const auto &snapshot : m_recent) {
        if (snapshot->id == id && snapshot->key == key)
            return snapshot;
    }
    return nullptr;
}

std::shared_ptr<const ItemSnapshots::Snapshot> ItemSnapshots::add(const QString &key, QList<Entry> entries)
{
    auto snapshot = std::make_shared<Snapshot>();
    snapshot->id = m_nextId++;
    snapshot->key = key;
    snapshot->entries = std::move(entries);
    if (m_recent.size() >= kept)
        m_recent.removeFirst();
    m_recent.append(snapshot);
    return snapshot;
}

} // namespace Dawiso::Simulator
