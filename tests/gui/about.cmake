# The About dialog (version, licences, link to the source) and the wizard's About button. The expected version and
# address come straight from project(), not from the definitions the application itself is built with.
dqs_add_test(NAME tst_aboutdialog SOURCES tst_aboutdialog.cpp LIBS dawiso_gui dawiso_practice_server)
target_compile_definitions(tst_aboutdialog PRIVATE
    DQS_TEST_PROJECT_VERSION="${PROJECT_VERSION}"
    DQS_TEST_HOMEPAGE="${PROJECT_HOMEPAGE_URL}")
