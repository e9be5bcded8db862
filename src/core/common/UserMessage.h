#pragma once

#include <QString>

namespace Dawiso {

// What a step has to tell the person at the screen: what happened, what to do next, and the technical detail behind
// a "Details" toggle (Qlik's own words, an HTTP status) for support.
struct UserMessage
{
    QString message;
    QString advice;
    QString detail;

    bool isEmpty() const { return message.isEmpty(); }
};

} // namespace Dawiso
