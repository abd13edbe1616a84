#pragma once
// Small JPEGs of case photos for an officer's device on a mobile signal: the
// jobs feed links them, and the full photo only on request.
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
// can read (PNG, GIF, WebP, CMYK, damaged) or would need more than
// kMaxThumbnailSourcePixels of memory to scale.
std::optional<std::string> make_thumbnail(std::string_view jpeg, int long_edge = kThumbnailLongEdge);

// A decompression bomb (a small file declaring a vast picture) is refused
// rather than decoded: this is the most pixels decoded after libjpeg-turbo's
// own 1/8 scaling.
inline constexpr long long kMaxThumbnailSourcePixels = 4096LL * 4096LL;

// 1..8 as EXIF defines it (1: upright); 1 when the JPEG has no readable tag.
int exif_orientation(std::string_view jpeg);

}  // namespace oneservice::central
