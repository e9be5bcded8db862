dqs_add_test(NAME tst_qlikcloudclient SOURCES tst_qlikcloudclient.cpp LIBS dawiso_core dawiso_simulator Qt6::Network)
dqs_add_test(NAME tst_hostprobe SOURCES tst_hostprobe.cpp LIBS dawiso_core dawiso_simulator Qt6::Network)
dqs_add_test(NAME tst_keyverifier SOURCES tst_keyverifier.cpp LIBS dawiso_core dawiso_simulator Qt6::Network)
dqs_add_test(NAME tst_setupcontroller SOURCES tst_setupcontroller.cpp LIBS dawiso_core dawiso_simulator Qt6::Network)
