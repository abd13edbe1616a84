#pragma once
// What the intake says to a sender, worded once (GOV.UK style: what to do).
// Named here so a later step can route them through the translator.
namespace oneservice::central::messages {

inline constexpr const char* kBadKey =
    "This device's api_key is missing, unknown or revoked: ask the council for a key";
inline constexpr const char* kKeyReused =
    "This Idempotency-Key was already used for a different request: make a new key for a new request";
inline constexpr const char* kTwoClientIds =
    "The Idempotency-Key header and attribute[client_request_id] must be the same";
inline constexpr const char* kPhotoNotImage = "Photos must be JPEG, PNG, GIF or WebP images";
inline constexpr const char* kPhotoNotSaved = "The photo could not be saved: try again later";
inline constexpr const char* kRequestNotSaved = "The request could not be saved: try again later";

// media_url (limits in central/intake/limits.h).
inline constexpr const char* kTooManyMediaUrls = "Send no more than 10 media_url links with one request or update";
inline constexpr const char* kMediaUrlTooLong = "Each media_url must be 2,048 characters or less";
inline constexpr const char* kMediaUrlNotWeb =
    "Each media_url must be a web address starting http:// or https://, with no spaces";

// POST servicerequestupdates.
inline constexpr const char* kUpdateNeedsRequestId = "Say which request this update is for: send service_request_id";
inline constexpr const char* kUpdateUnknownRequest = "There is no request with that service_request_id";
inline constexpr const char* kUpdateNeedsStatus =
    "Send the request's status with the update: OPEN, CLOSED or one of the extended statuses";
inline constexpr const char* kUpdateBadStatus =
    "status must be OPEN, CLOSED or one of the extended statuses (for example FIXED or REOPEN)";
inline constexpr const char* kUpdateBadTime =
    "updated_datetime must be a date and time like 2026-11-22T09:00:00+00:00";
inline constexpr const char* kUpdateNoteTooLong = "The update's description must be 20,000 characters or less";
inline constexpr const char* kUpdateIdReused =
    "This update_id was already used for a different update: send a new update_id for a new update";
inline constexpr const char* kUpdateNotSaved = "The update could not be saved: try again later";

}  // namespace oneservice::central::messages
