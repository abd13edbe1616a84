#include "central/intake/photo_rules.h"

#include "central/intake/messages.h"
#include "shared/media_type.h"
#include "shared/photo_limits.h"

namespace oneservice::central {

std::optional<std::string> photo_problem(const std::vector<std::string_view>& photos) {
  if (photos.size() > kMaxPhotos) return kTooManyPhotosMessage;
  for (const auto bytes : photos) {
    if (bytes.size() > kMaxPhotoBytes) return kPhotoTooLargeMessage;
    if (!image_type(bytes)) return messages::kPhotoNotImage;
  }
  return std::nullopt;
}

}  // namespace oneservice::central
