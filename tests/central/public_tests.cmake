# Tests of central's public face (issue 16), included from tests/central.
find_package(OpenSSL REQUIRED)  # the tests decode base64 bodies with it
add_executable(central_public_tests
  public_fixture.cpp
  public_mail_test.cpp
  public_po_test.cpp
  public_residents_test.cpp
  public_store_test.cpp
  smtp_sink.cpp
  public_data_test.cpp
  public_track_test.cpp
  support.cpp)
target_link_libraries(central_public_tests PRIVATE oneservice_central_api oneservice_test_support
  OpenSSL::Crypto oneservice_warnings GTest::gtest_main GTest::gmock)
target_compile_definitions(central_public_tests PRIVATE
  ONESERVICE_ASSETS_DIR="${ONESERVICE_ASSETS_DIR}" ONESERVICE_LOCALE_DIR="${ONESERVICE_LOCALE_DIR}"
  ONESERVICE_SMTP_SINK="${CMAKE_CURRENT_SOURCE_DIR}/smtp_sink.py" ONESERVICE_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
gtest_discover_tests(central_public_tests DISCOVERY_MODE PRE_TEST PROPERTIES LABELS public)

# The pages in headless Chromium with axe-core, against a real central
# (scripts/browser-tests.sh; npm ci from tests/browser/package-lock.json).
# Screenshots land in build/<preset>/tests/browser/screenshots.
add_test(NAME PublicPages.Browser
  COMMAND "${PROJECT_SOURCE_DIR}/scripts/browser-tests.sh" $<TARGET_FILE:oneservice-central>
          "${CMAKE_BINARY_DIR}/tests/browser/screenshots")
set_tests_properties(PublicPages.Browser PROPERTIES LABELS "public;browser" SKIP_RETURN_CODE 77 TIMEOUT 300)
