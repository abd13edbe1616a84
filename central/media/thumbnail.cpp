#include "central/media/thumbnail.h"

#include <turbojpeg.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <vector>

namespace oneservice::central {
namespace {

constexpr int kQuality = 80;
constexpr int kChannels = 3;  // TJPF_RGB

struct HandleCloser {
  void operator()(void* handle) const noexcept { tjDestroy(handle); }
};
using Handle = std::unique_ptr<void, HandleCloser>;

struct Picture {
  int width = 0, height = 0;
  std::vector<unsigned char> rgb;  // rows top to bottom, kChannels bytes a pixel
};

std::uint32_t read_u16(const unsigned char* p, bool big_endian) {
  return big_endian ? (std::uint32_t{p[0]} << 8 | p[1]) : (std::uint32_t{p[1]} << 8 | p[0]);
}

std::uint32_t read_u32(const unsigned char* p, bool big_endian) {
  return big_endian ? (read_u16(p, true) << 16 | read_u16(p + 2, true))
                    : (read_u16(p + 2, false) << 16 | read_u16(p, false));
}

// The orientation tag in an Exif APP1 segment's first IFD; 1 when absent.
int orientation_in_exif(const unsigned char* tiff, std::size_t size) {
  if (size < 8) return 1;
  const bool big_endian = tiff[0] == 'M' && tiff[1] == 'M';
  if (!big_endian && !(tiff[0] == 'I' && tiff[1] == 'I')) return 1;
  const auto ifd = read_u32(tiff + 4, big_endian);
  if (ifd > size - 2) return 1;
  const auto entries = read_u16(tiff + ifd, big_endian);
  for (std::uint32_t i = 0; i < entries; ++i) {
    const std::size_t entry = std::size_t{ifd} + 2 + std::size_t{i} * 12;
    if (entry + 12 > size) return 1;
    if (read_u16(tiff + entry, big_endian) != 0x0112) continue;
    const auto value = read_u16(tiff + entry + 8, big_endian);
    return value >= 1 && value <= 8 ? static_cast<int>(value) : 1;
  }
  return 1;
}

// Fits the picture's longer side to long_edge, keeping its shape. Bilinear
// is enough here: libjpeg-turbo's DCT scaling already brought the picture
// to less than twice the size wanted.
Picture resized(const Picture& in, int long_edge) {
  const int longer = std::max(in.width, in.height);
  if (longer <= long_edge) return in;
  const double ratio = static_cast<double>(long_edge) / longer;
  Picture out;
  out.width = std::max(1, static_cast<int>(std::lround(in.width * ratio)));
  out.height = std::max(1, static_cast<int>(std::lround(in.height * ratio)));
  out.rgb.resize(static_cast<std::size_t>(out.width) * out.height * kChannels);
  const auto source = [&](double at, int size, int& low, int& high) {
    const double clamped = std::clamp(at, 0.0, static_cast<double>(size - 1));
    low = static_cast<int>(clamped);
    high = std::min(low + 1, size - 1);
    return clamped - low;
  };
  for (int y = 0; y < out.height; ++y) {
    int y0 = 0, y1 = 0;
    const double wy = source((y + 0.5) * in.height / out.height - 0.5, in.height, y0, y1);
    for (int x = 0; x < out.width; ++x) {
      int x0 = 0, x1 = 0;
      const double wx = source((x + 0.5) * in.width / out.width - 0.5, in.width, x0, x1);
      for (int c = 0; c < kChannels; ++c) {
        const auto at = [&](int px, int py) {
          return static_cast<double>(in.rgb[(static_cast<std::size_t>(py) * in.width + px) * kChannels + c]);
        };
        const double top = at(x0, y0) * (1 - wx) + at(x1, y0) * wx;
        const double bottom = at(x0, y1) * (1 - wx) + at(x1, y1) * wx;
        out.rgb[(static_cast<std::size_t>(y) * out.width + x) * kChannels + c] =
            static_cast<unsigned char>(std::lround(top * (1 - wy) + bottom * wy));
      }
    }
  }
  return out;
}

// The picture as EXIF orientation `orientation` says it should be seen.
Picture upright(const Picture& in, int orientation) {
  if (orientation <= 1 || orientation > 8) return in;
  const bool swaps = orientation >= 5;
  const int w = in.width, h = in.height;
  Picture out;
  out.width = swaps ? h : w;
  out.height = swaps ? w : h;
  out.rgb.resize(in.rgb.size());
  for (int y = 0; y < out.height; ++y) {
    for (int x = 0; x < out.width; ++x) {
      int sx = x, sy = y;
      switch (orientation) {
        case 2: sx = w - 1 - x; break;
        case 3: sx = w - 1 - x; sy = h - 1 - y; break;
        case 4: sy = h - 1 - y; break;
        case 5: sx = y; sy = x; break;
        case 6: sx = y; sy = h - 1 - x; break;
        case 7: sx = w - 1 - y; sy = h - 1 - x; break;
        case 8: sx = w - 1 - y; sy = x; break;
        default: break;
      }
      std::copy_n(&in.rgb[(static_cast<std::size_t>(sy) * w + sx) * kChannels], kChannels,
                  &out.rgb[(static_cast<std::size_t>(y) * out.width + x) * kChannels]);
    }
  }
  return out;
}

// Decodes at libjpeg-turbo's smallest DCT scale that still leaves the
// longer side at least long_edge: a 12-megapixel photo is decoded at 1/8.
std::optional<Picture> decoded(std::string_view jpeg, int long_edge) {
  Handle handle(tjInitDecompress());
  if (!handle) return std::nullopt;
  const auto* bytes = reinterpret_cast<const unsigned char*>(jpeg.data());
  const auto size = static_cast<unsigned long>(jpeg.size());
  int width = 0, height = 0, subsampling = 0, colourspace = 0;
  if (tjDecompressHeader3(handle.get(), bytes, size, &width, &height, &subsampling, &colourspace) != 0) return std::nullopt;
  if (width <= 0 || height <= 0 || colourspace == TJCS_CMYK || colourspace == TJCS_YCCK) return std::nullopt;

  int count = 0;
  const tjscalingfactor* factors = tjGetScalingFactors(&count);
  if (!factors || count <= 0) return std::nullopt;
  tjscalingfactor chosen{1, 1};
  long long chosen_area = static_cast<long long>(width) * height;
  for (int i = 0; i < count; ++i) {
    const auto& factor = factors[i];
    const int w = TJSCALED(width, factor), h = TJSCALED(height, factor);
    const long long area = static_cast<long long>(w) * h;
    if (std::max(w, h) >= std::min(long_edge, std::max(width, height)) && area < chosen_area) {
      chosen = factor;
      chosen_area = area;
    }
  }
  Picture picture;
  picture.width = TJSCALED(width, chosen);
  picture.height = TJSCALED(height, chosen);
  if (static_cast<long long>(picture.width) * picture.height > kMaxThumbnailSourcePixels) return std::nullopt;
  picture.rgb.resize(static_cast<std::size_t>(picture.width) * picture.height * kChannels);
  if (tjDecompress2(handle.get(), bytes, size, picture.rgb.data(), picture.width, 0, picture.height, TJPF_RGB,
                    TJFLAG_FASTDCT) != 0)
    return std::nullopt;  // a truncated or damaged file: serve nothing half-decoded
  return picture;
}

}  // namespace

int exif_orientation(std::string_view jpeg) {
  const auto* p = reinterpret_cast<const unsigned char*>(jpeg.data());
  const std::size_t size = jpeg.size();
  if (size < 4 || p[0] != 0xFF || p[1] != 0xD8) return 1;
  std::size_t at = 2;
  while (at + 4 <= size && p[at] == 0xFF) {
    const unsigned char marker = p[at + 1];
    if (marker == 0xDA || marker == 0xD9) break;  // image data: no more headers
    const std::size_t length = read_u16(p + at + 2, true);
    if (length < 2 || at + 2 + length > size) break;
    const unsigned char* segment = p + at + 4;
    const std::size_t segment_size = length - 2;
    if (marker == 0xE1 && segment_size > 6 && std::string_view(reinterpret_cast<const char*>(segment), 6) ==
                                                  std::string_view("Exif\0\0", 6))
      return orientation_in_exif(segment + 6, segment_size - 6);
    at += 2 + length;
  }
  return 1;
}

std::optional<std::string> make_thumbnail(std::string_view jpeg, int long_edge) {
  if (long_edge <= 0) return std::nullopt;
  auto picture = decoded(jpeg, long_edge);
  if (!picture) return std::nullopt;
  const auto small = upright(resized(*picture, long_edge), exif_orientation(jpeg));

  Handle handle(tjInitCompress());
  if (!handle) return std::nullopt;
  unsigned char* out = nullptr;
  unsigned long out_size = 0;
  const int failed = tjCompress2(handle.get(), small.rgb.data(), small.width, 0, small.height, TJPF_RGB, &out,
                                 &out_size, TJSAMP_420, kQuality, TJFLAG_FASTDCT);
  std::unique_ptr<unsigned char, void (*)(unsigned char*)> owned(out, [](unsigned char* buffer) { tjFree(buffer); });
  if (failed != 0 || !out) return std::nullopt;
  return std::string(reinterpret_cast<const char*>(out), out_size);
}

}  // namespace oneservice::central
