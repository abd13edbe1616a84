#include "kiosk/place_search.h"

#include "kiosk/search_text.h"

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <tuple>

namespace oneservice::kiosk {
namespace {

// Smaller things first: a resident looking for "Ashcombe" more likely means
// the library than the whole district.
int kind_rank(const std::string& kind) {
  static const std::vector<std::string> order = {"landmark", "road", "parish", "district", "county"};
  const auto found = std::find(order.begin(), order.end(), kind);
  return static_cast<int>(found - order.begin());
}

enum class Fit { None, Prefix, Whole };

// How the name's words take the query's: each query word must start some
// name word; Whole when each is a whole name word.
Fit fit(const std::vector<std::string>& query, const std::vector<std::string>& name) {
  bool whole = true;
  for (const auto& wanted : query) {
    bool found = false, found_whole = false;
    for (const auto& word : name) {
      if (word.compare(0, wanted.size(), wanted) != 0) continue;
      found = true;
      found_whole = found_whole || word.size() == wanted.size();
    }
    if (!found) return Fit::None;
    whole = whole && found_whole;
  }
  return whole ? Fit::Whole : Fit::Prefix;
}

LonLat middle_of(const MapRoad& road) {
  if (road.lines.empty() || road.lines.front().empty()) return {};
  const auto& line = road.lines.front();
  return line[line.size() / 2];
}

}  // namespace

std::vector<PlaceMatch> search_places(const MapData& map, std::string_view query, std::size_t limit) {
  const auto wanted = search_words(query);
  if (wanted.empty()) return {};
  struct Ranked {
    Fit fit;
    PlaceMatch match;
  };
  std::vector<Ranked> found;
  const auto consider = [&](const std::string& name, const std::string& kind, auto point_of) {
    if (name.empty()) return;
    const Fit how = fit(wanted, search_words(name));
    if (how != Fit::None) found.push_back({how, {name, kind, point_of()}});
  };
  for (const auto& landmark : map.landmarks) consider(landmark.name, "landmark", [&] { return landmark.point; });
  for (const auto& road : map.roads) consider(road.name, "road", [&] { return middle_of(road); });
  for (const auto& area : map.areas) consider(area.name, area.kind, [&] { return area_centroid(area); });

  std::stable_sort(found.begin(), found.end(), [](const Ranked& a, const Ranked& b) {
    return std::make_tuple(a.fit != Fit::Whole, kind_rank(a.match.kind), a.match.name) <
           std::make_tuple(b.fit != Fit::Whole, kind_rank(b.match.kind), b.match.name);
  });
  std::vector<PlaceMatch> out;
  for (std::size_t i = 0; i < found.size() && i < limit; ++i) out.push_back(std::move(found[i].match));
  return out;
}

}  // namespace oneservice::kiosk
