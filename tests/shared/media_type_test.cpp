#include <gtest/gtest.h>

#include "shared/media_type.h"

using namespace oneservice;

TEST(MediaType, KnownImagesAreRecognisedByTheirBytes) {
  EXPECT_EQ(image_type("\xFF\xD8\xFF\xE0 rest of a jpeg"), "image/jpeg");
  EXPECT_EQ(image_type(std::string("\x89PNG\r\n\x1A\n\0\0", 10)), "image/png");
  EXPECT_EQ(image_type("GIF89a..."), "image/gif");
  EXPECT_EQ(image_type(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16)), "image/webp");
  EXPECT_EQ(extension_for("image/jpeg"), "jpg");
  EXPECT_EQ(extension_for("image/png"), "png");
}

TEST(MediaType, AnythingElseIsNotAnImage) {
  EXPECT_FALSE(image_type(""));
  EXPECT_FALSE(image_type("MZ\x90\0 a Windows program"));
  EXPECT_FALSE(image_type("%PDF-1.7"));
  EXPECT_FALSE(image_type(std::string("RIFF\x10\0\0\0WAVEfmt ", 16)));  // a sound, not a picture
  EXPECT_FALSE(image_type("\xFF\xD8"));  // too short to be a JPEG
}
