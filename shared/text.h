#pragma once
// Small text helpers shared by validation, the codecs and the screens.
#include <cstddef>
#include <string>
#include <string_view>

namespace oneservice {

// Strips ASCII white space at both ends.
std::string trim(std::string_view text);

// True when the bytes are well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view text);

// Number of code points in well-formed UTF-8: limits are in characters a
// person counts, not bytes (a Welsh "ŵ" is two bytes).
std::size_t utf8_length(std::string_view text);

// True when the text holds control characters other than tab and newline.
bool has_control_characters(std::string_view text);

// "4000" -> "4,000", as GOV.UK writes numbers in messages.
std::string with_thousands(long long value);

// Shortest decimal form: 5 -> "5", 2.5 -> "2.5".
std::string format_number(double value);

}  // namespace oneservice
