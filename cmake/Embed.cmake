# morgue_embed(<target> <symbol> <file>): compiles a data file into <target> as
#   namespace morgue::data { extern const std::string_view <symbol>; }
# Data tables (boilerplate phrases, non-person words, zone names) stay data files in the
# folder that uses them; editing one re-runs the configure step.
function(morgue_embed target symbol file)
  get_filename_component(abs "${file}" ABSOLUTE)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${abs}")
  file(READ "${abs}" hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embed_${symbol}.cpp")
  file(WRITE "${out}.tmp"
    "// Generated from ${file} by cmake/Embed.cmake. Do not edit.\n"
    "#include <string_view>\n"
    "namespace morgue::data {\n"
    "static const unsigned char ${symbol}_bytes[] = {${bytes} 0};\n"
    "extern const std::string_view ${symbol};\n"
    "const std::string_view ${symbol}(reinterpret_cast<const char*>(${symbol}_bytes), sizeof ${symbol}_bytes - 1);\n"
    "}\n")
  configure_file("${out}.tmp" "${out}" COPYONLY)
  target_sources(${target} PRIVATE "${out}")
endfunction()
