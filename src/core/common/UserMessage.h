#pragma once

#include <QString>

namespace Dawiso {

// What a step has to tell the person at the screen: what happened, what to do next, and the technical detail behind
// a "Details" toggle (Qlik's own words, an HTTP status) for support. Every step's result carries one; MessagePanel
// shows it as it is (MessagePanel::show()).
struct UserMessage
{
    // The empty braces let {message} and {message, advice} leave the rest out without a missing-initializer warning.
    QString message {};
    QString advice {};
    QString detail {};

    bool isEmpty() const { return message.isEmpty(); }
};

} // namespace Dawiso
