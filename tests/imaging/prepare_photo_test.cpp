// Photos made ready to leave the tablet (imaging/prepare_photo.h): turned
// upright, scaled, stripped of every metadata segment, their own GPS
// position read first; broken and hostile files give a problem.
#include "imaging/prepare_photo.h"

#include <gtest/gtest.h>

#include "central/jpeg_sample.h"
#include "exif_sample.h"

namespace oneservice::imaging {
namespace {

using central::test::decoded_size;
using central::test::pixel_at;
using central::test::Rgb;
using test::ExifFields;
using test::photo_with_exif;

PreparedPhoto prepared(const std::string& bytes, int long_edge = kPhotoLongEdge) {
  auto result = prepare_photo(bytes, long_edge);
  if (auto* problem = std::get_if<PhotoProblem>(&result)) {
    ADD_FAILURE() << "refused: " << problem->reason;
    return {};
  }
  return std::get<PreparedPhoto>(std::move(result));
}

PhotoProblemKind refused(const std::string& bytes) {
  auto result = prepare_photo(bytes);
  EXPECT_TRUE(std::holds_alternative<PhotoProblem>(result)) << "prepared a photo that should have been refused";
  if (auto* problem = std::get_if<PhotoProblem>(&result)) {
    EXPECT_FALSE(problem->reason.empty());
    return problem->kind;
  }
  return PhotoProblemKind::NotAPhoto;
}

// Which corner of the stored sample a pixel shows: red grows to the right
// and blue downwards in jpeg_sample's pictures.
std::string corner(const Rgb& colour) {
  const auto side = [](int value) -> std::string {
    if (value < 90) return "low";
    if (value > 150) return "high";
    return "mid";
  };
  std::string vertical = side(colour.b) == "low" ? "top" : side(colour.b) == "high" ? "bottom" : "?";
  std::string horizontal = side(colour.r) == "low" ? "left" : side(colour.r) == "high" ? "right" : "?";
  return vertical + "-" + horizontal;
}

struct Corners {
  std::string top_left, top_right, bottom_left;
};

Corners corners_of(const PreparedPhoto& photo) {
  const int inset = 3;
  return {corner(pixel_at(photo.jpeg, inset, inset)), corner(pixel_at(photo.jpeg, photo.width - 1 - inset, inset)),
          corner(pixel_at(photo.jpeg, inset, photo.height - 1 - inset))};
}

// A photo whose frame header claims a vast picture: a decompression bomb.
std::string claiming(std::string jpeg, int width, int height) {
  const auto sof = jpeg.find("\xFF\xC0");
  if (sof == std::string::npos) throw std::runtime_error("the sample JPEG has no baseline frame header");
  jpeg[sof + 5] = static_cast<char>(height >> 8);
  jpeg[sof + 6] = static_cast<char>(height & 0xFF);
  jpeg[sof + 7] = static_cast<char>(width >> 8);
  jpeg[sof + 8] = static_cast<char>(width & 0xFF);
  return jpeg;
}

TEST(PreparePhoto, AnUprightPhotoKeepsItsCornersAndSize) {
  const auto photo = prepared(photo_with_exif(320, 160, {}));
  EXPECT_EQ(photo.width, 320);
  EXPECT_EQ(photo.height, 160);
  const auto seen = corners_of(photo);
  EXPECT_EQ(seen.top_left, "top-left");
  EXPECT_EQ(seen.top_right, "top-right");
  EXPECT_EQ(seen.bottom_left, "bottom-left");
}

TEST(PreparePhoto, TurnsThePhotoAsItsOrientationSays) {
  struct Case {
    int orientation, width, height;
    Corners expected;
  };
  // Stored 320 x 160; what each corner of the prepared photo must show.
  const Case cases[] = {
      {2, 320, 160, {"top-right", "top-left", "bottom-right"}},     // mirrored
      {3, 320, 160, {"bottom-right", "bottom-left", "top-right"}},  // upside down
      {6, 160, 320, {"bottom-left", "top-left", "bottom-right"}},   // a quarter turn clockwise to see it
      {8, 160, 320, {"top-right", "bottom-right", "top-left"}},     // a quarter turn anticlockwise
  };
  for (const auto& c : cases) {
    SCOPED_TRACE("orientation " + std::to_string(c.orientation));
    ExifFields fields;
    fields.orientation = c.orientation;
    const auto photo = prepared(photo_with_exif(320, 160, fields));
    EXPECT_EQ(photo.width, c.width);
    EXPECT_EQ(photo.height, c.height);
    const auto seen = corners_of(photo);
    EXPECT_EQ(seen.top_left, c.expected.top_left);
    EXPECT_EQ(seen.top_right, c.expected.top_right);
    EXPECT_EQ(seen.bottom_left, c.expected.bottom_left);
    // Upright now, with no tag left to make a viewer turn it again.
    EXPECT_EQ(exif_orientation(photo.jpeg), 1);
  }
}

TEST(PreparePhoto, ScalesTheLongerSideDownToTheLimitKeepingTheShape) {
  const auto photo = prepared(photo_with_exif(3000, 2000, {}));
  EXPECT_EQ(photo.width, 2048);
  EXPECT_EQ(photo.height, 1365);
  const auto size = decoded_size(photo.jpeg);
  ASSERT_TRUE(size) << "the result is a JPEG that decodes whole";
  EXPECT_EQ(size->width, 2048);
  EXPECT_EQ(size->height, 1365);
  EXPECT_EQ(corners_of(photo).top_right, "top-right");
}

TEST(PreparePhoto, ATurnedPhotoIsScaledByItsLongerSideToo) {
  ExifFields fields;
  fields.orientation = 6;
  const auto photo = prepared(photo_with_exif(1200, 600, fields), 400);
  EXPECT_EQ(photo.width, 200);
  EXPECT_EQ(photo.height, 400);
  EXPECT_EQ(corners_of(photo).top_left, "bottom-left");
}

TEST(PreparePhoto, NeverScalesASmallPhotoUp) {
  const auto photo = prepared(photo_with_exif(800, 600, {}));
  EXPECT_EQ(photo.width, 800);
  EXPECT_EQ(photo.height, 600);
}

TEST(PreparePhoto, WritesNoMetadataAtAll) {
  ExifFields fields;
  fields.orientation = 6;
  fields.lat = 51.4816;
  fields.lon = -3.1791;
  const auto original = photo_with_exif(640, 480, fields);
  ASSERT_NE(test::marker_list(original).find("E1"), std::string::npos) << "the sample itself has EXIF";
  ASSERT_NE(original.find(test::kSerialNumber), std::string::npos);

  const auto photo = prepared(original);
  // Only JFIF's APP0, then tables, the frame and the scan: no APP1..APP15
  // (EXIF, XMP, ICC, maker data) and no comment.
  const auto markers = test::marker_list(photo.jpeg);
  EXPECT_EQ(markers.substr(0, 2), "E0") << markers;
  for (const char* forbidden : {"E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9", "EA", "EB", "EC", "ED", "EE",
                                "EF", "FE"})
    EXPECT_EQ(markers.find(forbidden), std::string::npos) << forbidden << " in " << markers;
  EXPECT_NE(markers.find("DA"), std::string::npos) << markers;
  EXPECT_EQ(photo.jpeg.find("Exif"), std::string::npos);
  EXPECT_EQ(photo.jpeg.find(test::kSerialNumber), std::string::npos);
  EXPECT_EQ(photo.jpeg.find(test::kOwnerName), std::string::npos);
  EXPECT_FALSE(exif_position(photo.jpeg));
}

TEST(PreparePhoto, HandsBackThePhotosOwnPositionReadBeforeItIsDropped) {
  ExifFields fields;
  fields.lat = 51.4816;
  fields.lon = -3.1791;
  const auto photo = prepared(photo_with_exif(640, 480, fields));
  ASSERT_TRUE(photo.position);
  EXPECT_NEAR(photo.position->lat, 51.4816, 1e-6);
  EXPECT_NEAR(photo.position->lon, -3.1791, 1e-6);

  EXPECT_FALSE(prepared(photo_with_exif(640, 480, {})).position) << "no GPS in the photo: no position";
}

TEST(PreparePhoto, RefusesADecompressionBomb) {
  const auto bomb = claiming(central::test::sample_jpeg(64, 64), 60000, 60000);
  EXPECT_EQ(refused(bomb), PhotoProblemKind::TooLarge);
}

TEST(PreparePhoto, AVeryLargePhotoIsNotTakenForABomb) {
  // 108 megapixels, as some phones write: decoded at a finer scale (3/8)
  // to stay within the limit. Only its header is real, so decoding it
  // fails as damaged, which shows it was not refused as too large.
  const auto header_only = claiming(central::test::sample_jpeg(64, 64), 12000, 9000);
  EXPECT_EQ(refused(header_only), PhotoProblemKind::Damaged);
}

TEST(PreparePhoto, RefusesWhatIsNotAPhoto) {
  EXPECT_EQ(refused(""), PhotoProblemKind::NotAPhoto);
  EXPECT_EQ(refused("this is a text file, not a photo"), PhotoProblemKind::NotAPhoto);
  EXPECT_EQ(refused(std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16)), PhotoProblemKind::NotAPhoto);
}

TEST(PreparePhoto, RefusesAPhotoCutShortOrDamaged) {
  const auto whole = photo_with_exif(640, 480, {});
  const auto sos = whole.find("\xFF\xDA");
  ASSERT_NE(sos, std::string::npos);
  // Cut half-way through its image data: the header reads, the picture not.
  EXPECT_EQ(refused(whole.substr(0, sos + (whole.size() - sos) / 2)), PhotoProblemKind::Damaged);
}

}  // namespace
}  // namespace oneservice::imaging
