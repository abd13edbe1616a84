#include "imaging/exif_reading.h"

#include <libexif/exif-data.h>

#include <cmath>
#include <memory>

namespace oneservice::imaging {
namespace {

struct ExifUnref {
  void operator()(ExifData* data) const noexcept { exif_data_unref(data); }
};
using Exif = std::unique_ptr<ExifData, ExifUnref>;

Exif exif_of(std::string_view jpeg) {
  if (jpeg.size() < 4) return nullptr;
  // libexif looks for the APP1 segment among the JPEG's markers itself.
  return Exif(exif_data_new_from_data(reinterpret_cast<const unsigned char*>(jpeg.data()),
                                      static_cast<unsigned int>(jpeg.size())));
}

// Degrees from EXIF's three rationals (degrees, minutes, seconds) and the
// hemisphere letter that gives the sign.
std::optional<double> coordinate(ExifData* exif, ExifTag value_tag, ExifTag ref_tag, char negative, char positive,
                                 double limit) {
  ExifContent* gps = exif->ifd[EXIF_IFD_GPS];
  if (!gps) return std::nullopt;
  const ExifEntry* value = exif_content_get_entry(gps, value_tag);
  const ExifEntry* ref = exif_content_get_entry(gps, ref_tag);
  if (!value || !ref || value->format != EXIF_FORMAT_RATIONAL || value->components < 3 || !value->data ||
      value->size < 3 * exif_format_get_size(EXIF_FORMAT_RATIONAL) || ref->format != EXIF_FORMAT_ASCII ||
      ref->size < 1 || !ref->data)
    return std::nullopt;
  const char hemisphere = static_cast<char>(ref->data[0]);
  if (hemisphere != negative && hemisphere != positive) return std::nullopt;
  const ExifByteOrder order = exif_data_get_byte_order(exif);
  double parts[3];
  for (int i = 0; i < 3; ++i) {
    const ExifRational part = exif_get_rational(value->data + i * exif_format_get_size(EXIF_FORMAT_RATIONAL), order);
    if (part.denominator == 0) return std::nullopt;
    parts[i] = static_cast<double>(part.numerator) / part.denominator;
  }
  const double degrees = parts[0] + parts[1] / 60.0 + parts[2] / 3600.0;
  if (!std::isfinite(degrees) || degrees > limit) return std::nullopt;
  return hemisphere == negative ? -degrees : degrees;
}

}  // namespace

std::optional<PhotoPosition> exif_position(std::string_view jpeg) {
  const Exif exif = exif_of(jpeg);
  if (!exif) return std::nullopt;
  const auto lat = coordinate(exif.get(), static_cast<ExifTag>(EXIF_TAG_GPS_LATITUDE),
                              static_cast<ExifTag>(EXIF_TAG_GPS_LATITUDE_REF), 'S', 'N', 90.0);
  const auto lon = coordinate(exif.get(), static_cast<ExifTag>(EXIF_TAG_GPS_LONGITUDE),
                              static_cast<ExifTag>(EXIF_TAG_GPS_LONGITUDE_REF), 'W', 'E', 180.0);
  if (!lat || !lon) return std::nullopt;
  // 0,0 is what some cameras write when they had no fix: not a place in a
  // council's area.
  if (*lat == 0.0 && *lon == 0.0) return std::nullopt;
  return PhotoPosition{*lat, *lon};
}

int exif_orientation(std::string_view jpeg) {
  const Exif exif = exif_of(jpeg);
  if (!exif) return 1;
  const ExifEntry* entry = exif_content_get_entry(exif->ifd[EXIF_IFD_0], EXIF_TAG_ORIENTATION);
  if (!entry || entry->format != EXIF_FORMAT_SHORT || entry->size < 2 || !entry->data) return 1;
  const int value = exif_get_short(entry->data, exif_data_get_byte_order(exif.get()));
  return value >= 1 && value <= 8 ? value : 1;
}

}  // namespace oneservice::imaging
