// Place search: forgiving matching of what residents type against the
// demo council's place names.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kiosk/place_search.h"
#include "kiosk/search_text.h"

using namespace oneservice;
using namespace oneservice::kiosk;

namespace {

const MapData& demo() {
  static const MapData map = load_map_data(std::string(ONESERVICE_ASSETS_DIR) + "/demo-council/boundaries.geojson");
  return map;
}

std::vector<std::string> names(const std::vector<PlaceMatch>& matches) {
  std::vector<std::string> out;
  for (const auto& match : matches) out.push_back(match.name);
  return out;
}

}  // namespace

TEST(PlaceSearch, WordsAreFoldedWithoutCaseAccentsOrApostrophes) {
  EXPECT_EQ(search_words("St Mary’s  ÉGLISE, Ashcombe-upon-Wey"),
            (std::vector<std::string>{"st", "marys", "eglise", "ashcombe", "upon", "wey"}));
  EXPECT_EQ(search_words("Llanfair Caereinion ŵ"), (std::vector<std::string>{"llanfair", "caereinion", "w"}));
  EXPECT_EQ(search_words("  , . "), std::vector<std::string>{});
}

TEST(PlaceSearch, AWordStartFindsThePlace) {
  const auto matches = search_places(demo(), "hemb");
  ASSERT_FALSE(matches.empty());
  // The church is a landmark, so it comes before the parish.
  EXPECT_EQ(names(matches), (std::vector<std::string>{"All Saints Church, Little Hembury", "Little Hembury Parish Council"}));
  EXPECT_EQ(matches[1].kind, "parish");
}

TEST(PlaceSearch, CaseAccentsAndWordOrderDoNotMatter) {
  EXPECT_EQ(names(search_places(demo(), "HEMBURY little")), names(search_places(demo(), "little hembury")));
  EXPECT_EQ(names(search_places(demo(), "Hémbury")), names(search_places(demo(), "hembury")));
  EXPECT_EQ(names(search_places(demo(), "marys")), (std::vector<std::string>{"St Mary's Church, Saltmarsh"}));
  EXPECT_EQ(names(search_places(demo(), "st mary")),
            (std::vector<std::string>{"Saltmarsh St Mary Parish Council", "St Mary's Church, Saltmarsh"}))
      << "whole words first";
}

TEST(PlaceSearch, EveryWordMustMatch) {
  EXPECT_TRUE(search_places(demo(), "little oakley").empty());
  EXPECT_TRUE(search_places(demo(), "xyz").empty());
  EXPECT_TRUE(search_places(demo(), "").empty());
  EXPECT_TRUE(search_places(demo(), "bury").empty()) << "the start of a word, not the middle";
}

TEST(PlaceSearch, WholeWordsComeFirstThenSmallerPlaces) {
  // "ashcombe" is a whole word in the library and the district.
  EXPECT_EQ(names(search_places(demo(), "ashcombe")),
            (std::vector<std::string>{"Ashcombe Library", "Ashcombe District Council"}));
  // "a3" starts three road names; "a338" is one whole.
  EXPECT_EQ(names(search_places(demo(), "a338")), (std::vector<std::string>{"A338"}));
  EXPECT_EQ(search_places(demo(), "a3").size(), 3u);
  EXPECT_EQ(search_places(demo(), "a3", 2).size(), 2u) << "at most the limit";
}

TEST(PlaceSearch, ResultsHaveAPointOnTheirPlace) {
  const auto library = search_places(demo(), "ashcombe library");
  ASSERT_EQ(library.size(), 1u);
  EXPECT_EQ(library[0].kind, "landmark");
  const auto& landmark = demo().landmarks.front();
  EXPECT_EQ(library[0].point, landmark.point);

  const auto road = search_places(demo(), "b3081");
  ASSERT_EQ(road.size(), 1u);
  const auto& line = demo().roads.back().lines.front();
  EXPECT_EQ(road[0].point, line[line.size() / 2]) << "the middle vertex";

  const auto parish = search_places(demo(), "little hembury parish");
  ASSERT_EQ(parish.size(), 1u);
  EXPECT_EQ(parish[0].point, area_centroid(*demo().find_area("parish-little-hembury")));
}
