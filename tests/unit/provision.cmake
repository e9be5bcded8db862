dqs_add_test(NAME tst_provisionrules SOURCES tst_provisionrules.cpp LIBS dawiso_core)
