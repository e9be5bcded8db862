# Installing and packaging. `cmake --install` lays out a tree a desktop recognises; CPack turns it into a .deb on
# Linux (scripts/package), an MSI with WiX on Windows and a DMG on macOS (.github/workflows/package.yml builds those
# two, since neither can be built on Linux). The executable's own install rule, icon resource and bundle properties
# are in src/app/CMakeLists.txt. Names, version and addresses come from project() and the DQS_* variables at the top
# of CMakeLists.txt; packaging/ holds the templates and artwork, resources/icons/ the icon sizes.
include(GNUInstallDirs)

# The release that project(VERSION) names: its date and what it brings. Change them with the version.
set(DQS_RELEASE_DATE "2026-11-28")
set(DQS_RELEASE_NOTES "The first release: the guided Qlik Cloud setup with the connection check, the practice run, and \
packages that install like any other desktop application.")

set(DQS_VENDOR "Dawiso")
set(DQS_MAINTAINER "Dawiso <support@dawiso.com>")
# No open-source licence has been chosen for the product itself (the libraries it uses keep their own, see
# packaging/THIRD-PARTY-NOTICES.txt.in); SPDX's way of saying so.
set(DQS_PROJECT_LICENSE "LicenseRef-proprietary")
# Sizes rendered by scripts/render-icons into resources/icons/app/.
set(DQS_ICON_SIZES 16 22 24 32 48 64 128 256 512)

set(packaging_dir "${PROJECT_BINARY_DIR}/packaging")
configure_file("${PROJECT_SOURCE_DIR}/packaging/THIRD-PARTY-NOTICES.txt.in" "${packaging_dir}/THIRD-PARTY-NOTICES.txt"
    @ONLY)

