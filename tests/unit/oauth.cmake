# OAuth sign-in building blocks: PKCE, the token endpoint's answers, the remembered client ids.
dqs_add_test(NAME tst_pkce SOURCES tst_pkce.cpp LIBS dawiso_core)
dqs_add_test(NAME tst_tokenresponse SOURCES tst_tokenresponse.cpp LIBS dawiso_core)
dqs_add_test(NAME tst_oauthclientsettings SOURCES tst_oauthclientsettings.cpp LIBS dawiso_core)
