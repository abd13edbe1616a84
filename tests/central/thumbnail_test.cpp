// Thumbnails of case photos (central/media): really smaller, valid JPEGs the
// right way up, made once and kept, and the original when no thumbnail can
// be made.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "api_fixture.h"
#include "central/media/thumbnail.h"
#include "central/media/thumbnail_cache.h"
#include "imaging/exif_reading.h"
#include "jpeg_sample.h"
#include "support/temp_folder.h"

using namespace oneservice;
using namespace oneservice::central;
using imaging::exif_orientation;
using test::claiming;
using test::decoded_size;
using test::pixel_at;
using test::sample_jpeg;

namespace {

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The size a thumbnail of `photo` decodes to; nullopt when none was made
// or it does not decode whole.
std::optional<test::JpegSize> thumbnail_size(const std::string& photo) {
  const auto thumb = make_thumbnail(photo);
  if (!thumb) return std::nullopt;
  return decoded_size(*thumb);
}

}  // namespace

TEST(Thumbnail, ALandscapePhotoShrinksTo320AcrossAndFarFewerBytes) {
  const auto photo = sample_jpeg(2000, 1500);
  const auto thumb = make_thumbnail(photo);
  ASSERT_TRUE(thumb);
  const auto size = decoded_size(*thumb);
  ASSERT_TRUE(size) << "the thumbnail is a JPEG libjpeg-turbo decodes whole";
  EXPECT_EQ(size->width, 320);
  EXPECT_EQ(size->height, 240);
  EXPECT_LT(thumb->size() * 10, photo.size()) << thumb->size() << " bytes from " << photo.size();
}

TEST(Thumbnail, APortraitPhotoShrinksTo320HighAndASmallOneIsNotEnlarged) {
  const auto portrait = thumbnail_size(sample_jpeg(900, 1600));
  ASSERT_TRUE(portrait);
  EXPECT_EQ(portrait->width, 180);
  EXPECT_EQ(portrait->height, 320);
  const auto small = thumbnail_size(sample_jpeg(200, 100));
  ASSERT_TRUE(small);
  EXPECT_EQ(small->width, 200);
  EXPECT_EQ(small->height, 100);
}

TEST(Thumbnail, ExifOrientationIsReadAndApplied) {
  EXPECT_EQ(exif_orientation(sample_jpeg(64, 32)), 1);
  EXPECT_EQ(exif_orientation(sample_jpeg(64, 32, 6)), 6);
  EXPECT_EQ(exif_orientation("not a jpeg"), 1);
  EXPECT_EQ(exif_orientation(sample_jpeg(64, 32, 8).substr(0, 20)), 1) << "a cut-off header is read safely";

  // The sample is red to the right and blue downwards. Turned a quarter
  // clockwise (6), the bottom-left corner comes to the top left: blue.
  const auto clockwise = make_thumbnail(sample_jpeg(400, 200, 6));
  ASSERT_TRUE(clockwise);
  const auto size = decoded_size(*clockwise);
  ASSERT_TRUE(size);
  EXPECT_EQ(size->width, 160) << "turned: the longer side is now its height";
  EXPECT_EQ(size->height, 320);
  const auto top_left = pixel_at(*clockwise, 4, 4);
  EXPECT_GT(top_left.b, 140);
  EXPECT_LT(top_left.r, 80);

  // A quarter anticlockwise (8): the top-right corner comes there: red.
  const auto anticlockwise = make_thumbnail(sample_jpeg(400, 200, 8));
  ASSERT_TRUE(anticlockwise);
  const auto corner = pixel_at(*anticlockwise, 4, 4);
  EXPECT_GT(corner.r, 140);
  EXPECT_LT(corner.b, 80);
}

TEST(Thumbnail, WhatIsNotAWholeJpegGivesNone) {
  const std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR-rest-of-a-tiny-image", 32);
  EXPECT_FALSE(make_thumbnail(png));
  const auto photo = sample_jpeg(800, 600);
  EXPECT_FALSE(make_thumbnail(photo.substr(0, photo.size() / 3))) << "a truncated photo is not half-decoded";
  EXPECT_FALSE(make_thumbnail(claiming(photo, 60000, 60000))) << "a decompression bomb is not decoded";
  EXPECT_FALSE(make_thumbnail(photo, 0));
}

