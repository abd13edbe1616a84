# The intake (a POST's path to a stored case), the Open311 HTTP layer, the
# command line and the executable, on top of oneservice_central_store.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
find_package(pugixml REQUIRED)
# libjpeg-turbo, GLOBAL: the tests make and read JPEGs with it (central's
# thumbnails, central/media, decode and encode through oneservice_imaging).
pkg_check_modules(TURBOJPEG REQUIRED IMPORTED_TARGET GLOBAL libturbojpeg)

add_library(oneservice_central_intake STATIC
  intake/intake.cpp
  intake/media_links.cpp
  intake/pending_photos.cpp
  intake/provenance_rules.cpp
  intake/photo_rules.cpp
  intake/update_intake.cpp)
target_include_directories(oneservice_central_intake PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(oneservice_central_intake
  PUBLIC oneservice_central_store oneservice_shared
  PRIVATE oneservice_warnings)

add_library(oneservice_central_api STATIC
  open311/api.cpp
  open311/documents.cpp
  open311/form_parts.cpp
  open311/form_request.cpp
  open311/job_documents.cpp
  open311/jobs_api.cpp
  open311/media.cpp
  open311/officer_update.cpp
  open311/update_fields.cpp
  open311/post_fields.cpp
  open311/provenance_fields.cpp
  open311/reply.cpp
  open311/staff_api.cpp
  open311/staff_auth.cpp
  open311/xml.cpp
  media/thumbnail.cpp
  media/thumbnail_cache.cpp
  listen_socket.cpp
  report_format.cpp
  staff_report_format.cpp
  server.cpp
  cli/arguments.cpp
  cli/backup_command.cpp
  cli/commands.cpp
  cli/staff_command.cpp
  cli/job_commands.cpp
  cli/digest_command.cpp)
target_include_directories(oneservice_central_api PUBLIC ${PROJECT_SOURCE_DIR})
target_compile_definitions(oneservice_central_api PRIVATE ONESERVICE_ASSETS_DIR="${ONESERVICE_ASSETS_DIR}"
  ONESERVICE_LOCALE_DIR="${ONESERVICE_LOCALE_DIR}")
target_link_libraries(oneservice_central_api
  PUBLIC oneservice_central_intake oneservice_central_store oneservice_central_public oneservice_central_notify oneservice_central_i18n
         oneservice_shared PkgConfig::HTTPLIB pugixml::pugixml
  PRIVATE oneservice_imaging oneservice_warnings)

add_executable(oneservice-central main.cpp)
target_link_libraries(oneservice-central PRIVATE oneservice_central_api oneservice_warnings)
