#pragma once
// What the Open311 HTTP layer says to a client, worded once (GOV.UK style).
// Named here so a later step can route them through the translator.
namespace oneservice::central::open311 {

inline constexpr const char* kNotUtf8 = "The request holds text that is not UTF-8: send all text as UTF-8";
inline constexpr const char* kBadBaseVersion = "base_version must be the case's version as a whole number, like 3";

inline constexpr const char* kNearbyNeedsPoint =
    "Send lat and long together, as numbers: a latitude from -90 to 90 and a longitude from -180 to 180";
inline constexpr const char* kNearbyBadRadius = "radius must be a number of metres from 1 to 2,000";

inline constexpr const char* kSupporterNeedsClientId =
    "Send client_id (or an Idempotency-Key header): the device's own id for this supporter, so a resend counts once";
inline constexpr const char* kSupporterIdReused =
    "This client_id already supports a different request: make a new id for a new supporter";
inline constexpr const char* kSupporterCaseClosed =
    "This request is closed: if the problem is back, make a new report";
inline constexpr const char* kSupporterNotSaved = "The supporter could not be saved: try again later";

}  // namespace oneservice::central::open311
