# macOS: an app bundle, macdeployqt and a DMG (CPack DragNDrop). A reviewed recipe: it cannot be built on
# the Debian reference machine; installers/ci/build-packages.yml runs it on a macOS runner (Qt 6 from
# install-qt-action, md4c from Homebrew). Included from installers/Packaging.cmake when APPLE.
#
# DataLocations looks in applicationDirPath()/.. = "LLM Deploy Advisor.app/Contents", so the bundle holds
#   Contents/MacOS/LLM Deploy Advisor, Contents/share/llm-deploy-advisor/knowledge.db,
#   Contents/lib/llm-deploy-advisor/liblda_guideview.so, Contents/Frameworks + PlugIns (macdeployqt).
set(LDA_BUNDLE "${LDA_APP_NAME}.app")
# Outside a bundle (build tree) the binary does not find share/ next to it: run it there with --kb.

# The app icon: an .icns rendered from the SVG (rsvg-convert from Homebrew librsvg, iconutil from Xcode).
find_program(LDA_RSVG_CONVERT rsvg-convert)
find_program(LDA_ICONUTIL iconutil)
set(LDA_ICNS ${CMAKE_BINARY_DIR}/installers/${LDA_EXE_NAME}.icns)
if(LDA_RSVG_CONVERT AND LDA_ICONUTIL)
    set(iconset ${CMAKE_BINARY_DIR}/installers/${LDA_EXE_NAME}.iconset)
    set(render)
    foreach(size 16 32 128 256 512)
        math(EXPR size2 "${size} * 2")
        list(APPEND render
            COMMAND ${LDA_RSVG_CONVERT} -w ${size} -h ${size} -o ${iconset}/icon_${size}x${size}.png
                ${PROJECT_SOURCE_DIR}/resources/icons/app.svg
            COMMAND ${LDA_RSVG_CONVERT} -w ${size2} -h ${size2} -o ${iconset}/icon_${size}x${size}@2x.png
                ${PROJECT_SOURCE_DIR}/resources/icons/app.svg)
    endforeach()
    add_custom_command(OUTPUT ${LDA_ICNS}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${iconset}
        ${render}
        COMMAND ${LDA_ICONUTIL} -c icns -o ${LDA_ICNS} ${iconset}
        DEPENDS ${PROJECT_SOURCE_DIR}/resources/icons/app.svg
        VERBATIM)
    target_sources(${LDA_EXE_NAME} PRIVATE ${LDA_ICNS})
    set_source_files_properties(${LDA_ICNS} PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
    set(CPACK_PACKAGE_ICON ${LDA_ICNS})
endif()

# Info.plist from a template configured from project(): name, id, version, icon, document type.
set(LDA_SCENARIO_UTI "${LDA_APP_ID}.scenario")
configure_file(${CMAKE_CURRENT_LIST_DIR}/Info.plist.in ${CMAKE_BINARY_DIR}/installers/Info.plist @ONLY)
set_target_properties(${LDA_EXE_NAME} PROPERTIES
    OUTPUT_NAME "${LDA_APP_NAME}"
    MACOSX_BUNDLE_INFO_PLIST ${CMAKE_BINARY_DIR}/installers/Info.plist)

# The generic rules (data/, ui/) install share/ and lib/ at the top of the prefix; move them into the
# bundle's Contents/, then let macdeployqt bring Qt in. The plugin is passed with -executable so that
# its QtWebEngine dependency (QtWebEngineCore.framework with QtWebEngineProcess.app) is deployed too.
find_program(LDA_MACDEPLOYQT macdeployqt HINTS "${QT6_INSTALL_PREFIX}/${QT6_INSTALL_BINS}" REQUIRED)
install(CODE "
    set(contents \"\${CMAKE_INSTALL_PREFIX}/${LDA_BUNDLE}/Contents\")
    foreach(dir ${LDA_DATA_SUBDIR} ${LDA_PLUGIN_SUBDIR})
        get_filename_component(parent \"\${contents}/\${dir}\" DIRECTORY)
        file(MAKE_DIRECTORY \"\${parent}\")
        file(RENAME \"\${CMAKE_INSTALL_PREFIX}/\${dir}\" \"\${contents}/\${dir}\")
    endforeach()
    file(REMOVE_RECURSE \"\${CMAKE_INSTALL_PREFIX}/share\" \"\${CMAKE_INSTALL_PREFIX}/lib\")
    execute_process(COMMAND \"${LDA_MACDEPLOYQT}\" \"\${CMAKE_INSTALL_PREFIX}/${LDA_BUNDLE}\"
            \"-executable=\${contents}/${LDA_PLUGIN_SUBDIR}/liblda_guideview.so\"
            -always-overwrite
        COMMAND_ERROR_IS_FATAL ANY)")

set(CPACK_GENERATOR "DragNDrop")
set(CPACK_DMG_VOLUME_NAME "${LDA_APP_NAME} ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT UDZO)
set(CPACK_PACKAGE_FILE_NAME "${LDA_EXE_NAME}-${PROJECT_VERSION}-macos-${CMAKE_SYSTEM_PROCESSOR}")
