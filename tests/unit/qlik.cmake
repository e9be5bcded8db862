dqs_add_test(NAME tst_qlikjson SOURCES tst_qlikjson.cpp LIBS dawiso_core)
