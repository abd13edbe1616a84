#pragma once
// What the Open311 HTTP layer says to a client, worded once (GOV.UK style).
// Named here so a later step can route them through the translator.
namespace oneservice::central::open311 {

inline constexpr const char* kNotUtf8 = "The request holds text that is not UTF-8: send all text as UTF-8";
inline constexpr const char* kBadBaseVersion = "base_version must be the case's version as a whole number, like 3";

}  // namespace oneservice::central::open311
