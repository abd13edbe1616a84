#pragma once
// Serving the photos cases hold (GET /media/NAME). They are written by the
// intake (central/intake/pending_photos.h).
#include <string>

#include "shared/media_type.h"

namespace oneservice::central::open311 {

// A stored media name is letters, digits, '-', '_' and one '.': anything
// else (a path, "..") is refused when serving.
bool is_safe_media_name(const std::string& name);

}  // namespace oneservice::central::open311
