// Boundaries::from_geojson: the council's boundary file as routing reads it
// (GEOS polygons), then a lookup at each area's first corner.
#include "fuzz/fuzz_target.h"
#include "shared/geojson_reading.h"
#include "shared/routing.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace oneservice;
  try {
    const auto boundaries = Boundaries::from_geojson(fuzz::as_text(data, size));
    for (const auto& area : boundaries.areas()) {
      boundaries.find(area.id);
      boundaries.area_at(51.0, -1.0, area.kind);
    }
  } catch (const FormatError&) {
  }
  return 0;
}
