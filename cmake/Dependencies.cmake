# Every dependency is a Debian package installed by scripts/setup.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(ZLIB REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(ICU REQUIRED COMPONENTS uc i18n)

# Xapian's CMake config gives variables, not a target: wrap them once.
find_package(xapian REQUIRED)
if(NOT TARGET Xapian::Xapian)
  add_library(Xapian::Xapian INTERFACE IMPORTED)
  set_target_properties(Xapian::Xapian PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${XAPIAN_LIBRARIES}")
endif()

pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
# HTTP Content-Encoding: br in WARC responses (libbrotli-dev).
pkg_check_modules(BROTLIDEC REQUIRED IMPORTED_TARGET libbrotlidec)

find_path(CXXOPTS_INCLUDE_DIR cxxopts.hpp REQUIRED)
find_path(HOWARD_DATE_INCLUDE_DIR date/date.h REQUIRED)
if(MORGUE_TESTS)
  find_path(CATCH2_INCLUDE_DIR catch2/catch.hpp REQUIRED)
endif()
