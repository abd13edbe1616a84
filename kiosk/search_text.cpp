#include "kiosk/search_text.h"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace oneservice::kiosk {
namespace {

// Lower case with accents taken off (decompose, drop the combining marks,
// case-fold), by utf8proc. Text that is not UTF-8 is used as it is.
std::string fold(std::string_view text) {
  utf8proc_uint8_t* folded = nullptr;
  const auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                   static_cast<utf8proc_ssize_t>(text.size()), &folded,
                                   static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                                                  UTF8PROC_CASEFOLD));
  if (length < 0) return std::string(text);
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(folded, &std::free);
  return std::string(reinterpret_cast<const char*>(folded), static_cast<std::size_t>(length));
}

// ' and ’ join: "St Mary's" is the words "st" and "marys", whichever was typed.
bool is_apostrophe(utf8proc_int32_t code_point) { return code_point == 0x27 || code_point == 0x2019; }

bool is_word_character(utf8proc_int32_t code_point) {
  switch (utf8proc_category(code_point)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::vector<std::string> search_words(std::string_view text) {
  const std::string folded = fold(text);
  std::vector<std::string> words;
  std::string word;
  auto at = reinterpret_cast<const utf8proc_uint8_t*>(folded.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(folded.size());
  while (left > 0) {
    utf8proc_int32_t code_point = 0;
    utf8proc_ssize_t size = utf8proc_iterate(at, left, &code_point);
    if (size <= 0) {  // a stray byte: a separator
      size = 1;
      code_point = -1;
    }
    if (code_point >= 0 && is_word_character(code_point)) {
      word.append(reinterpret_cast<const char*>(at), static_cast<std::size_t>(size));
    } else if (!is_apostrophe(code_point) && !word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
    at += size;
    left -= size;
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

}  // namespace oneservice::kiosk
