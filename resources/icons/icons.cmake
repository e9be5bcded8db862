# Icons compiled into dawiso_gui as ":/icons/<name>.svg" (the lead adds them with qt_add_resources).
# Paths are relative to ${PROJECT_SOURCE_DIR}/resources.
set(DQS_ICON_FILES
    icons/dawiso-qlik-setup.svg
    icons/status-ok.svg
    icons/status-warning.svg
    icons/status-error.svg
    icons/status-info.svg
    icons/status-pending.svg
    icons/show.svg
    icons/hide.svg
    icons/copy.svg
    icons/open-external.svg
    icons/practice.svg
)
