#pragma once
// A decoded photo in memory: what the steps of prepare_photo pass along.
#include <vector>

namespace oneservice::imaging {

inline constexpr int kChannels = 3;  // RGB, libjpeg-turbo's TJPF_RGB

struct Picture {
  int width = 0, height = 0;
  std::vector<unsigned char> rgb;  // rows top to bottom, kChannels bytes a pixel
};

// Shrinks so the longer side is at most long_edge, keeping the shape; a
// picture already small enough comes back as it is (never upscaled). Each
// output pixel is the mean of the source pixels it covers, so fine detail
// (text on a sign) is softened rather than broken into jagged noise.
Picture fitted(Picture picture, int long_edge);

// The picture as EXIF orientation 1..8 says it should be seen (1 and
// anything unknown: as stored).
Picture upright(Picture picture, int orientation);

}  // namespace oneservice::imaging
