#pragma once
// Distance along the Earth's surface between two points (haversine on a
// sphere of the mean radius): metres, good to a fraction of a percent at
// the scale of "is it the same pothole". One rule for central's nearby
// search and the tablet's cache of nearby cases.
#include <algorithm>
#include <cmath>

namespace oneservice {

inline constexpr double kEarthRadiusM = 6371008.8;
inline constexpr double kPi = 3.14159265358979323846;

inline double radians(double degrees) { return degrees * kPi / 180.0; }

inline double metres_between(double lat1, double lon1, double lat2, double lon2) {
  const double dlat = radians(lat2 - lat1), dlon = radians(lon2 - lon1);
  const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(radians(lat1)) * std::cos(radians(lat2)) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthRadiusM * std::asin(std::min(1.0, std::sqrt(a)));
}

}  // namespace oneservice
