// The login page a Qlik Sense Enterprise proxy shows for forms authentication, read for its form and error text.

#include "qrs/SignInForm.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray html(reinterpret_cast<const char *>(data), qsizetype(size));
    Dawiso::SignInForm::parse(html, QUrl(QStringLiteral("https://qlik.corp.example/internal_forms_authentication/")));
    return 0;
}
