# OAuth sign-in (authorization code + PKCE through a loopback listener, client credentials) against the simulator.
dqs_add_test(NAME tst_oauthsignin SOURCES tst_oauthsignin.cpp LIBS dawiso_core dawiso_simulator Qt6::Network)
