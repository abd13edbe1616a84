// Boundaries lookup speed on a synthetic council: one county split into a
// grid of 50 districts, each split into 100 square parishes (5,000 parishes).
// Prints the build time (GeoJSON parse + GEOS geometries and STRtrees) and
// lookups per second for area_at(parish) on one thread and on several, and
// for route(). Every answer is checked against the grid arithmetic.
//
//   routing_bench [lookups] [threads]     defaults: 200000, 2
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "shared/routing.h"

using namespace oneservice;
using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kDistrictColumns = 10, kDistrictRows = 5;  // 50 districts
constexpr int kParishesPerSide = 10;                      // 100 parishes per district
constexpr double kWest = -5.0, kSouth = 50.0, kDistrictSize = 1.0;
constexpr double kParishSize = kDistrictSize / kParishesPerSide;

json square(const std::string& id, const std::string& kind, const std::string& parent, double x0, double y0,
            double size) {
  const double x1 = x0 + size, y1 = y0 + size;
  json ring = json::array({json::array({x0, y0}), json::array({x1, y0}), json::array({x1, y1}),
                           json::array({x0, y1}), json::array({x0, y0})});
  json properties = {{"id", id}, {"name", id + " Council"}, {"kind", kind},
                     {"contact", {{"name", "Clerk"}, {"role", "Parish Clerk"}, {"email", id + "@x.example"}}}};
  properties["parent"] = parent.empty() ? json(nullptr) : json(parent);
  return {{"type", "Feature"},
          {"properties", properties},
          {"geometry", {{"type", "Polygon"}, {"coordinates", json::array({ring})}}}};
}

std::string parish_id(int column, int row) {  // column, row over the whole county's parish grid
  return "parish-" + std::to_string(column) + "-" + std::to_string(row);
}

std::string synthetic_geojson() {
  json features = json::array();
  json county = square("county", "county", "", kWest, kSouth, 0);
  county["geometry"]["coordinates"] = json::array({json::array(
      {json::array({kWest, kSouth}), json::array({kWest + kDistrictColumns, kSouth}),
       json::array({kWest + kDistrictColumns, kSouth + kDistrictRows}), json::array({kWest, kSouth + kDistrictRows}),
       json::array({kWest, kSouth})})});
  features.push_back(county);
  for (int dc = 0; dc < kDistrictColumns; ++dc)
    for (int dr = 0; dr < kDistrictRows; ++dr) {
      const std::string district = "district-" + std::to_string(dc) + "-" + std::to_string(dr);
      features.push_back(square(district, "district", "county", kWest + dc, kSouth + dr, kDistrictSize));
      for (int pc = 0; pc < kParishesPerSide; ++pc)
        for (int pr = 0; pr < kParishesPerSide; ++pr) {
          const int column = dc * kParishesPerSide + pc, row = dr * kParishesPerSide + pr;
          features.push_back(square(parish_id(column, row), "parish", district, kWest + column * kParishSize,
                                    kSouth + row * kParishSize, kParishSize));
        }
    }
  return json{{"type", "FeatureCollection"}, {"features", features}}.dump();
}

struct Point {
  double lat, lon;
  std::string expected;  // parish id from the grid arithmetic
};

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

}  // namespace

int main(int argc, char** argv) {
  const std::size_t lookups = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 200000;
  const unsigned threads = argc > 2 ? static_cast<unsigned>(std::strtoul(argv[2], nullptr, 10)) : 2;

  auto start = Clock::now();
  const std::string text = synthetic_geojson();
  const double generate_s = seconds_since(start);

  start = Clock::now();
  const Boundaries boundaries = Boundaries::from_geojson(text);
  const double build_s = seconds_since(start);

  std::size_t parishes = 0;
  for (const auto& area : boundaries.areas()) parishes += area.kind == "parish";

  // Random points away from the grid lines (a point on a line is a border
  // case, tested elsewhere), so the expected parish is plain arithmetic.
  std::mt19937_64 random(42);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::vector<Point> points;
  points.reserve(lookups);
  while (points.size() < lookups) {
    const double x = u(random) * kDistrictColumns * kParishesPerSide, y = u(random) * kDistrictRows * kParishesPerSide;
    const double fx = x - std::floor(x), fy = y - std::floor(y);
    if (fx < 1e-6 || fx > 1 - 1e-6 || fy < 1e-6 || fy > 1 - 1e-6) continue;
    points.push_back({kSouth + y * kParishSize, kWest + x * kParishSize,
                      parish_id(static_cast<int>(x), static_cast<int>(y))});
  }

  // One thread.
  std::size_t wrong = 0;
  start = Clock::now();
  for (const auto& p : points) {
    const Area* area = boundaries.area_at(p.lat, p.lon, "parish");
    if (!area || area->id != p.expected) ++wrong;
  }
  const double single_s = seconds_since(start);

  // Several threads sharing the one Boundaries, each doing all the lookups.
  std::vector<std::size_t> wrong_by_thread(threads, 0);
  start = Clock::now();
  {
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t)
      pool.emplace_back([&, t] {
        for (const auto& p : points) {
          const Area* area = boundaries.area_at(p.lat, p.lon, "parish");
          if (!area || area->id != p.expected) ++wrong_by_thread[t];
        }
      });
    for (auto& thread : pool) thread.join();
  }
  const double multi_s = seconds_since(start);
  for (auto w : wrong_by_thread) wrong += w;

  // route(): rule check + parish lookup + notice text.
  Service service;
  service.responsible = ResponsibleLevel::Parish;
  start = Clock::now();
  std::size_t routed = 0;
  for (const auto& p : points) routed += route(service, {}, p.lat, p.lon, boundaries).body != nullptr;
  const double route_s = seconds_since(start);

  const auto n = static_cast<double>(lookups);
  std::printf("areas: %zu (%zu parishes in %d districts, 1 county), GeoJSON %.1f MB generated in %.3f s\n",
              boundaries.areas().size(), parishes, kDistrictColumns * kDistrictRows,
              static_cast<double>(text.size()) / 1e6, generate_s);
  std::printf("build (parse + GEOS geometries, validity check, STRtrees): %.3f s\n", build_s);
  std::printf("area_at parish, 1 thread:  %zu lookups in %.3f s = %.0f lookups/s\n", lookups, single_s, n / single_s);
  std::printf("area_at parish, %u threads: %zu lookups in %.3f s = %.0f lookups/s\n", threads, lookups * threads,
              multi_s, n * threads / multi_s);
  std::printf("route(), 1 thread:         %zu routes in %.3f s = %.0f routes/s\n", lookups, route_s, n / route_s);
  std::printf("wrong answers: %zu, routed to a body: %zu of %zu\n", wrong, routed, lookups);
  return wrong == 0 && routed == lookups ? 0 : 1;
}
