# Man pages generated at build time from each binary's --help (help2man), installed
# with the binaries and the shell completions by `cmake --install`.
include(GNUInstallDirs)
find_program(HELP2MAN help2man)
function(morgue_man_page target description)
  install(TARGETS ${target} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  if(NOT HELP2MAN)
    message(WARNING "help2man not found: no man page for ${target} (scripts/setup installs it)")
    return()
  endif()
  set(page "${CMAKE_CURRENT_BINARY_DIR}/${target}.1")
  add_custom_command(OUTPUT "${page}"
    COMMAND ${HELP2MAN} --no-info --no-discard-stderr --name "${description}"
            --output "${page}" "$<TARGET_FILE:${target}>"
    DEPENDS ${target}
    COMMENT "man page ${target}.1")
  add_custom_target(${target}-man ALL DEPENDS "${page}")
  install(FILES "${page}" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endfunction()
