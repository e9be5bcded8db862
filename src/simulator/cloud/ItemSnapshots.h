#pragma once

#include "simulator/cloud/SimulatedTenant.h"

#include <QList>
#include <QString>

#include <memory>

namespace Dawiso::Simulator {

// The filtered, sorted list of app items one caller gets for one query, kept while the caller pages through it: the
// first page builds it in O(apps), every further page (its cursor names the snapshot) costs only its own items. A
// 20,000-app tenant is read in 200 pages, so this keeps the simulator from being the slow end of a benchmark.
// Snapshots hold copies, so a test that changes the tenant between pages never leaves one dangling; a walk that
// starts over (no cursor) always sees the tenant as it is now. The most recent few snapshots are kept.
class ItemSnapshots
{
public:
    struct Entry
    {
        SimApp app;
        qsizetype position = 0; // index in the tenant's apps when the snapshot was made (its dates follow from it)
    };

    struct Snapshot
    {
        quint64 id = 0;
        QString key; // the caller and the query, without cursor and limit
        QList<Entry> entries;
    };

    // The snapshot with this id when it was made for the same key; nullptr otherwise.
    std::shared_ptr<const Snapshot> find(quint64 id, const QString &key) const;
    std::shared_ptr<const Snapshot> add(const QString &key, QList<Entry> entries);

private:
    static constexpr int kept = 4;

    QList<std::shared_ptr<const Snapshot>> m_recent; // oldest first
    quint64 m_nextId = 1;
};

} // namespace Dawiso::Simulator
