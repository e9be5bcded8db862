#pragma once

#include <QLabel>

namespace Dawiso {

// The amber "practice run" note at the top of every page while the wizard works against the simulated tenant or site. It
// paints its own rounded box instead of using a style sheet, and holds plain text: a style sheet or rich text would
// cost the first page a few milliseconds of its start-up (--demo), for the same look.
class PracticeBanner : public QLabel
{
    Q_OBJECT

public:
    explicit PracticeBanner(QWidget *parent = nullptr);

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace Dawiso
