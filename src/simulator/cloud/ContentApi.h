#pragma once

#include "simulator/cloud/ContentAccess.h"
#include "simulator/cloud/ItemSnapshots.h"
#include "simulator/cloud/SimulatedTenant.h"
#include "simulator/common/SimRequest.h"
#include "simulator/common/SimResponse.h"

#include <QString>

#include <variant>

namespace Dawiso::Simulator {

class CursorCodec;

// The tenant's content as a catalog reads it: GET /api/v1/spaces (https://qlik.dev/apis/rest/spaces/), /api/v1/items
// (https://qlik.dev/apis/rest/items/; app items only), /api/v1/apps/{id} and /api/v1/apps/{id}/data/metadata
// (https://qlik.dev/apis/rest/apps/), seen through ContentAccess. The caller is already authenticated.
class ContentApi
{
public:
    ContentApi(const SimulatedTenant &tenant, const CursorCodec &cursors);

    SimResponse spaces(const SimRequest &request, const ContentAccess &access, const QString &origin) const;
    SimResponse items(const SimRequest &request, const ContentAccess &access, const QString &origin) const;
    SimResponse app(const ContentAccess &access, const QString &appId, const QString &origin) const;
    SimResponse appMetadata(const ContentAccess &access, const QString &appId) const;

private:
    // The app the caller may open, or the 404 / 403 answer.
    std::variant<const SimApp *, SimResponse> openable(const ContentAccess &access, const QString &appId) const;

    const SimulatedTenant &m_tenant;
    const CursorCodec &m_cursors;
    mutable ItemSnapshots m_snapshots; // a cache: answers are the same with or without it
};

} // namespace Dawiso::Simulator
