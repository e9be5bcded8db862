# tests for host
dqs_add_test(NAME tst_hostparser SOURCES tst_hostparser.cpp LIBS dawiso_core)
