#pragma once
// What the central server accepts from any client, where that differs from
// what our own devices let a resident type (shared/validation.h,
// shared/photo_limits.h). One definition each; README "FixMyStreet and
// Open311 extensions" says why. The messages that name these numbers
// (central/intake/messages.h, central/open311/messages.h) repeat them in
// words, as shared/photo_limits.h does: change both together.
#include <cstddef>

namespace oneservice::central {

// A description as received. FixMyStreet's extended description wraps the
// resident's detail in "title: T\n\ndetail: D\n\nurl: U\n\nSubmitted via
// FixMyStreet\n"; FixMyStreet's core sets no limit on title or detail (its
// cobrands add their own: Bromley 1,750, Confirm councils 2,000), and it
// cannot know ours before the resident has gone. 20,000 characters holds a
// 4,000-character detail with any title and link many times over, and still
// bounds what one request may store.
inline constexpr std::size_t kReceivedDescriptionMaxLength = 20000;

// An update's public note (FixMyStreet's comment text), the same bound.
inline constexpr std::size_t kUpdateNoteMaxLength = kReceivedDescriptionMaxLength;

// Photo links (Open311 media_url) on one request or update, and each link's
// length: enough for FixMyStreet's multi_photos (all of a report's photos)
// with room to spare.
inline constexpr std::size_t kMaxMediaUrls = 10;
inline constexpr std::size_t kMaxMediaUrlLength = 2048;

// Nearby open cases (GET requests with lat, long and radius): a street's
// length at most, so the answer is a short list a resident can look through
// on a kiosk before reporting the same thing again.
inline constexpr double kDefaultNearbyRadiusM = 200;
inline constexpr double kMaxNearbyRadiusM = 2000;
inline constexpr std::size_t kMaxNearbyCases = 50;

}  // namespace oneservice::central
