// prepare_photo and the EXIF readers: a photo imported from an SD card or a
// USB stick is outside input like any other (a file named .jpg can hold
// anything). What comes out must be a small JPEG with no EXIF left in it.
#include <cmath>
#include <algorithm>
#include <cstdlib>
#include <variant>

#include "fuzz/fuzz_target.h"
#include "imaging/prepare_photo.h"

namespace {

// Small, so each run decodes and encodes quickly; the rules are the same
// at 2048 px.
constexpr int kLongEdge = 48;

void check_position(const std::optional<oneservice::imaging::PhotoPosition>& position) {
  if (!position) return;
  if (!std::isfinite(position->lat) || !std::isfinite(position->lon) || std::fabs(position->lat) > 90 ||
      std::fabs(position->lon) > 180)
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace oneservice::imaging;
  const std::string bytes = oneservice::fuzz::as_text(data, size);
  check_position(exif_position(bytes));
  const int orientation = exif_orientation(bytes);
  if (orientation < 1 || orientation > 8) std::abort();
  const auto prepared = prepare_photo(bytes, kLongEdge);
  if (const auto* photo = std::get_if<PreparedPhoto>(&prepared)) {
    if (photo->width < 1 || photo->height < 1 || std::max(photo->width, photo->height) > kLongEdge) std::abort();
    if (photo->jpeg.size() < 4 || photo->jpeg.compare(0, 2, "\xFF\xD8") != 0) std::abort();
    check_position(photo->position);
    // Nothing of the original's EXIF leaves: no position, no orientation.
    if (exif_position(photo->jpeg) || exif_orientation(photo->jpeg) != 1) std::abort();
  }
  return 0;
}
