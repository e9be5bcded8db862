#pragma once

#include <QByteArray>
#include <QMimeData>
#include <QString>

namespace Dawiso {

// Clipboard content that holds a secret: its own copies of it, zeroed when the clipboard lets go of it (cleared, or
// replaced by anything else). QMimeData would otherwise share the caller's buffer, which the caller's wipe then
// cannot zero, and free the secret unwiped.
class SecretMimeData : public QMimeData
{
    Q_OBJECT

public:
    explicit SecretMimeData(const QByteArray &secret);
    ~SecretMimeData() override;

private:
    QByteArray m_secret; // the only buffers holding it: QMimeData's copies share them
    QString m_text;
};

} // namespace Dawiso
