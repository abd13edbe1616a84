#pragma once
// Real JPEGs for the thumbnail and photo tests, made with libjpeg-turbo, and
// a reader of their dimensions, so a test checks a thumbnail by decoding it.
#include <optional>
#include <string>

namespace oneservice::central::test {

// A width x height photo-like JPEG (gradients and noise, so it compresses
// no better than a photo). With `orientation` 2..8 it carries an Exif APP1
// segment with that orientation tag.
std::string sample_jpeg(int width, int height, int orientation = 1);

// The same JPEG with its baseline frame header claiming width x height
// (at most 65535 each): given a vast size, a decompression bomb.
std::string claiming(std::string jpeg, int width, int height);

struct JpegSize {
  int width = 0, height = 0;
};
// nullopt when libjpeg-turbo cannot decode the whole of it.
std::optional<JpegSize> decoded_size(const std::string& jpeg);

// The colour at (x, y) of a decoded JPEG, for checking which way up it is.
struct Rgb {
  int r = 0, g = 0, b = 0;
};
Rgb pixel_at(const std::string& jpeg, int x, int y);

}  // namespace oneservice::central::test
