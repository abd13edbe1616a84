# Tests of the HTTP layer and the binary (included from tests/central).
add_executable(central_api_tests
  api_fixture.cpp
  api_test.cpp
  fixmystreet_updates_test.cpp
  fixmystreet_wire.cpp
  fixmystreet_wire_test.cpp
  jobs_api_test.cpp
  jobs_cli_test.cpp
  jpeg_sample.cpp
  support.cpp
  thumbnail_test.cpp
  nearby_supporters_test.cpp
  perl_client_test.cpp
  pending_photos_test.cpp
  listen_socket_test.cpp
  location_source_test.cpp
  server_process_test.cpp
  staff_api_test.cpp
  staff_cli_test.cpp
  staff_http.cpp
  staff_provenance_test.cpp)
target_link_libraries(central_api_tests PRIVATE oneservice_central_api oneservice_test_support PkgConfig::SODIUM
  PkgConfig::TURBOJPEG oneservice_warnings GTest::gtest_main)
target_compile_definitions(central_api_tests PRIVATE
  ONESERVICE_ASSETS_DIR="${ONESERVICE_ASSETS_DIR}"
  ONESERVICE_PERL_CLIENT="${CMAKE_CURRENT_SOURCE_DIR}/perl/open311_client.pl")
add_dependencies(central_api_tests oneservice-central)
gtest_discover_tests(central_api_tests DISCOVERY_MODE PRE_TEST)

# A council's deployment (deploy/): the backup command and the real nginx in
# front of the real binary. Suites: CentralBackup, NginxFront.
add_executable(central_deploy_tests backup_test.cpp nginx_front_test.cpp)
target_link_libraries(central_deploy_tests PRIVATE oneservice_central_api oneservice_test_support oneservice_warnings
  GTest::gtest_main)
add_dependencies(central_deploy_tests oneservice-central)
gtest_discover_tests(central_deploy_tests DISCOVERY_MODE PRE_TEST)
