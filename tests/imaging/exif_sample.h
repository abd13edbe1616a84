#pragma once
// Photos with EXIF as a phone or camera writes it, made by the tests
// themselves: libexif builds the APP1 segment (orientation, GPS, the
// camera's make, model, serial number and owner), put into one of the
// sample JPEGs of tests/central/jpeg_sample.h.
#include <optional>
#include <string>

namespace oneservice::imaging::test {

struct ExifFields {
  int orientation = 1;
  // Degrees; written as EXIF does, unsigned with N/S and E/W.
  std::optional<double> lat, lon;
  bool write_refs = true;  // false: GPS values with no hemisphere letters
};

// What the sample's EXIF says about the camera: none of it may survive.
inline constexpr const char* kSerialNumber = "SN-4471-CAMERA-SERIAL";
inline constexpr const char* kOwnerName = "Gwen Officer-Owner";

// The Exif APP1 segment, from its FF E1 marker on.
std::string exif_app1(const ExifFields& fields);

// A width x height photo (red grows to the right, blue downwards) with that
// EXIF after its SOI marker.
std::string photo_with_exif(int width, int height, const ExifFields& fields);

// The JPEG's marker segments before its image data, e.g. "E0 DB C0 C4 DA".
std::string marker_list(const std::string& jpeg);

}  // namespace oneservice::imaging::test
