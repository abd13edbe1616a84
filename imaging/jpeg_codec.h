#pragma once
// libjpeg-turbo both ways, for photos: decoding a photo at the smallest of
// libjpeg-turbo's DCT scales 1/2, 1/4, 1/8 that still leaves its longer side
// at least the size wanted (a 48-megapixel photo is not decoded whole to make
// a 2048-px one), and encoding a picture with nothing in the file but the
// picture.
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "imaging/picture.h"

namespace oneservice::imaging {

// A decompression bomb (a small file declaring a vast picture) is refused
// before anything is allocated: the most pixels decoded, after DCT scaling
// (48 MB of RGB). A 48-megapixel phone photo decodes at 1/2 within it.
inline constexpr long long kMaxDecodedPixels = 4096LL * 4096LL;

enum class DecodeFailure { NotAJpeg, TooLarge, Damaged };

std::variant<Picture, DecodeFailure> decode_jpeg(std::string_view jpeg, int long_edge);

// Baseline JPEG, 4:2:0. libjpeg-turbo writes a JFIF APP0 header and no
// other marker segment: no EXIF, XMP, ICC or comment.
std::optional<std::string> encode_jpeg(const Picture& picture, int quality);

}  // namespace oneservice::imaging
