#include "imaging/prepare_photo.h"

#include <utility>

#include "imaging/jpeg_codec.h"

namespace oneservice::imaging {
namespace {

// Quality of the photo sent: past 85 the file grows much faster than
// anything a case officer can see.
constexpr int kQuality = 85;

PhotoProblem problem_for(DecodeFailure failure) {
  switch (failure) {
    case DecodeFailure::NotAJpeg:
      return {PhotoProblemKind::NotAPhoto, "not a JPEG photo libjpeg-turbo can read"};
    case DecodeFailure::TooLarge:
      return {PhotoProblemKind::TooLarge, "the photo declares more pixels than the device will decode"};
    case DecodeFailure::Damaged:
      break;
  }
  return {PhotoProblemKind::Damaged, "the JPEG is damaged or cut short"};
}

}  // namespace

std::variant<PreparedPhoto, PhotoProblem> prepare_photo(std::string_view bytes, int long_edge) {
  if (long_edge <= 0) return PhotoProblem{PhotoProblemKind::TooLarge, "no size to scale the photo to"};
  auto decoded = decode_jpeg(bytes, long_edge);
  if (const auto* failure = std::get_if<DecodeFailure>(&decoded)) return problem_for(*failure);
  // Scaled before it is turned: the longer side is the same either way,
  // and turning the smaller picture costs less.
  const Picture picture = upright(fitted(std::move(std::get<Picture>(decoded)), long_edge), exif_orientation(bytes));
  auto jpeg = encode_jpeg(picture, kQuality);
  if (!jpeg) return PhotoProblem{PhotoProblemKind::Damaged, "libjpeg-turbo could not encode the photo"};
  return PreparedPhoto{std::move(*jpeg), picture.width, picture.height, exif_position(bytes)};
}

}  // namespace oneservice::imaging
