# tests for token
dqs_add_test(NAME tst_apikeytoken SOURCES tst_apikeytoken.cpp LIBS dawiso_core)
