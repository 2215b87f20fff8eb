# What `cmake --install BUILD --prefix P` adds beside the programs (installed
# by their own CMakeLists.txt to P/bin, the model runtime to
# P/lib/motionmender): the shipped data that tasks/resourcepaths.h finds
# relative to the programs, the desktop integration, the licences; and the
# Debian package (`cpack -G DEB` in the build folder).

# Data: P/share/motionmender/{models,samples,translations}.
install(FILES resources/models/motionmender-small.mmmodel resources/models/motionmender-small.auto.json
              resources/models/README.md
        DESTINATION ${MM_INSTALL_DATADIR}/models)
install(DIRECTORY resources/samples/ DESTINATION ${MM_INSTALL_DATADIR}/samples)

# Desktop integration (the menu entry, its icon, the file types it opens).
if(MM_BUILD_GUI)
  install(FILES resources/desktop/motionmender.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES resources/desktop/motionmender-mime.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages
          RENAME motionmender.xml)
  install(FILES resources/icons/motionmender.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
  install(FILES resources/icons/motionmender-256.png DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/256x256/apps
          RENAME motionmender.png)
endif()

# Licences and credits.
set(MM_INSTALL_DOCDIR ${CMAKE_INSTALL_DATADIR}/doc/motionmender)
install(FILES README.md DESTINATION ${MM_INSTALL_DOCDIR})
install(DIRECTORY LICENSES/ DESTINATION ${MM_INSTALL_DOCDIR}/LICENSES)
install(FILES third_party/nlohmann/LICENSE.MIT DESTINATION ${MM_INSTALL_DOCDIR}/LICENSES RENAME nlohmann-json-MIT.txt)

# --- Debian package -----------------------------------------------------------
set(CPACK_PACKAGE_NAME motionmender)
set(CPACK_PACKAGE_VENDOR "MotionMender")
set(CPACK_PACKAGE_CONTACT "MotionMender developers <motionmender@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "motion-capture cleanup editor")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # motionmender_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# CPack puts the summary above this as the first line.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "MotionMender opens BVH, ASF/AMC, FBX, glTF and Collada takes, finds
artifacts (pops, jitter, foot skating, limb swaps, missing data, ...) per
frame and body part, and repairs them with classical tools or a learned
motion model. motionmender is the editor, motionmender-cli the headless
command line for batch pipelines.")
# Depends from the programs' shared libraries (dpkg-shlibdeps); the SQLite
# driver of QtSql is a plugin, which no ELF lists, so it is named here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
# Qt's own strings (standard buttons and dialogs) in the user's language.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
# Prompts read synonyms through WordNet's dictionary (a data package no ELF
# names); without it they are read with exact words only.
if(MM_WORDNET_FOUND)
  string(APPEND CPACK_DEBIAN_PACKAGE_RECOMMENDS ", wordnet-base")
endif()
# Chinese and Japanese menus need a CJK font, which CJK desktops have.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "fonts-noto-cjk")
include(CPack)

# `cpack` and `ninja install` build only what is installed (target
# mm_installed), not every test suite: `all` takes long on a small machine.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
add_custom_target(mm_installed)
foreach(t IN ITEMS motionmender motionmender-cli motionmender-cli-torch motionmender-bench-gui mm_modelruntime)
  if(TARGET ${t})
    add_dependencies(mm_installed ${t})
  endif()
endforeach()
