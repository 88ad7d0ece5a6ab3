# Message catalogues (gettext).  Every po/<lang>.po is compiled at build
# time into <build>/locale/<lang>/LC_MESSAGES/nerima-cio.mo, where the
# program looks beside itself (lib/util/i18n.c), and installed under
# share/locale, where an installed program looks.  Targets:
#   pot        every marked string of cmd/ and lib/ into <build>/po/nerima-cio.pot
#   update-po  merge that template into po/*.po, for translators
# po/check (the test e2e/i18n_catalogue) says which strings still lack a
# translation; it fails on them when NCIO_I18N_STRICT is ON.

find_program(NCIO_MSGFMT msgfmt)
find_program(NCIO_MSGMERGE msgmerge)
find_program(NCIO_XGETTEXT xgettext)

set(NCIO_LOCALE_BUILD_DIR ${CMAKE_BINARY_DIR}/locale)

function(ncio_gettext)
  file(GLOB po_files CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/po/*.po)
  if(NOT NCIO_MSGFMT)
    message(WARNING "msgfmt not found (Debian package gettext): messages "
      "will be in English only")
    return()
  endif()
  set(mo_files)
  foreach(po ${po_files})
    get_filename_component(lang ${po} NAME_WE)
    set(mo ${NCIO_LOCALE_BUILD_DIR}/${lang}/LC_MESSAGES/nerima-cio.mo)
    add_custom_command(OUTPUT ${mo}
      COMMAND ${CMAKE_COMMAND} -E make_directory
        ${NCIO_LOCALE_BUILD_DIR}/${lang}/LC_MESSAGES
      COMMAND ${NCIO_MSGFMT} --check --output-file=${mo} ${po}
      DEPENDS ${po}
      COMMENT "Compiling the ${lang} message catalogue"
      VERBATIM)
    list(APPEND mo_files ${mo})
    install(FILES ${mo} DESTINATION share/locale/${lang}/LC_MESSAGES)
  endforeach()
  add_custom_target(translations ALL DEPENDS ${mo_files})

  if(NCIO_XGETTEXT)
    add_custom_target(pot
      COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/po
      COMMAND bash ${CMAKE_SOURCE_DIR}/po/check
        --extract ${CMAKE_BINARY_DIR}/po/nerima-cio.pot
        --program $<TARGET_FILE:nerima-cio>
      DEPENDS nerima-cio
      COMMENT "Extracting the marked strings into po/nerima-cio.pot"
      VERBATIM)
  endif()
  if(NCIO_XGETTEXT AND NCIO_MSGMERGE)
    set(merges)
    foreach(po ${po_files})
      list(APPEND merges COMMAND ${NCIO_MSGMERGE} --quiet --update
        --backup=none --no-wrap --add-location=file ${po}
        ${CMAKE_BINARY_DIR}/po/nerima-cio.pot)
    endforeach()
    add_custom_target(update-po ${merges}
      COMMENT "Merging the marked strings into po/*.po"
      VERBATIM)
    add_dependencies(update-po pot)
  endif()
endfunction()
