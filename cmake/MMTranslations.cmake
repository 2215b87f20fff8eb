# mm_add_translations(TARGET): translations/motionmender_<lang>.ts -> .qm with
# Qt Linguist (qt_add_translations), embedded in TARGET under :/i18n/ and
# installed to <datadir>/motionmender/translations/ (app/gui/translations.h
# looks there first, so a newer .qm can be dropped in without a rebuild).
# lupdate scans every folder with user-visible strings; `update_translations`
# (a build target) refreshes the .ts files after strings change. Without
# Qt6::LinguistTools the editor builds English-only and says so.
set(MM_TRANSLATION_LANGUAGES zh_CN ja)

function(mm_add_translations target)
  find_package(Qt6 QUIET COMPONENTS LinguistTools)
  if(NOT Qt6LinguistTools_FOUND)
    message(STATUS "Qt6 LinguistTools not found (Debian: qt6-l10n-tools): the editor is built without translations")
    return()
  endif()
  set(ts_files)
  foreach(lang IN LISTS MM_TRANSLATION_LANGUAGES)
    list(APPEND ts_files ${PROJECT_SOURCE_DIR}/translations/motionmender_${lang}.ts)
  endforeach()
  set(qm_dir ${PROJECT_BINARY_DIR}/translations)
  set_source_files_properties(${ts_files} PROPERTIES OUTPUT_LOCATION ${qm_dir})
  # The folders whose code has tr() strings; timeline/ may not exist yet.
  set(scan)
  foreach(dir IN ITEMS app/gui editor timeline viewport)
    file(GLOB_RECURSE found CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/${dir}/*.cpp ${PROJECT_SOURCE_DIR}/${dir}/*.h)
    list(APPEND scan ${found})
  endforeach()
  qt_add_translations(${target}
    TS_FILES ${ts_files}
    SOURCES ${scan}
    INCLUDE_DIRECTORIES ${PROJECT_SOURCE_DIR}
    LUPDATE_OPTIONS -locations relative
    QM_FILES_OUTPUT_VARIABLE qm_files)
  qt_add_resources(${target} mm_translations PREFIX /i18n BASE ${qm_dir} FILES ${qm_files})
  install(FILES ${qm_files} DESTINATION ${MM_INSTALL_DATADIR}/translations)
  message(STATUS "Translations: ${MM_TRANSLATION_LANGUAGES} (refresh the .ts files: cmake --build BUILD --target update_translations)")
endfunction()
