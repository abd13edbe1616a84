#pragma once
// A photo on a report as the journey holds it: already scaled and stripped
// of its metadata (imaging/), with the position its EXIF held, if any.
// Only field mode takes photos today; the kiosk's journeys have none.
#include <optional>
#include <string>

namespace oneservice::kiosk {

struct ReportPhoto {
  std::string jpeg;
  int width = 0, height = 0;
  std::optional<double> lat, lon;
};

}  // namespace oneservice::kiosk
