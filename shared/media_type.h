#pragma once
// What kind of image a file is, from its first bytes rather than from what a
// client or a file name claims: the device checks a photo before queuing it,
// the server again before storing it.
#include <optional>
#include <string>
#include <string_view>

namespace oneservice {

// "image/jpeg", "image/png", "image/gif", "image/webp", or nullopt.
std::optional<std::string> image_type(std::string_view bytes);
// "jpg", "png", "gif", "webp".
std::string extension_for(const std::string& content_type);

}  // namespace oneservice
