# The Qlik Cloud simulator itself, driven over real HTTPS by a plain QNetworkAccessManager.
dqs_add_test(NAME tst_simulator SOURCES tst_simulator.cpp LIBS dawiso_simulator Qt6::Network)
