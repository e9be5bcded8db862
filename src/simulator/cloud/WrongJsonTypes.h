#pragma once

#include "simulator/common/SimResponse.h"

namespace Dawiso::Simulator {

// Breaks a list answer's types while keeping it valid JSON, for clients that must not trust a field's type: in every
// entry of "data", "name" becomes [] and "spaceId" becomes {}, every other string becomes a number (7) and every
// object an array ([]). "id" is kept so that a client can still say which entry was bad; links are kept so that
// paging still works. Anything that is not a JSON object with a "data" array is returned unchanged.
class WrongJsonTypes
{
public:
    static SimResponse apply(const SimResponse &response);
};

} // namespace Dawiso::Simulator
