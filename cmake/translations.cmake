# Translations. Every PO file in the assets folder is checked (msgfmt --check)
# and compiled into ${ONESERVICE_LOCALE_DIR}/<language>/LC_MESSAGES/<domain>.mo,
# where kiosk/translator.h reads it:
#   assets/po/<language>.po            domain "oneservice": the kiosk's own words
#   assets/<council>/po/<language>.po  domain <council>: that council's catalogue
# scripts/update-translations.sh makes the templates (.pot) and merges them
# into the PO files. Debian: gettext.
find_program(MSGFMT msgfmt REQUIRED)
set(ONESERVICE_LOCALE_DIR "${CMAKE_BINARY_DIR}/locale")

set(oneservice_mo_files)
function(oneservice_compile_po po domain)
  get_filename_component(language "${po}" NAME_WE)
  set(folder "${ONESERVICE_LOCALE_DIR}/${language}/LC_MESSAGES")
  add_custom_command(OUTPUT "${folder}/${domain}.mo"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${folder}"
    COMMAND "${MSGFMT}" --check -o "${folder}/${domain}.mo" "${po}"
    DEPENDS "${po}"
    COMMENT "Compiling translations: ${domain} (${language})"
    VERBATIM)
  set(oneservice_mo_files ${oneservice_mo_files} "${folder}/${domain}.mo" PARENT_SCOPE)
endfunction()

file(GLOB kiosk_po_files CONFIGURE_DEPENDS "${ONESERVICE_ASSETS_DIR}/po/*.po")
foreach(po IN LISTS kiosk_po_files)
  oneservice_compile_po("${po}" oneservice)
endforeach()
file(GLOB council_po_files CONFIGURE_DEPENDS "${ONESERVICE_ASSETS_DIR}/*/po/*.po")
foreach(po IN LISTS council_po_files)
  get_filename_component(council_folder "${po}" DIRECTORY)
  get_filename_component(council_folder "${council_folder}" DIRECTORY)
  get_filename_component(council "${council_folder}" NAME)
  oneservice_compile_po("${po}" "${council}")
endforeach()

add_custom_target(oneservice_translations ALL DEPENDS ${oneservice_mo_files})
