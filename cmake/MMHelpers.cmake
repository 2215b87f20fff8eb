# mm_add_library(NAME ALIAS DIR) builds every .cpp under DIR (not recursing
# into folders listed in EXCLUDE) as a static library with the project root on
# its include path, so headers are included as "motion/clip.h".
function(mm_add_library name alias)
  cmake_parse_arguments(ARG "" "" "EXCLUDE;EXTRA_SOURCES" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS
       ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp ${CMAKE_CURRENT_SOURCE_DIR}/*.h)
  foreach(ex IN LISTS ARG_EXCLUDE)
    list(FILTER sources EXCLUDE REGEX "${CMAKE_CURRENT_SOURCE_DIR}/${ex}/")
  endforeach()
  add_library(${name} STATIC ${sources} ${ARG_EXTRA_SOURCES})
  add_library(${alias} ALIAS ${name})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
  mm_warnings(${name})
endfunction()

function(mm_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter)
  endif()
endfunction()
