# Central's public face (issue 16): its translator and its own words
# (central/i18n/po/<language>.po, domain oneservice-central), the public
# pages, open data and feeds (central/public), and the mail queue's sender
# (central/notify). Included from central/CMakeLists.txt.
find_package(Boost 1.74 REQUIRED COMPONENTS locale)  # Debian: libboost-locale-dev
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)

set(central_mo_files)
file(GLOB central_po_files CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/i18n/po/*.po")
foreach(po IN LISTS central_po_files)
  get_filename_component(language "${po}" NAME_WE)
  set(folder "${ONESERVICE_LOCALE_DIR}/${language}/LC_MESSAGES")
  add_custom_command(OUTPUT "${folder}/oneservice-central.mo"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${folder}"
    COMMAND "${MSGFMT}" --check -o "${folder}/oneservice-central.mo" "${po}"
    DEPENDS "${po}"
    COMMENT "Compiling translations: oneservice-central (${language})"
    VERBATIM)
  list(APPEND central_mo_files "${folder}/oneservice-central.mo")
endforeach()
add_custom_target(oneservice_central_translations ALL DEPENDS ${central_mo_files})

add_library(oneservice_central_i18n STATIC i18n/language_choice.cpp i18n/translator.cpp)
target_include_directories(oneservice_central_i18n PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(oneservice_central_i18n PUBLIC oneservice_shared PRIVATE Boost::locale oneservice_warnings)
# The compiled words of both domains, for any binary that serves pages.
add_dependencies(oneservice_central_i18n oneservice_central_translations oneservice_translations)

add_library(oneservice_central_public STATIC
  public/chart_svg.cpp
  public/digest.cpp
  public/email_address.cpp
  public/figures.cpp
  public/html.cpp
  public/my_requests_page.cpp
  public/open_data.cpp
  public/feeds.cpp
  public/reference.cpp
  public/resident_cookie.cpp
  public/site.cpp
  public/top_issues_page.cpp
  public/track_page.cpp
  public/unsubscribe_page.cpp
  public/visit.cpp
  public/words.cpp)
target_include_directories(oneservice_central_public PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(oneservice_central_public
  PUBLIC oneservice_central_store oneservice_central_i18n oneservice_shared PkgConfig::HTTPLIB
  PRIVATE oneservice_warnings)

# The mail queue's sender: libcurl's SMTP to the council's relay.
find_package(CURL REQUIRED)  # Debian: libcurl4-openssl-dev
find_package(OpenSSL REQUIRED)
add_library(oneservice_central_notify STATIC
  notify/mail_message.cpp
  notify/mailer.cpp
  notify/smtp.cpp)
target_include_directories(oneservice_central_notify PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(oneservice_central_notify
  PUBLIC oneservice_central_public oneservice_central_store
  PRIVATE CURL::libcurl OpenSSL::Crypto Threads::Threads oneservice_warnings)
