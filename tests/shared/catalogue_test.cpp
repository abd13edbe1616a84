#include <gtest/gtest.h>

#include "shared/catalogue_json.h"

using namespace oneservice;

TEST(DemoCatalogue, Loads) {
  const auto catalogue = load_catalogue_file(std::string(ONESERVICE_ASSETS_DIR) + "/demo-council/catalogue.json");
  EXPECT_GE(catalogue.services.size(), 6u);
}
