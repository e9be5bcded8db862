# The Qlik Cloud simulator itself, driven over real HTTPS by a plain QNetworkAccessManager.
dqs_add_test(NAME tst_simulator SOURCES tst_simulator.cpp LIBS dawiso_simulator Qt6::Network)
# OAuth sign-in and the write endpoints of the simulator (roles, users PATCH, API keys), over real HTTPS.
dqs_add_test(NAME tst_simulatoroauth SOURCES tst_simulatoroauth.cpp LIBS dawiso_simulator Qt6::Network)
