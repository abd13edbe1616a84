#include "imaging/jpeg_codec.h"

#include <turbojpeg.h>

#include <algorithm>
#include <memory>

namespace oneservice::imaging {
namespace {

struct HandleCloser {
  void operator()(void* handle) const noexcept { tjDestroy(handle); }
};
using Handle = std::unique_ptr<void, HandleCloser>;

// The smallest scale whose longer side is still at least long_edge (or the
// whole picture, when it is smaller than that already). With simd_only,
// among 1/1, 1/2, 1/4 and 1/8 alone: libjpeg-turbo has SIMD code for those
// and plain C for the other eighths. A 4K frame decoded whole and then
// scaled took half the time of a 5/8 decode (bench/photo_capture_bench),
// for 2.6 times the decode memory.
tjscalingfactor scale_for(int width, int height, int long_edge, bool simd_only) {
  int count = 0;
  const tjscalingfactor* factors = tjGetScalingFactors(&count);
  tjscalingfactor chosen{1, 1};
  if (!factors) return chosen;
  const int wanted = std::min(long_edge, std::max(width, height));
  long long chosen_area = static_cast<long long>(width) * height;
  for (int i = 0; i < count; ++i) {
    if (simd_only && (factors[i].num != 1 || factors[i].denom > 8)) continue;
    const int w = TJSCALED(width, factors[i]), h = TJSCALED(height, factors[i]);
    const long long area = static_cast<long long>(w) * h;
    if (std::max(w, h) >= wanted && area < chosen_area) {
      chosen = factors[i];
      chosen_area = area;
    }
  }
  return chosen;
}

}  // namespace

std::variant<Picture, DecodeFailure> decode_jpeg(std::string_view jpeg, int long_edge) {
  Handle handle(tjInitDecompress());
  if (!handle) return DecodeFailure::Damaged;
  const auto* bytes = reinterpret_cast<const unsigned char*>(jpeg.data());
  const auto size = static_cast<unsigned long>(jpeg.size());
  int width = 0, height = 0, subsampling = 0, colourspace = 0;
  if (tjDecompressHeader3(handle.get(), bytes, size, &width, &height, &subsampling, &colourspace) != 0 || width <= 0 ||
      height <= 0)
    return DecodeFailure::NotAJpeg;
  if (colourspace == TJCS_CMYK || colourspace == TJCS_YCCK) return DecodeFailure::NotAJpeg;  // print files, not photos

  // A photo too big for the limit at a SIMD scale (108 megapixels: 27 at
  // 1/2) may still fit at a finer one (15 at 3/8).
  auto scale = scale_for(width, height, long_edge, true);
  if (static_cast<long long>(TJSCALED(width, scale)) * TJSCALED(height, scale) > kMaxDecodedPixels)
    scale = scale_for(width, height, long_edge, false);
  Picture picture;
  picture.width = TJSCALED(width, scale);
  picture.height = TJSCALED(height, scale);
  if (static_cast<long long>(picture.width) * picture.height > kMaxDecodedPixels) return DecodeFailure::TooLarge;
  picture.rgb.resize(static_cast<std::size_t>(picture.width) * picture.height * kChannels);
  // Any warning (a truncated file among them) fails: half a photo is not
  // sent as if it were the photo.
  if (tjDecompress2(handle.get(), bytes, size, picture.rgb.data(), picture.width, 0, picture.height, TJPF_RGB,
                    TJFLAG_FASTDCT | TJFLAG_STOPONWARNING) != 0)
    return DecodeFailure::Damaged;
  return picture;
}

std::optional<std::string> encode_jpeg(const Picture& picture, int quality) {
  Handle handle(tjInitCompress());
  if (!handle || picture.width <= 0 || picture.height <= 0) return std::nullopt;
  unsigned char* out = nullptr;
  unsigned long out_size = 0;
  const int failed = tjCompress2(handle.get(), picture.rgb.data(), picture.width, 0, picture.height, TJPF_RGB, &out,
                                 &out_size, TJSAMP_420, quality, TJFLAG_FASTDCT);
  std::unique_ptr<unsigned char, void (*)(unsigned char*)> owned(out, [](unsigned char* buffer) { tjFree(buffer); });
  if (failed != 0 || !out) return std::nullopt;
  return std::string(reinterpret_cast<const char*>(out), out_size);
}

}  // namespace oneservice::imaging
