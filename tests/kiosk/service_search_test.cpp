#include "kiosk/service_search.h"

#include <gtest/gtest.h>

#include "shared/catalogue_json.h"

namespace oneservice::kiosk {
namespace {

class ServiceSearch : public ::testing::Test {
 protected:
  std::vector<std::string> codes(const std::string& query, const Catalogue* shown = nullptr) {
    std::vector<std::string> out;
    for (const auto* service : search_services(shown ? *shown : catalogue_, catalogue_, query))
      out.push_back(service->service_code);
    return out;
  }
  Catalogue catalogue_ = load_catalogue_file(std::string(ONESERVICE_ASSETS_DIR) + "/demo-council/catalogue.json");
};

TEST_F(ServiceSearch, FindsByKeywordAndNameWordStarts) {
  EXPECT_EQ(codes("recycling"), std::vector<std::string>{"missed_bin"});
  EXPECT_EQ(codes("rubbish"), (std::vector<std::string>{"missed_bin", "fly_tipping"})) << "catalogue order";
  EXPECT_EQ(codes("POTH"), std::vector<std::string>{"pothole"}) << "case and word starts";
  EXPECT_TRUE(codes("").empty());
  EXPECT_TRUE(codes("   ").empty());
  EXPECT_TRUE(codes("zebra crossing").empty()) << "every word must match";
}

TEST_F(ServiceSearch, NameMatchesComeBeforeKeywordMatches) {
  const auto found = codes("speed");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.front(), "speeding_traffic");
}

TEST_F(ServiceSearch, MatchesAccentsAndTheShownLanguageAndEnglishKeywords) {
  Catalogue welsh = catalogue_;
  for (auto& service : welsh.services)
    if (service.service_code == "pothole") service.service_name = "Rhoi gwybod am dwll yn y ffordd";
  EXPECT_EQ(codes("ffôrdd", &welsh), std::vector<std::string>{"pothole"}) << "accent typed, none written";
  EXPECT_EQ(codes("twll", &welsh), std::vector<std::string>{}) << "word starts, not inside words";
  EXPECT_EQ(codes("dwll", &welsh), std::vector<std::string>{"pothole"});
  EXPECT_EQ(codes("pothole", &welsh), std::vector<std::string>{"pothole"}) << "the English still works";
}

}  // namespace
}  // namespace oneservice::kiosk
