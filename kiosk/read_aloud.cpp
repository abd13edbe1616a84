#include "kiosk/read_aloud.h"

#include <array>
#include <string_view>

#include "shared/text.h"

namespace oneservice::kiosk {
namespace {

// Closing quotes and brackets after a sentence's own punctuation
// ("Is it blocking the road?" or "(optional)") do not end it.
constexpr std::array<std::string_view, 6> kClosers = {"\"", "'", ")", "]", "\u2019", "\u201D"};
constexpr std::array<std::string_view, 6> kEnders = {".", "!", "?", ":", ";", "\u2026"};

bool strip_suffix(std::string_view& text, std::string_view suffix) {
  if (!text.ends_with(suffix)) return false;
  text.remove_suffix(suffix.size());
  return true;
}

bool ends_sentence(std::string_view line) {
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (const auto closer : kClosers) stripped = stripped || strip_suffix(line, closer);
  }
  for (const auto ender : kEnders)
    if (line.ends_with(ender)) return true;
  return false;
}

}  // namespace

std::string speech_text(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& raw : lines) {
    const std::string line = trim(raw);
    if (line.empty()) continue;
    if (!text.empty()) text += ' ';
    text += line;
    if (!ends_sentence(line)) text += '.';
  }
  return text;
}

void ReadAloud::page_shown(const std::string& page_key) {
  if (page_key == page_key_) return;
  page_key_ = page_key;
  speaker_.stop();
}

void ReadAloud::toggle(const std::string& text, const std::string& language) {
  if (speaker_.speaking())
    speaker_.stop();
  else
    speaker_.say(text, language);
}

}  // namespace oneservice::kiosk
