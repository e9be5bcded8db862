# tests for secrets
dqs_add_test(NAME tst_connectionindex SOURCES tst_connectionindex.cpp LIBS dawiso_core)
dqs_add_test(NAME tst_secretentryname SOURCES tst_secretentryname.cpp LIBS dawiso_core)
dqs_add_test(NAME tst_secretstoremessages SOURCES tst_secretstoremessages.cpp LIBS dawiso_core)
dqs_add_test(NAME tst_fakesecretstore SOURCES tst_fakesecretstore.cpp LIBS dawiso_core)
