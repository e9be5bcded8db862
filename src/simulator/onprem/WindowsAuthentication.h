#pragma once

namespace Dawiso::Simulator {

// How the simulated site's virtual proxies sign a person in. Forms: the form Qlik shows where Windows authentication
// is not possible.
enum class WindowsAuthentication { Forms };

} // namespace Dawiso::Simulator
