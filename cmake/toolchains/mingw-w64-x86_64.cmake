# Cross-compiles for 64-bit Windows with Debian's MinGW-w64 (packages g++-mingw-w64-x86-64-posix,
# gcc-mingw-w64-x86-64-posix, mingw-w64-tools). The -posix compilers use winpthreads, which Qt needs for
# std::thread and std::mutex. Built programs run through Wine, so try_run() and ctest work on Linux.
#
# Libraries built for Windows (Qt, QtKeychain, OpenSSL) live in one prefix; scripts/windows/build-toolchain builds it
# (default /opt/dqs-wintc/prefix, or $DQS_WIN_TOOLCHAIN/prefix). Pass it as CMAKE_PREFIX_PATH, e.g.
#   cmake -S . -B build-win -G Ninja -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/mingw-w64-x86_64.cmake \
#         -DCMAKE_PREFIX_PATH=/opt/dqs-wintc/prefix -DQT_HOST_PATH=/usr

set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(DQS_MINGW_TRIPLET x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${DQS_MINGW_TRIPLET}-gcc-posix)
set(CMAKE_CXX_COMPILER ${DQS_MINGW_TRIPLET}-g++-posix)
set(CMAKE_RC_COMPILER ${DQS_MINGW_TRIPLET}-windres)
set(CMAKE_AR ${DQS_MINGW_TRIPLET}-ar CACHE FILEPATH "")
set(CMAKE_RANLIB ${DQS_MINGW_TRIPLET}-ranlib CACHE FILEPATH "")

# Headers and libraries come only from the MinGW sysroot and the prefixes given in CMAKE_PREFIX_PATH /
# CMAKE_FIND_ROOT_PATH, never from the Linux system; programs (moc, rcc, Qt's host tools) come from the host.
if(DEFINED ENV{DQS_WIN_TOOLCHAIN})
    set(DQS_WIN_PREFIX "$ENV{DQS_WIN_TOOLCHAIN}/prefix")
else()
    set(DQS_WIN_PREFIX /opt/dqs-wintc/prefix)
endif()
list(APPEND CMAKE_FIND_ROOT_PATH /usr/${DQS_MINGW_TRIPLET} ${DQS_WIN_PREFIX})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Wine runs what is built: try_run(), add_test() and custom commands that run a target.
find_program(DQS_WINE NAMES wine64 wine PATHS /usr/lib/wine NO_CMAKE_FIND_ROOT_PATH)
if(DQS_WINE)
    set(CMAKE_CROSSCOMPILING_EMULATOR ${DQS_WINE})
endif()