if(UNIX AND NOT APPLE)
    # The README's screenshot, as the raw file of the repository's main branch (AppStream wants an image URL).
    string(REGEX REPLACE "^https://github\\.com/" "https://raw.githubusercontent.com/" repository_raw
        "${PROJECT_HOMEPAGE_URL}")
    set(DQS_SCREENSHOT_URL "${repository_raw}/main/resources/screenshots/key-page.png")

    configure_file("${PROJECT_SOURCE_DIR}/packaging/linux/${DQS_APP_ID}.desktop.in"
        "${packaging_dir}/${DQS_APP_ID}.desktop" @ONLY)
    configure_file("${PROJECT_SOURCE_DIR}/packaging/linux/${DQS_APP_ID}.metainfo.xml.in"
        "${packaging_dir}/${DQS_APP_ID}.metainfo.xml" @ONLY)
    install(FILES "${packaging_dir}/${DQS_APP_ID}.desktop" DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
    install(FILES "${packaging_dir}/${DQS_APP_ID}.metainfo.xml" DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
    # Named after the app id, like the desktop entry's Icon= key and Qt's desktop file name.
    install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/dawiso-qlik-setup.svg"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps" RENAME "${DQS_APP_ID}.svg")
    foreach(size IN LISTS DQS_ICON_SIZES)
        install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/app/dawiso-qlik-setup-${size}.png"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps" RENAME "${DQS_APP_ID}.png")
    endforeach()
    # Where Debian keeps a package's licence information.
    install(FILES "${packaging_dir}/THIRD-PARTY-NOTICES.txt"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/${DQS_EXECUTABLE}" RENAME copyright)
elseif(WIN32)
    # Qt's DLLs and plugins next to the executable, at install time, so that the MSI is made from a complete tree; the
    # practice plugin brings Qt HTTP Server and Qt WebSockets along. The practice and signing plugins carry libcrypto
    # inside, linked statically on the Windows runner (.github/workflows/package.yml).
    # The Visual C++ runtime comes from InstallRequiredSystemLibraries below, translations from the resources.
    find_program(DQS_WINDEPLOYQT windeployqt HINTS "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS}" REQUIRED)
    install(CODE "
        set(bin_dir \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}\")
        execute_process(
            COMMAND \"${DQS_WINDEPLOYQT}\" --no-translations --no-compiler-runtime --no-system-d3d-compiler
                    --no-opengl-sw --dir \"\${bin_dir}\" \"\${bin_dir}/${DQS_EXECUTABLE}.exe\"
                    \"\${bin_dir}/$<TARGET_FILE_NAME:dawiso-qlik-setup-practice>\"
                    \"\${bin_dir}/$<TARGET_FILE_NAME:dawiso-qlik-setup-signing>\"
            COMMAND_ERROR_IS_FATAL ANY)
    ")
    # QtKeychain is built from source on the runner (0.15 or newer: larger Windows credentials): its DLL ships too.
    get_target_property(keychain_target Qt6Keychain::Qt6Keychain ALIASED_TARGET)
    if(NOT keychain_target)
        set(keychain_target Qt6Keychain::Qt6Keychain)
    endif()
    install(IMPORTED_RUNTIME_ARTIFACTS ${keychain_target}
        RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" LIBRARY DESTINATION "${CMAKE_INSTALL_BINDIR}")
    set(CMAKE_INSTALL_SYSTEM_RUNTIME_DESTINATION "${CMAKE_INSTALL_BINDIR}")
    include(InstallRequiredSystemLibraries)
    install(FILES "${packaging_dir}/THIRD-PARTY-NOTICES.txt" DESTINATION .)
elseif(APPLE)
    # Qt's frameworks and plugins, and QtKeychain's library, into the bundle; then a signature, because deploying
    # rewrites the load commands and Apple silicon runs no binary with a broken signature. "-" signs ad hoc; a release
    # passes its Developer ID and is then notarised (packaging/README.md).
    set(DQS_MACOS_SIGNING_IDENTITY "-" CACHE STRING "codesign identity for the app bundle (- signs ad hoc)")
    if(DQS_MACOS_SIGNING_IDENTITY STREQUAL "-")
        set(codesign_options "")
    else()
        # Notarisation requires the hardened runtime and a secure timestamp.
        set(codesign_options "--options runtime --timestamp")
    endif()
    find_program(DQS_MACDEPLOYQT macdeployqt HINTS "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS}" REQUIRED)
    get_target_property(keychain_target Qt6Keychain::Qt6Keychain ALIASED_TARGET)
    if(NOT keychain_target)
        set(keychain_target Qt6Keychain::Qt6Keychain)
    endif()
    get_target_property(keychain_location ${keychain_target} LOCATION)
    get_filename_component(keychain_dir "${keychain_location}" DIRECTORY)
    install(FILES "${packaging_dir}/THIRD-PARTY-NOTICES.txt" DESTINATION "${DQS_APP_NAME}.app/Contents/Resources")
    install(CODE "
        set(bundle \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${DQS_APP_NAME}.app\")
        execute_process(
            COMMAND \"${DQS_MACDEPLOYQT}\" \"\${bundle}\" -always-overwrite \"-libpath=${keychain_dir}\"
                    \"-executable=\${bundle}/Contents/PlugIns/$<TARGET_FILE_NAME:dawiso-qlik-setup-practice>\"
                    \"-executable=\${bundle}/Contents/PlugIns/$<TARGET_FILE_NAME:dawiso-qlik-setup-signing>\"
            COMMAND_ERROR_IS_FATAL ANY)
        execute_process(COMMAND codesign --force --deep ${codesign_options} --sign \"${DQS_MACOS_SIGNING_IDENTITY}\"
                \"\${bundle}\" COMMAND_ERROR_IS_FATAL ANY)
    ")
endif()

# CPack: one configuration, the generator chosen by platform.
set(CPACK_PACKAGE_NAME "${DQS_APP_NAME}")
set(CPACK_PACKAGE_VENDOR "${DQS_VENDOR}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# Lines of at most 80 characters, as Debian's control files want them.
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "A desktop wizard that walks a Qlik administrator through preparing Qlik Cloud"
    "for the Dawiso data catalog: it finds the tenant, guides the role and API key"
    "set-up for a user who is not a tenant admin, checks the key with Qlik, stores"
    "it in the system keychain (never in a file) and proves that Dawiso will see the"
    "spaces and apps. A practice run against a built-in simulated tenant needs no"
    "Qlik tenant.")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_CONTACT "${DQS_MAINTAINER}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "${DQS_APP_NAME}")
set(CPACK_PACKAGE_EXECUTABLES "${DQS_EXECUTABLE}" "${DQS_APP_NAME}")
set(CPACK_RESOURCE_FILE_LICENSE "${packaging_dir}/THIRD-PARTY-NOTICES.txt")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_CHECKSUM SHA256)

if(UNIX AND NOT APPLE)
    set(CPACK_GENERATOR DEB)
    set(CPACK_DEBIAN_PACKAGE_NAME "${DQS_EXECUTABLE}")
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_SECTION utils)
    set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
    set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${DQS_MAINTAINER}")
    set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
    # Library dependencies from the linked libraries (dpkg-shlibdeps); plus what Qt loads as a plugin, which no
    # linker sees: the SVG icon engine draws every icon of the wizard.
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6")
    # A Secret Service for QtKeychain: GNOME Keyring, or KDE's wallet daemon (Debian 12: libkf5wallet-bin, kwalletd5).
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | libkf5wallet-bin")
elseif(WIN32)
    set(CPACK_GENERATOR WIX)
    set(CPACK_PACKAGE_FILE_NAME "${DQS_EXECUTABLE}-${PROJECT_VERSION}-windows-x64")
    # Never change: Windows Installer recognises an older version of the product by it and upgrades it in place.
    set(CPACK_WIX_UPGRADE_GUID "D5C63578-5012-4174-BE3D-BA8D15FAE02A")
    set(CPACK_WIX_INSTALL_SCOPE perMachine)
    set(CPACK_WIX_PRODUCT_ICON "${PROJECT_SOURCE_DIR}/packaging/windows/dawiso-qlik-setup.ico")
    # The Start-menu shortcut (from CPACK_PACKAGE_EXECUTABLES) directly in the Start menu, not in a folder.
    set(CPACK_WIX_PROGRAM_MENU_FOLDER ".")
    set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "${PROJECT_HOMEPAGE_URL}")
    set(CPACK_WIX_PROPERTY_ARPHELPLINK "${PROJECT_HOMEPAGE_URL}")
elseif(APPLE)
    set(CPACK_GENERATOR DragNDrop)
    list(LENGTH CMAKE_OSX_ARCHITECTURES architecture_count)
    if(architecture_count GREATER 1)
        set(macos_architecture universal)
    elseif(architecture_count EQUAL 1)
        set(macos_architecture "${CMAKE_OSX_ARCHITECTURES}")
    else()
        set(macos_architecture "${CMAKE_SYSTEM_PROCESSOR}")
    endif()
    set(CPACK_PACKAGE_FILE_NAME "${DQS_EXECUTABLE}-${PROJECT_VERSION}-macos-${macos_architecture}")
    set(CPACK_DMG_VOLUME_NAME "${DQS_APP_NAME}")
    set(CPACK_DMG_FORMAT UDZO)
    # The notices are inside the bundle; a licence agreement to click through would only be in the way.
    set(CPACK_DMG_SLA_USE_RESOURCE_FILE_LICENSE OFF)
endif()

include(CPack)
