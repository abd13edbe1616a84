#include "kiosk/location_description.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <optional>

#include "shared/text.h"

namespace oneservice::kiosk {
namespace {

// Further than this from the pin, a landmark or road is not what a person
// would call "near" (about 1.5 km).
constexpr double kNearMetres = 1500;
constexpr double kMetresPerDegree = 111'320;

// Distances in metres on a plane around the pin: exact enough within a few
// kilometres, which is all "near" needs.
struct LocalPlane {
  LonLat origin;
  double x_scale;

  explicit LocalPlane(LonLat at)
      : origin(at), x_scale(kMetresPerDegree * std::cos(at.lat * std::numbers::pi / 180)) {}
  double x(LonLat p) const { return (p.lon - origin.lon) * x_scale; }
  double y(LonLat p) const { return (p.lat - origin.lat) * kMetresPerDegree; }

  double to_point(LonLat p) const { return std::hypot(x(p), y(p)); }
  double to_segment(LonLat a, LonLat b) const {
    const double ax = x(a), ay = y(a), bx = x(b), by = y(b);
    const double dx = bx - ax, dy = by - ay;
    const double length_squared = dx * dx + dy * dy;
    const double t = length_squared == 0 ? 0 : std::clamp(-(ax * dx + ay * dy) / length_squared, 0.0, 1.0);
    return std::hypot(ax + t * dx, ay + t * dy);
  }
};

// The name of the nearest named landmark or road within kNearMetres.
// Landmarks win ties: "the library" is easier to picture than "the A338".
std::optional<std::string> nearest_name(LonLat point, const MapData& map) {
  const LocalPlane plane(point);
  double best = kNearMetres;
  std::optional<std::string> name;
  for (const auto& landmark : map.landmarks) {
    const double distance = plane.to_point(landmark.point);
    if (!landmark.name.empty() && distance <= best) {
      best = distance;
      name = landmark.name;
    }
  }
  for (const auto& road : map.roads) {
    if (road.name.empty()) continue;
    for (const auto& line : road.lines)
      for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const double distance = plane.to_segment(line[i], line[i + 1]);
        if (distance < best) {
          best = distance;
          name = road.name;
        }
      }
  }
  return name;
}

}  // namespace

std::string area_label(const std::string& name) {
  static const std::array<std::string, 6> suffixes = {" Parish Council", " Town Council", " District Council",
                                                      " Borough Council", " City Council", " County Council"};
  for (const auto& suffix : suffixes)
    if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      return name.substr(0, name.size() - suffix.size());
  return name;
}

std::vector<const Area*> areas_at(LonLat point, const Boundaries& boundaries) {
  std::vector<const Area*> out;
  for (const char* kind : {"parish", "district", "county"})
    if (const Area* area = boundaries.area_at(point.lat, point.lon, kind)) out.push_back(area);
  return out;
}

std::string describe_point(LonLat point, const MapData* map, const Boundaries* boundaries, const Wording& wording) {
  std::string area;
  if (boundaries) {
    const auto areas = areas_at(point, *boundaries);
    if (!areas.empty()) area = area_label(areas.front()->name);
  }
  const auto near = map ? nearest_name(point, *map) : std::nullopt;
  if (near) {
    // "Near All Saints Church, Little Hembury" already says where.
    if (area.empty() || near->find(area) != std::string::npos)
      return format(say(wording, gettext_noop("Near {place}")), {{"place", *near}});
    return format(say(wording, gettext_noop("Near {place}, {area}")), {{"place", *near}, {"area", area}});
  }
  if (!area.empty()) return format(say(wording, gettext_noop("In {area}")), {{"area", area}});
  return say(wording, gettext_noop("A place on the map"));
}

std::string describe_location(const Location& location, const MapData* map, const Boundaries* boundaries,
                              const Wording& wording) {
  std::vector<std::string> lines;
  if (location.has_point()) lines.push_back(describe_point({*location.lon, *location.lat}, map, boundaries, wording));
  const std::string words = trim(location.address_string);
  if (!words.empty()) lines.push_back(words);
  if (lines.empty()) return say(wording, gettext_noop("Not provided"));
  std::string out = lines.front();
  for (std::size_t i = 1; i < lines.size(); ++i) out += "\n" + lines[i];
  return out;
}

}  // namespace oneservice::kiosk
