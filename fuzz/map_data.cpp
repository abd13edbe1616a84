// parse_map_data: the council's boundary file as the kiosk's map reads it
// (shared/geojson_reading), then each area's label position.
#include "fuzz/fuzz_target.h"
#include "shared/map_data.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace oneservice;
  try {
    const auto map = parse_map_data(fuzz::as_text(data, size));
    for (const auto& area : map.areas) area_centroid(area);
  } catch (const FormatError&) {
  }
  return 0;
}
