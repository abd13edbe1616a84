#pragma once
// How many photos a request may carry and how large each may be. The device
// checks them when a request is queued, so a resident hears at once; the
// server checks them again, since other clients send photos too. One
// definition and one wording, so the two never disagree.
#include <cstddef>
#include <string>

namespace oneservice {

inline constexpr std::size_t kMaxPhotos = 5;
inline constexpr std::size_t kMaxPhotoBytes = 5 * 1024 * 1024;

// The messages, worded once (GOV.UK style: what to do, no "invalid").
inline constexpr const char* kTooManyPhotosMessage = "Send no more than 5 photos with one request";
inline constexpr const char* kPhotoTooLargeMessage = "Each photo must be 5 MB or smaller";

}  // namespace oneservice
