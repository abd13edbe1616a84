#pragma once
// What a photo's EXIF says that the device uses (through libexif): which
// way up it was taken, and where. Nothing else is read, and nothing of it
// is ever written out again (prepare_photo.h).
#include <optional>
#include <string_view>

namespace oneservice::imaging {

struct PhotoPosition {
  double lat = 0, lon = 0;  // WGS84 degrees, south and west negative
};

// The GPS position in a JPEG's EXIF; nullopt when there is none, it is
// damaged, or it is out of range.
std::optional<PhotoPosition> exif_position(std::string_view jpeg);

// 1..8 as EXIF defines it (1: upright); 1 when the JPEG has no readable tag.
int exif_orientation(std::string_view jpeg);

}  // namespace oneservice::imaging
