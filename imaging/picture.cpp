#include "imaging/picture.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace oneservice::imaging {
namespace {

std::size_t offset(int x, int y, int width) {
  return (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * kChannels;
}

// The first source row or column of output index `i` when `source` pixels
// become `target`.
int start_of(int i, int source, int target) {
  return static_cast<int>(static_cast<std::int64_t>(i) * source / target);
}

}  // namespace

Picture fitted(Picture in, int long_edge) {
  const int longer = std::max(in.width, in.height);
  if (long_edge <= 0 || longer <= long_edge) return in;
  const double ratio = static_cast<double>(long_edge) / longer;
  Picture out;
  out.width = std::max(1, static_cast<int>(std::lround(in.width * ratio)));
  out.height = std::max(1, static_cast<int>(std::lround(in.height * ratio)));
  out.rgb.resize(offset(0, out.height, out.width));
  // Output column x covers source columns [columns[x], columns[x + 1]).
  std::vector<int> columns(static_cast<std::size_t>(out.width) + 1);
  for (int x = 0; x <= out.width; ++x) columns[x] = start_of(x, in.width, out.width);
  std::vector<std::uint32_t> sums(static_cast<std::size_t>(out.width) * kChannels);
  for (int y = 0; y < out.height; ++y) {
    const int y0 = start_of(y, in.height, out.height);
    const int y1 = std::max(y0 + 1, start_of(y + 1, in.height, out.height));
    std::fill(sums.begin(), sums.end(), 0);
    for (int sy = y0; sy < y1; ++sy) {
      const unsigned char* row = &in.rgb[offset(0, sy, in.width)];
      for (int x = 0; x < out.width; ++x) {
        std::uint32_t* sum = &sums[static_cast<std::size_t>(x) * kChannels];
        for (int sx = columns[x]; sx < std::max(columns[x] + 1, columns[x + 1]); ++sx)
          for (int c = 0; c < kChannels; ++c) sum[c] += row[sx * kChannels + c];
      }
    }
    for (int x = 0; x < out.width; ++x) {
      const int span = std::max(1, columns[x + 1] - columns[x]);
      const auto area = static_cast<std::uint32_t>(span * (y1 - y0));
      for (int c = 0; c < kChannels; ++c)
        out.rgb[offset(x, y, out.width) + c] =
            static_cast<unsigned char>((sums[static_cast<std::size_t>(x) * kChannels + c] + area / 2) / area);
    }
  }
  return out;
}

Picture upright(Picture in, int orientation) {
  if (orientation <= 1 || orientation > 8) return in;
  const bool swaps = orientation >= 5;
  const int w = in.width, h = in.height;
  Picture out;
  out.width = swaps ? h : w;
  out.height = swaps ? w : h;
  out.rgb.resize(in.rgb.size());
  for (int y = 0; y < out.height; ++y) {
    for (int x = 0; x < out.width; ++x) {
      // Which stored pixel is seen at (x, y) (EXIF 2.3, tag 0x0112).
      int sx = x, sy = y;
      switch (orientation) {
        case 2: sx = w - 1 - x; break;                   // mirrored
        case 3: sx = w - 1 - x; sy = h - 1 - y; break;   // upside down
        case 4: sy = h - 1 - y; break;                   // mirrored upside down
        case 5: sx = y; sy = x; break;                   // transposed
        case 6: sx = y; sy = h - 1 - x; break;           // turned a quarter anticlockwise when taken
        case 7: sx = w - 1 - y; sy = h - 1 - x; break;   // transversed
        case 8: sx = w - 1 - y; sy = x; break;           // turned a quarter clockwise when taken
        default: break;
      }
      std::copy_n(&in.rgb[offset(sx, sy, w)], kChannels, &out.rgb[offset(x, y, out.width)]);
    }
  }
  return out;
}

}  // namespace oneservice::imaging
