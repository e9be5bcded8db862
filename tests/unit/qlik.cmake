dqs_add_test(NAME tst_qlikjson SOURCES tst_qlikjson.cpp LIBS dawiso_core)
dqs_add_test(NAME tst_requestfailure SOURCES tst_requestfailure.cpp LIBS dawiso_core dawiso_simulator)
