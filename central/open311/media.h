#pragma once
// Photos sent with a request: only real images (checked by their first
// bytes, not by what the client says), only up to a size, stored under the
// store's media folder with names derived from the request, so a resend
// writes the same files instead of new ones.
#include <optional>
#include <string>

#include "shared/media_type.h"
#include "shared/photo_limits.h"

namespace oneservice::central::open311 {

// Writes bytes to folder/name via a temporary file and rename, so a reader
// never sees half a photo. Returns false on failure.
bool write_media_file(const std::string& folder, const std::string& name, const std::string& bytes);

// A stored media name is letters, digits, '-', '_' and one '.': anything
// else (a path, "..") is refused when serving.
bool is_safe_media_name(const std::string& name);

}  // namespace oneservice::central::open311
