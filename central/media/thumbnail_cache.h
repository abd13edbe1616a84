#pragma once
// Thumbnails of the stored photos, made on first request and kept on disk
// beside them (MEDIA/thumbs/NAME): a photo file never changes once served,
// so neither does its thumbnail.
#include <optional>
#include <string>

namespace oneservice::central {

struct ServedPhoto {
  std::string bytes;
  bool thumbnail = false;  // false: the original, as no thumbnail can be made of it (PNG, GIF, WebP)
};

// `name` must already be a safe media name (open311/media.h). nullopt when
// there is no such photo. A thumbnail that cannot be written to the cache
// is still served.
std::optional<ServedPhoto> thumbnail_or_original(const std::string& media_dir, const std::string& name);

// The photo as asked for: thumbnail_or_original() when `thumbnail`, else
// the original's bytes.
std::optional<ServedPhoto> served_photo(const std::string& media_dir, const std::string& name, bool thumbnail);

std::string thumbnail_folder(const std::string& media_dir);

}  // namespace oneservice::central
