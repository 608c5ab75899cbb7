# CPack: DEB and TGZ on Linux (tested here), NSIS on Windows and a DMG on macOS (reviewed recipes, see
# installers/README.md). Everything comes from project() and the LDA_* names in the top-level
# CMakeLists.txt:  cmake --build build --target package
set(CPACK_PACKAGE_NAME ${LDA_EXE_NAME})
set(CPACK_PACKAGE_VENDOR "${LDA_APP_NAME} developers")
set(CPACK_PACKAGE_CONTACT "${LDA_MAINTAINER}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# One paragraph; the line breaks keep the Debian control file under 80 columns.
set(CPACK_PACKAGE_DESCRIPTION "${LDA_APP_NAME} helps you decide how to deploy large language models on
AWS, Azure and Google Cloud, what it will cost and how to run it well. It ships
the complete LLM Cloud Deployment Guide and a knowledge base of deployment
options, models, dated prices with sources, GPU instances and use cases, and
works fully offline, as a desktop application and on the command line.")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "${LDA_APP_NAME}")
set(CPACK_PACKAGE_EXECUTABLES ${LDA_EXE_NAME} "${LDA_APP_NAME}")
set(CPACK_RESOURCE_FILE_README "${PROJECT_SOURCE_DIR}/README.md")
# The licence page of the Windows installer and the macOS disk image (the DEB carries
# share/doc/<package>/copyright, installed by installers/CMakeLists.txt).
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
# A RelWithDebInfo binary carries ~40 MB of debug info that users do not need.
set(CPACK_STRIP_FILES ON)
# Values reach the generators exactly as written here (NSIS registry paths, the DEB description).
set(CPACK_VERBATIM_VARIABLES ON)
set(CPACK_SOURCE_IGNORE_FILES "/\\.git/" "/build[^/]*/")

if(UNIX AND NOT APPLE)
    set(CPACK_GENERATOR "DEB;TGZ")
    # DEB: /usr prefix, Debian file name, dependencies from dpkg-shlibdeps plus what Qt loads at run time
    # and shlibdeps cannot see (plugins and helper processes found through the Qt plugin path).
    set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
    set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
    set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
    set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${LDA_MAINTAINER}")
    # Description: CPACK_PACKAGE_DESCRIPTION_SUMMARY, then CPACK_PACKAGE_DESCRIPTION.
    set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
    set(LDA_DEB_RUNTIME_DEPENDS
        libqt6sql6-sqlite          # plugins/sqldrivers/libqsqlite.so: knowledge.db and user.db
        libqt6svg6                 # plugins/iconengines/libqsvgicon.so, imageformats/libqsvg.so: the SVG icons
        libqt6webenginecore6-bin   # libexec/QtWebEngineProcess, started by the guide viewer
        libqt6webengine6-data      # WebEngine resources (.pak) and locales
        qt6-qpa-plugins            # the extra platform plugins (vnc, tuio)
        fontconfig)                # fonts for Qt and Chromium
    list(JOIN LDA_DEB_RUNTIME_DEPENDS ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
    # Wayland sessions, desktop integration of the file dialogs and the MIME type/icon caches.
    set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland, qt6-gtk-platformtheme, shared-mime-info, hicolor-icon-theme")
    # TGZ (<name>-<version>-Linux.tar.gz): a relocatable tree (bin/, lib/, share/) that runs from
    # wherever it is unpacked.
elseif(WIN32)
    include(${CMAKE_CURRENT_LIST_DIR}/windows/WindowsPackaging.cmake)
elseif(APPLE)
    include(${CMAKE_CURRENT_LIST_DIR}/macos/MacPackaging.cmake)
endif()

include(CPack)
