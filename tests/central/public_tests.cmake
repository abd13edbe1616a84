# Tests of central's public face (issue 16), included from tests/central.
add_executable(central_public_tests
  public_fixture.cpp
  public_track_test.cpp
  support.cpp)
target_link_libraries(central_public_tests PRIVATE oneservice_central_api oneservice_test_support
  oneservice_warnings GTest::gtest_main GTest::gmock)
target_compile_definitions(central_public_tests PRIVATE
  ONESERVICE_ASSETS_DIR="${ONESERVICE_ASSETS_DIR}" ONESERVICE_LOCALE_DIR="${ONESERVICE_LOCALE_DIR}")
gtest_discover_tests(central_public_tests DISCOVERY_MODE PRE_TEST PROPERTIES LABELS "central;public")
