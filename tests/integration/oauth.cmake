# OAuth sign-in (authorization code + PKCE through a loopback listener, client credentials) against the simulator.
dqs_add_test(NAME tst_oauthsignin SOURCES tst_oauthsignin.cpp LIBS dawiso_core dawiso_simulator Qt6::Network)
# The practice run's sign-in: the practice server completes it in process, the wizard's real listener takes it.
dqs_add_test(NAME tst_practicesignin SOURCES tst_practicesignin.cpp LIBS dawiso_core dawiso_practice_server Qt6::Network)
