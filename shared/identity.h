#pragma once
// Identifiers a device makes without asking anyone: the client id that makes
// delivery exactly-once, and the short reference a resident can read aloud.
#include <string>
#include <string_view>

namespace oneservice {

// Random (version 4) UUID, lower case, from the OS's random source.
std::string make_uuid_v4();

bool is_uuid(std::string_view text);

// "OS-7F3Q-M2XD": the local reference shown on the confirmation until the
// council's own reference comes back. Derived from the client id, so it is
// stable; written in Crockford base32 (no I, L, O, U), so it survives being
// read over the phone.
std::string local_reference(std::string_view client_id);

}  // namespace oneservice
