#pragma once

namespace Dawiso::Simulator {

// How the simulated site's virtual proxies sign a person in. Ntlm: Windows authentication for clients whose
// User-Agent names Windows, the form for the others, as Qlik's windowsAuthenticationEnabledDevicePattern does.
// Forms: the form for every client.
enum class WindowsAuthentication { Ntlm, Forms };

} // namespace Dawiso::Simulator
