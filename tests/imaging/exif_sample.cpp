#include "exif_sample.h"

#include <libexif/exif-data.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include "central/jpeg_sample.h"

namespace oneservice::imaging::test {
namespace {

// An entry of `components` values of `format`, added to `ifd`; the data is
// left for the caller to fill.
ExifEntry* add_entry(ExifData* exif, ExifIfd ifd, ExifTag tag, ExifFormat format, unsigned long components) {
  ExifMem* memory = exif_mem_new_default();
  ExifEntry* entry = exif_entry_new_mem(memory);
  const auto size = exif_format_get_size(format) * components;
  entry->data = static_cast<unsigned char*>(exif_mem_alloc(memory, static_cast<ExifLong>(size)));
  entry->size = static_cast<unsigned int>(size);
  entry->tag = tag;
  entry->components = components;
  entry->format = format;
  exif_content_add_entry(exif->ifd[ifd], entry);
  exif_mem_unref(memory);
  exif_entry_unref(entry);  // the IFD holds it now
  return entry;
}

void add_text(ExifData* exif, ExifIfd ifd, ExifTag tag, const char* text) {
  ExifEntry* entry = add_entry(exif, ifd, tag, EXIF_FORMAT_ASCII, std::strlen(text) + 1);
  std::memcpy(entry->data, text, std::strlen(text) + 1);
}

// Degrees, minutes and seconds (to a thousandth) as three rationals.
void add_coordinate(ExifData* exif, ExifTag tag, double degrees) {
  ExifEntry* entry = add_entry(exif, EXIF_IFD_GPS, tag, EXIF_FORMAT_RATIONAL, 3);
  const double magnitude = std::fabs(degrees);
  const auto whole = static_cast<ExifLong>(magnitude);
  const double minutes = (magnitude - whole) * 60.0;
  const auto whole_minutes = static_cast<ExifLong>(minutes);
  const auto thousandths = static_cast<ExifLong>(std::lround((minutes - whole_minutes) * 60.0 * 1000.0));
  const ExifRational parts[3] = {{whole, 1}, {whole_minutes, 1}, {thousandths, 1000}};
  for (int i = 0; i < 3; ++i)
    exif_set_rational(entry->data + i * exif_format_get_size(EXIF_FORMAT_RATIONAL), EXIF_BYTE_ORDER_INTEL, parts[i]);
}

}  // namespace

std::string exif_app1(const ExifFields& fields) {
  ExifData* exif = exif_data_new();
  exif_data_set_byte_order(exif, EXIF_BYTE_ORDER_INTEL);
  exif_data_unset_option(exif, EXIF_DATA_OPTION_FOLLOW_SPECIFICATION);  // write exactly these tags

  ExifEntry* orientation = add_entry(exif, EXIF_IFD_0, EXIF_TAG_ORIENTATION, EXIF_FORMAT_SHORT, 1);
  exif_set_short(orientation->data, EXIF_BYTE_ORDER_INTEL, static_cast<ExifShort>(fields.orientation));
  add_text(exif, EXIF_IFD_0, EXIF_TAG_MAKE, "Example Cameras");
  add_text(exif, EXIF_IFD_0, EXIF_TAG_MODEL, "Field 3000");
  add_text(exif, EXIF_IFD_EXIF, EXIF_TAG_BODY_SERIAL_NUMBER, kSerialNumber);
  add_text(exif, EXIF_IFD_EXIF, EXIF_TAG_CAMERA_OWNER_NAME, kOwnerName);
  if (fields.lat && fields.lon) {
    if (fields.write_refs) {
      add_text(exif, EXIF_IFD_GPS, static_cast<ExifTag>(EXIF_TAG_GPS_LATITUDE_REF), *fields.lat < 0 ? "S" : "N");
      add_text(exif, EXIF_IFD_GPS, static_cast<ExifTag>(EXIF_TAG_GPS_LONGITUDE_REF), *fields.lon < 0 ? "W" : "E");
    }
    add_coordinate(exif, static_cast<ExifTag>(EXIF_TAG_GPS_LATITUDE), *fields.lat);
    add_coordinate(exif, static_cast<ExifTag>(EXIF_TAG_GPS_LONGITUDE), *fields.lon);
  }

  unsigned char* saved = nullptr;
  unsigned int saved_size = 0;
  exif_data_save_data(exif, &saved, &saved_size);  // "Exif\0\0" and the TIFF structure
  exif_data_unref(exif);
  if (!saved || saved_size == 0 || saved_size > 65533) throw std::runtime_error("libexif wrote no EXIF");
  const std::string body(reinterpret_cast<const char*>(saved), saved_size);
  std::free(saved);
  const auto length = body.size() + 2;
  return std::string("\xFF\xE1", 2) + static_cast<char>(length >> 8) + static_cast<char>(length & 0xFF) + body;
}

std::string photo_with_exif(int width, int height, const ExifFields& fields) {
  std::string jpeg = central::test::sample_jpeg(width, height);
  jpeg.insert(2, exif_app1(fields));
  return jpeg;
}

std::string marker_list(const std::string& jpeg) {
  std::string markers;
  std::size_t at = 2;  // after SOI
  while (at + 4 <= jpeg.size() && static_cast<unsigned char>(jpeg[at]) == 0xFF) {
    const auto marker = static_cast<unsigned char>(jpeg[at + 1]);
    char name[4];
    std::snprintf(name, sizeof name, "%02X", marker);
    markers += markers.empty() ? name : std::string(" ") + name;
    if (marker == 0xDA) break;  // image data follows
    const std::size_t length = static_cast<std::size_t>(static_cast<unsigned char>(jpeg[at + 2])) << 8 |
                               static_cast<unsigned char>(jpeg[at + 3]);
    at += 2 + length;
  }
  return markers;
}

}  // namespace oneservice::imaging::test
