#pragma once
// Serving the photos cases hold (GET /media/NAME, ?size=thumb for a
// thumbnail). They are written by the intake (central/intake/pending_photos.h).
#include <string>

#include "shared/media_type.h"

namespace httplib {
struct Request;
}  // namespace httplib

namespace oneservice::central::open311 {

inline constexpr const char* kNoSuchPhotoMessage = "There is no such photo";
inline constexpr const char* kPhotoSizeMessage = "size must be thumb or full";

// "https://host:port" as the client addressed this server (its Host
// header), for links in documents: media_url, a job's photos.
std::string public_base_url(const httplib::Request& req, bool https);

// A stored media name is letters, digits, '-', '_' and one '.': anything
// else (a path, "..") is refused when serving.
bool is_safe_media_name(const std::string& name);

}  // namespace oneservice::central::open311
