# Windows: windeployqt + CPack NSIS. A reviewed recipe: it cannot be built on the Debian reference
# machine; installers/ci/build-packages.yml runs it on a Windows runner (Qt 6 from install-qt-action,
# md4c and pkgconf from vcpkg). Included from installers/Packaging.cmake when WIN32.
#
# Layout, as on Linux so that DataLocations finds everything from applicationDirPath()/..:
#   bin\llm-deploy-advisor.exe + the Qt DLLs and plugins (windeployqt), share\llm-deploy-advisor\knowledge.db,
#   lib\llm-deploy-advisor\liblda_guideview.dll (Windows looks for its Qt DLLs in the exe's folder; GuidePage
#   loads it by its base name, liblda_guideview, and Qt adds .dll).

# The exe icon (Explorer, taskbar, Start menu) and the installer icon, rendered from the SVG app icon.
find_program(LDA_MAGICK NAMES magick)
set(LDA_APP_ICO ${CMAKE_BINARY_DIR}/installers/app.ico)
if(LDA_MAGICK)
    add_custom_command(OUTPUT ${LDA_APP_ICO}
        COMMAND ${LDA_MAGICK} -background none -density 384 ${PROJECT_SOURCE_DIR}/resources/icons/app.svg
            -define icon:auto-resize=256,64,48,32,24,16 ${LDA_APP_ICO}
        DEPENDS ${PROJECT_SOURCE_DIR}/resources/icons/app.svg
        VERBATIM)
    configure_file(${CMAKE_CURRENT_LIST_DIR}/app.rc.in ${CMAKE_BINARY_DIR}/installers/app.rc @ONLY)
    target_sources(${LDA_EXE_NAME} PRIVATE ${CMAKE_BINARY_DIR}/installers/app.rc ${LDA_APP_ICO})
    set(CPACK_NSIS_MUI_ICON ${LDA_APP_ICO})
    set(CPACK_NSIS_MUI_UNIICON ${LDA_APP_ICO})
    set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\${LDA_EXE_NAME}.exe")
else()
    message(WARNING "ImageMagick (magick) not found: the Windows build has no icon")
endif()
set_target_properties(${LDA_EXE_NAME} PROPERTIES WIN32_EXECUTABLE ON)

# windeployqt at install time, so that CPack's staging tree is complete. The guide-viewer plugin is
# passed too: it is the only binary that links QtWebEngine, which windeployqt would not see from the exe
# (QtWebEngineProcess.exe, resources and locales come with it).
find_program(LDA_WINDEPLOYQT windeployqt HINTS "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS}" REQUIRED)
install(CODE "
    execute_process(COMMAND \"${LDA_WINDEPLOYQT}\" --release --no-translations --no-system-d3d-compiler
            --dir \"\${CMAKE_INSTALL_PREFIX}/bin\"
            \"\${CMAKE_INSTALL_PREFIX}/bin/${LDA_EXE_NAME}.exe\"
            \"\${CMAKE_INSTALL_PREFIX}/${LDA_PLUGIN_SUBDIR}/liblda_guideview.dll\"
        COMMAND_ERROR_IS_FATAL ANY)")
# The SQLite driver and the SVG icon engine are plugins windeployqt only adds when it sees Qt Sql and
# Qt Svg linked; both are, but say so explicitly for the reviewer.
#   bin\sqldrivers\qsqlite.dll, bin\iconengines\qsvgicon.dll, bin\imageformats\qsvg.dll

set(CPACK_GENERATOR "NSIS;ZIP")
set(CPACK_NSIS_PACKAGE_NAME "${LDA_APP_NAME}")
set(CPACK_NSIS_DISPLAY_NAME "${LDA_APP_NAME} ${PROJECT_VERSION}")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_HELP_LINK "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_CONTACT "${LDA_MAINTAINER}")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH OFF)
set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
# Start-menu entry "LLM Deploy Advisor" -> bin\llm-deploy-advisor.exe (CPACK_PACKAGE_EXECUTABLES).
set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
set(CPACK_NSIS_MENU_LINKS "${PROJECT_HOMEPAGE_URL}" "${LDA_APP_NAME} website")
# An upgrade must replace, not sit beside, the previous version.
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "${LDA_APP_ID}")

# File association for scenario files (*.ldascenario.json). Windows matches the last extension only, so
# the app is offered for .json files under "Open with" (OpenWithProgids) instead of taking .json over.
# The verb passes the file: the app opens a workload on the Costs page and wizard answers in the wizard.
set(LDA_WIN_PROGID "LLMDeployAdvisor.Scenario")
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS "
  WriteRegStr SHCTX 'Software\\Classes\\${LDA_WIN_PROGID}' '' '${LDA_APP_NAME} scenario'
  WriteRegStr SHCTX 'Software\\Classes\\${LDA_WIN_PROGID}\\DefaultIcon' '' '$INSTDIR\\bin\\${LDA_EXE_NAME}.exe,0'
  WriteRegStr SHCTX 'Software\\Classes\\${LDA_WIN_PROGID}\\shell\\open\\command' '' '\"$INSTDIR\\bin\\${LDA_EXE_NAME}.exe\" \"%1\"'
  WriteRegStr SHCTX 'Software\\Classes\\.json\\OpenWithProgids' '${LDA_WIN_PROGID}' ''
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
")
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS "
  DeleteRegValue SHCTX 'Software\\Classes\\.json\\OpenWithProgids' '${LDA_WIN_PROGID}'
  DeleteRegKey SHCTX 'Software\\Classes\\${LDA_WIN_PROGID}'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
")
