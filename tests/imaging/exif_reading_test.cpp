// A photo's own GPS position and orientation (imaging/exif_reading.h),
// from EXIF that libexif wrote for the test.
#include "imaging/exif_reading.h"

#include <gtest/gtest.h>

#include "central/jpeg_sample.h"
#include "exif_sample.h"

namespace oneservice::imaging {
namespace {

using test::ExifFields;
using test::photo_with_exif;

std::optional<PhotoPosition> position_written(double lat, double lon, bool refs = true) {
  ExifFields fields;
  fields.lat = lat;
  fields.lon = lon;
  fields.write_refs = refs;
  return exif_position(photo_with_exif(64, 48, fields));
}

TEST(ExifPosition, NorthAndWestInCardiff) {
  const auto position = position_written(51.4816, -3.1791);
  ASSERT_TRUE(position);
  EXPECT_NEAR(position->lat, 51.4816, 1e-6);
  EXPECT_NEAR(position->lon, -3.1791, 1e-6);
}

TEST(ExifPosition, SouthAndEastInSydney) {
  const auto position = position_written(-33.8688, 151.2093);
  ASSERT_TRUE(position);
  EXPECT_NEAR(position->lat, -33.8688, 1e-6);
  EXPECT_NEAR(position->lon, 151.2093, 1e-6);
}

TEST(ExifPosition, NoneWithoutHemispheresOrWithoutGps) {
  EXPECT_FALSE(position_written(51.4816, -3.1791, false)) << "a sign cannot be guessed";
  EXPECT_FALSE(exif_position(photo_with_exif(64, 48, {})));
  EXPECT_FALSE(exif_position(central::test::sample_jpeg(64, 48)));
  EXPECT_FALSE(exif_position("not a photo"));
  EXPECT_FALSE(exif_position(""));
}

TEST(ExifPosition, NoneForNullIsland) {
  EXPECT_FALSE(position_written(0.0, 0.0)) << "0,0 is a camera with no fix";
}

TEST(ExifOrientation, ReadsTheTagAndDefaultsToUpright) {
  for (int orientation = 1; orientation <= 8; ++orientation) {
    ExifFields fields;
    fields.orientation = orientation;
    EXPECT_EQ(exif_orientation(photo_with_exif(32, 16, fields)), orientation);
  }
  ExifFields nonsense;
  nonsense.orientation = 9;
  EXPECT_EQ(exif_orientation(photo_with_exif(32, 16, nonsense)), 1);
  EXPECT_EQ(exif_orientation(central::test::sample_jpeg(32, 16)), 1);
  EXPECT_EQ(exif_orientation("garbage"), 1);
}

TEST(ExifPosition, ATruncatedExifSegmentGivesNothingWrong) {
  ExifFields fields;
  fields.orientation = 6;
  fields.lat = 51.4816;
  fields.lon = -3.1791;
  const auto app1 = test::exif_app1(fields);
  // Cut at every length, the APP1's length still claiming the whole: what
  // is read is either what was written or nothing (ASan watches the reads).
  for (std::size_t keep = 0; keep < app1.size(); keep += 7) {
    const std::string cut = std::string("\xFF\xD8", 2) + app1.substr(0, keep);
    const auto position = exif_position(cut);
    if (position) {
      EXPECT_NEAR(position->lat, 51.4816, 1e-6) << keep;
      EXPECT_NEAR(position->lon, -3.1791, 1e-6) << keep;
    }
    const int orientation = exif_orientation(cut);
    EXPECT_TRUE(orientation == 1 || orientation == 6) << keep << ": " << orientation;
  }
}

}  // namespace
}  // namespace oneservice::imaging
