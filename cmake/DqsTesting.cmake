# dqs_add_test(NAME <name> SOURCES <files...> [LIBS <targets...>] [LABELS <labels...>]
#              [KEYCHAIN] [CONTRACT] [ENVIRONMENT <VAR=value...>] [ARGS <args...>])
# dqs_add_test(NAME <name> RUNS <executable target> ...) runs an executable made elsewhere as the test <name>.
#
# Every test runs with QT_QPA_PLATFORM=offscreen, a private HOME (so QSettings and keyrings never touch the
# developer's own) and loopback-only networking. KEYCHAIN tests get their own D-Bus session with an unlocked
# gnome-keyring Secret Service, the way KeePassXC runs its FdoSecrets tests.
# Every test records the answers of the simulators it starts into DQS_EXCHANGE_LOG_DIR (see ExchangeLog) and requires
# the fixture whose clean-up, the CONTRACT test, holds them all to Qlik's OpenAPI specs once every test has run.
# In the sanitizer build every test runs with these options: any report, leaks included, ends it with a failure.
# Allocations record ten frames found from the debug information, not from frame pointers, which Debian's Qt and
# OpenSSL are built without: the suppressions of tests/sanitizers/lsan.supp need the frames inside those libraries.
# That costs a test about a third more time, and five to ten times more in one that makes OpenSSL keys all the time;
# such a test, which ends no network thread, says FAST_UNWIND and keeps the fast unwinder. An allocation of more than
# 1 GiB fails and returns null, as it may on a machine without that memory, and below the 2 GiB at which libFuzzer
# reports an allocation as running out of memory: a damaged index file makes Qt ask for gigabytes, and it copes.
set(DQS_ASAN_OPTIONS "halt_on_error=1:detect_leaks=1:allocator_may_return_null=1:max_allocation_size_mb=1024:\
check_initialization_order=1:strict_init_order=1:detect_odr_violation=2")

function(dqs_add_test)
    cmake_parse_arguments(T "KEYCHAIN;CONTRACT;FAST_UNWIND" "NAME;RUNS" "SOURCES;LIBS;LABELS;ENVIRONMENT;ARGS" ${ARGN})
    if(NOT T_RUNS)
        set(T_RUNS ${T_NAME})
    endif()
    if(NOT TARGET ${T_RUNS})
        add_executable(${T_RUNS} ${T_SOURCES})
        target_link_libraries(${T_RUNS} PRIVATE Qt6::Test dqs_testsupport ${T_LIBS})
    endif()
    set(home "${CMAKE_CURRENT_BINARY_DIR}/home/${T_NAME}")
    file(MAKE_DIRECTORY "${home}")
    if(T_KEYCHAIN)
        # A non-empty password on stdin creates and unlocks a fresh login keyring (gnome-keyring-daemon(1)). --unlock
        # can return before the daemon owns its bus name; a keychain call in that gap would have the bus start a
        # second, locked daemon, so wait for the name first.
        add_test(NAME ${T_NAME}
            COMMAND dbus-run-session --config-file=${DQS_TEST_DBUS_CONFIG} -- sh -c
                "printf 'dqs-test-keyring\\n' | gnome-keyring-daemon --unlock --components=secrets >/dev/null && gdbus wait --session --timeout 30 org.freedesktop.secrets && exec \"$0\" \"$@\""
                $<TARGET_FILE:${T_RUNS}> ${T_ARGS})
        list(APPEND T_LABELS keychain)
    else()
        add_test(NAME ${T_NAME} COMMAND ${T_RUNS} ${T_ARGS})
    endif()
    set(sanitizers "")
    if(DQS_SANITIZE OR DQS_FUZZ)
        set(unwind "fast_unwind_on_malloc=0:malloc_context_size=10")
        if(T_FAST_UNWIND)
            set(unwind "fast_unwind_on_malloc=1")
        endif()
        set(sanitizers "ASAN_OPTIONS=${DQS_ASAN_OPTIONS}:${unwind}" "UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1"
            "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/sanitizers/lsan.supp:print_suppressions=0")
    endif()
    set_tests_properties(${T_NAME} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;HOME=${home};XDG_CONFIG_HOME=${home}/.config;XDG_DATA_HOME=${home}/.local/share;LANG=C.UTF-8;DQS_SIMULATOR_EXCHANGE_LOG=${DQS_EXCHANGE_LOG_DIR};${sanitizers};${T_ENVIRONMENT}"
        LABELS "${T_LABELS}"
        TIMEOUT 300)
    if(T_CONTRACT)
        set_tests_properties(${T_NAME} PROPERTIES FIXTURES_CLEANUP simulator_exchanges)
    else()
        set_tests_properties(${T_NAME} PROPERTIES FIXTURES_REQUIRED simulator_exchanges)
    endif()
endfunction()

# Puts the signing plugin beside a test's executable, where SigningKeyLoader looks for it in a build tree, for tests
# that make a signing key through the real plugin as the program does.
function(dqs_use_signing_plugin target)
    add_dependencies(${target} dawiso-qlik-setup-signing)
    add_custom_command(TARGET ${target} POST_BUILD
        COMMAND ${CMAKE_COMMAND} -E copy_if_different $<TARGET_FILE:dawiso-qlik-setup-signing> $<TARGET_FILE_DIR:${target}>
        VERBATIM)
endfunction()
