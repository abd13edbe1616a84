#include "central/media/thumbnail.h"

#include <utility>
#include <variant>

#include "imaging/exif_reading.h"
#include "imaging/jpeg_codec.h"
#include "imaging/picture.h"

namespace oneservice::central {
namespace {

// Lower than a sent photo's 85: a list row's picture, where bytes over a
// mobile signal matter more than fine detail.
constexpr int kQuality = 80;

}  // namespace

std::optional<std::string> make_thumbnail(std::string_view jpeg, int long_edge) {
  if (long_edge <= 0) return std::nullopt;
  auto decoded = imaging::decode_jpeg(jpeg, long_edge);
  auto* picture = std::get_if<imaging::Picture>(&decoded);
  if (!picture) return std::nullopt;  // not a JPEG, a bomb, or damaged: the original is served instead
  const auto small =
      imaging::upright(imaging::fitted(std::move(*picture), long_edge), imaging::exif_orientation(jpeg));
  return imaging::encode_jpeg(small, kQuality);
}

}  // namespace oneservice::central
