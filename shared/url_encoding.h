#pragma once
// Percent-encoding for URLs and form bodies, as RFC 3986 asks: unreserved
// characters (letters, digits, - . _ ~) kept, every other byte as %XX. One
// definition for the sync engine's requests and the kiosk's QR codes.
#include <string>
#include <string_view>

namespace oneservice {

std::string url_encode(std::string_view text);
void append_url_encoded(std::string& out, std::string_view text);

}  // namespace oneservice
