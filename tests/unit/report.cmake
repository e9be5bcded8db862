# tests for the connection report writer
dqs_add_test(NAME tst_reportwriter SOURCES tst_reportwriter.cpp LIBS dawiso_core)
