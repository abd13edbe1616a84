#include "kiosk/place_search.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <tuple>

namespace oneservice::kiosk {
namespace {

// Lower case with accents taken off (decompose, drop the combining marks,
// case-fold), by utf8proc. Text that is not UTF-8 is used as it is.
std::string fold(std::string_view text) {
  utf8proc_uint8_t* folded = nullptr;
  const auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                   static_cast<utf8proc_ssize_t>(text.size()), &folded,
                                   static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                                                  UTF8PROC_CASEFOLD));
  if (length < 0) return std::string(text);
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(folded, &std::free);
  return std::string(reinterpret_cast<const char*>(folded), static_cast<std::size_t>(length));
}

// ' and ’ join: "St Mary's" is the words "st" and "marys", whichever was typed.
bool is_apostrophe(utf8proc_int32_t code_point) { return code_point == 0x27 || code_point == 0x2019; }

bool is_word_character(utf8proc_int32_t code_point) {
  switch (utf8proc_category(code_point)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

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

std::vector<std::string> search_words(std::string_view text) {
  const std::string folded = fold(text);
  std::vector<std::string> words;
  std::string word;
  auto at = reinterpret_cast<const utf8proc_uint8_t*>(folded.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(folded.size());
  while (left > 0) {
    utf8proc_int32_t code_point = 0;
    utf8proc_ssize_t size = utf8proc_iterate(at, left, &code_point);
    if (size <= 0) {  // a stray byte: a separator
      size = 1;
      code_point = -1;
    }
    if (code_point >= 0 && is_word_character(code_point)) {
      word.append(reinterpret_cast<const char*>(at), static_cast<std::size_t>(size));
    } else if (!is_apostrophe(code_point) && !word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
    at += size;
    left -= size;
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

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
