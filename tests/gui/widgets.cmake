# Reusable widgets, the certificate trust dialog and the secret clipboard, driven with QTest on the offscreen
# platform (which has an in-process clipboard).
dqs_add_test(NAME tst_messagepanel SOURCES tst_messagepanel.cpp LIBS dawiso_gui)
dqs_add_test(NAME tst_certificatedialog SOURCES tst_certificatedialog.cpp LIBS dawiso_gui)
dqs_add_test(NAME tst_secretclipboard SOURCES tst_secretclipboard.cpp LIBS dawiso_gui)