TEST(Thumbnail, TheCacheKeepsAThumbnailOnceMade) {
  test_support::TempFolder folder;
  const auto media = folder.path();
  write_file(media + "/a-1.jpg", sample_jpeg(1600, 1200));
  const auto first = thumbnail_or_original(media, "a-1.jpg");
  ASSERT_TRUE(first);
  EXPECT_TRUE(first->thumbnail);
  EXPECT_TRUE(std::filesystem::exists(thumbnail_folder(media) + "/a-1.jpg"));
  // Served from the cache: the original is no longer read.
  std::filesystem::remove(media + "/a-1.jpg");
  const auto again = thumbnail_or_original(media, "a-1.jpg");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->bytes, first->bytes);

  // A cache file cut short is made again from the original.
  write_file(media + "/b-1.jpg", sample_jpeg(1600, 1200));
  ASSERT_TRUE(thumbnail_or_original(media, "b-1.jpg"));
  const auto cached = thumbnail_folder(media) + "/b-1.jpg";
  const auto whole = read_file(cached);
  write_file(cached, whole.substr(0, whole.size() / 2));
  const auto remade = thumbnail_or_original(media, "b-1.jpg");
  ASSERT_TRUE(remade);
  EXPECT_TRUE(decoded_size(remade->bytes));
  EXPECT_FALSE(thumbnail_or_original(media, "none-1.jpg"));
}

class ThumbnailApi : public ::testing::Test {
 protected:
  test::ApiServer server;
  httplib::Client client{"127.0.0.1", server.port()};
};

TEST_F(ThumbnailApi, SizeThumbServesASmallJpegAndTheFullPhotoStaysAvailable) {
  const auto photo = sample_jpeg(2400, 1800);
  write_file(server.store().media_dir() + "/c0ffee-1.jpg", photo);
  const auto thumb = client.Get("/media/c0ffee-1.jpg?size=thumb");
  ASSERT_TRUE(thumb);
  EXPECT_EQ(thumb->status, 200);
  EXPECT_EQ(thumb->get_header_value("Content-Type"), "image/jpeg");
  const auto size = decoded_size(thumb->body);
  ASSERT_TRUE(size);
  EXPECT_EQ(size->width, 320);
  EXPECT_EQ(size->height, 240);
  EXPECT_LT(thumb->body.size() * 10, photo.size());

  for (const auto* path : {"/media/c0ffee-1.jpg", "/media/c0ffee-1.jpg?size=full"}) {
    const auto full = client.Get(path);
    ASSERT_TRUE(full);
    EXPECT_EQ(full->status, 200);
    EXPECT_EQ(full->body, photo) << path;
  }
}

TEST_F(ThumbnailApi, OtherImagesFallBackToTheOriginalAndErrorsAreClear) {
  const std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR-rest-of-a-tiny-image", 32);
  write_file(server.store().media_dir() + "/beef-1.png", png);
  const auto original = client.Get("/media/beef-1.png?size=thumb");
  ASSERT_TRUE(original);
  EXPECT_EQ(original->status, 200);
  EXPECT_EQ(original->body, png);
  EXPECT_EQ(original->get_header_value("Content-Type"), "image/png");

  const auto bad_size = client.Get("/media/beef-1.png?size=huge");
  ASSERT_TRUE(bad_size);
  EXPECT_EQ(bad_size->status, 400);
  EXPECT_NE(bad_size->body.find("size must be thumb or full"), std::string::npos);
  const auto missing = client.Get("/media/none-1.jpg?size=thumb");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  const auto escape = client.Get("/media/..%2Fcentral.sqlite3?size=thumb");
  ASSERT_TRUE(escape);
  EXPECT_EQ(escape->status, 404);
  const auto cache_folder = client.Get("/media/thumbs?size=thumb");
  ASSERT_TRUE(cache_folder);
  EXPECT_EQ(cache_folder->status, 404);
}
