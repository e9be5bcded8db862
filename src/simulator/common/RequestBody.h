#pragma once

#include "simulator/common/SimRequest.h"

#include <QHash>
#include <QJsonDocument>
#include <QString>

#include <optional>

namespace Dawiso::Simulator {

// Reads a request body the way Qlik's services accept it. Every failure gives a sentence for the 400 answer.
class RequestBody
{
public:
    // A JSON document; the Content-Type must be application/json.
    static std::optional<QJsonDocument> json(const SimRequest &request, QString *error);

    // Named string fields from application/x-www-form-urlencoded ('+' is a space, names may not repeat: RFC 6749
    // §3.2) or, when jsonToo, from a JSON object whose values are strings (Qlik Cloud's /oauth/token accepts both).
    static std::optional<QHash<QString, QString>> fields(const SimRequest &request, bool jsonToo, QString *error);

private:
    static std::optional<QHash<QString, QString>> formFields(const QByteArray &body, QString *error);
};

} // namespace Dawiso::Simulator
