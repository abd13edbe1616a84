#pragma once
// The resident's session cookie: its name, and reading it from a Cookie
// header (outside input, fuzzed by fuzz/public_inputs).
#include <string>

namespace oneservice::central::public_pages {

inline constexpr const char* kResidentCookie = "oneservice_resident";

// The session token in a Cookie header; empty when none.
std::string resident_cookie(const std::string& cookie_header);

}  // namespace oneservice::central::public_pages
