#pragma once

namespace Dawiso {

// The outcome of a keychain operation, in the terms the wizard reacts to (not the backend's).
enum class SecretStoreError {
    None,
    // No secret is saved under that entry name.
    NotFound,
    // There is no usable keychain: not installed, not running, no login keyring.
    Unavailable,
    // The keychain is locked, or the user or the system refused access.
    AccessDenied,
    // The keychain did not answer in time, often because an unlock prompt is still open.
    TimedOut,
    // The secret is larger than this platform's keychain accepts.
    TooLarge,
    // Anything else.
    Failed,
};

// What a job was asked to do; the messages differ slightly (for example "was not saved anywhere else").
enum class SecretStoreOperation {
    Write,
    Read,
    Delete,
};

} // namespace Dawiso
