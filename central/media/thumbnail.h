#pragma once
// Small JPEGs of case photos for an officer's device on a mobile signal: the
// jobs feed links them, and the full photo only on request. The decoding,
// turning and scaling are imaging/'s, the same steps a tablet's photo takes
// before it is sent.
#include <optional>
#include <string>
#include <string_view>

namespace oneservice::central {

// The longer side of a thumbnail, in pixels: sharp on a phone's list row,
// a few kilobytes over the air.
inline constexpr int kThumbnailLongEdge = 320;

// A baseline JPEG whose longer side is at most `long_edge`, turned upright
// by the photo's EXIF orientation (the thumbnail carries no EXIF, so no
// viewer turns it again). nullopt when `jpeg` is not a JPEG libjpeg-turbo
// can read whole (PNG, GIF, WebP, CMYK, damaged or cut short) or is a
// decompression bomb (more than imaging::kMaxDecodedPixels once scaled).
std::optional<std::string> make_thumbnail(std::string_view jpeg, int long_edge = kThumbnailLongEdge);

}  // namespace oneservice::central
