#pragma once
// Serving the photos cases hold (GET /media/NAME, ?size=thumb for a
// thumbnail). They are written by the intake (central/intake/pending_photos.h).
#include <string>

#include "shared/media_type.h"

namespace oneservice::central::open311 {

inline constexpr const char* kNoSuchPhotoMessage = "There is no such photo";
inline constexpr const char* kPhotoSizeMessage = "size must be thumb or full";

// A stored media name is letters, digits, '-', '_' and one '.': anything
// else (a path, "..") is refused when serving.
bool is_safe_media_name(const std::string& name);

}  // namespace oneservice::central::open311
