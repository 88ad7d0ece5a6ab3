# What 'cmake --install build --prefix P' puts under P besides the program,
# the schemas and the man pages (in the top CMakeLists.txt):
#   share/nerima-cio/<x>                      every folder of data/ (sample,
#                                             and shipped catalogs/templates)
#   share/bash-completion/completions/nerima-cio
#   share/zsh/site-functions/_nerima-cio
# The completion scripts are what 'nerima-cio completion bash|zsh' prints,
# written by the program just built; the candidates themselves come from
# the option tables at run time ('nerima-cio __complete'), so the scripts
# never need regenerating when a verb changes.

install(DIRECTORY data/ DESTINATION share/nerima-cio
  REGEX "/data/README\\.md$" EXCLUDE)

set(NCIO_COMPLETION_DIR ${CMAKE_BINARY_DIR}/completion)
add_custom_command(
  OUTPUT ${NCIO_COMPLETION_DIR}/nerima-cio ${NCIO_COMPLETION_DIR}/_nerima-cio
  COMMAND ${CMAKE_COMMAND} -E make_directory ${NCIO_COMPLETION_DIR}
  COMMAND $<TARGET_FILE:nerima-cio> completion bash
    -o ${NCIO_COMPLETION_DIR}/nerima-cio
  COMMAND $<TARGET_FILE:nerima-cio> completion zsh
    -o ${NCIO_COMPLETION_DIR}/_nerima-cio
  DEPENDS nerima-cio
  COMMENT "Writing the bash and zsh completion scripts"
  VERBATIM)
add_custom_target(completion ALL DEPENDS
  ${NCIO_COMPLETION_DIR}/nerima-cio ${NCIO_COMPLETION_DIR}/_nerima-cio)
install(FILES ${NCIO_COMPLETION_DIR}/nerima-cio
  DESTINATION share/bash-completion/completions)
install(FILES ${NCIO_COMPLETION_DIR}/_nerima-cio
  DESTINATION share/zsh/site-functions)
