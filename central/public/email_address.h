#pragma once
// What counts as an email address a message can go to: the one rule for
// the sign-in form and the mailer.
#include <string>

namespace oneservice::central::public_pages {

// One "@" with something either side, no spaces, quotes, angle brackets or
// control characters (nothing that could end a mail header), at most 254.
bool is_sendable_address(const std::string& address);

}  // namespace oneservice::central::public_pages
