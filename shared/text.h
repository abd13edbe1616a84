#pragma once
// Small text helpers shared by validation, the codecs and the screens.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

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

namespace oneservice {

// Text for matching what a person typed against names: lower case, accents
// taken off (ŵ -> w, é -> e), anything not a letter or digit turned into a
// single space. "Ffordd Caerdydd" and "ffordd caerdydd" and "FFÔRDD" all
// compare alike. Covers Latin-1 and Latin Extended-A, which is what the
// kiosk's keyboard can type.
std::string search_folded(std::string_view text);

// The words of search_folded(text).
std::vector<std::string> search_words(std::string_view text);

}  // namespace oneservice
