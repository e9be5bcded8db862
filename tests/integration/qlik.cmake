dqs_add_test(NAME tst_qlikcloudclient SOURCES tst_qlikcloudclient.cpp LIBS dawiso_core dawiso_simulator Qt6::Network)
