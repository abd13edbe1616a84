// The words of the interface: the resident's language when a translator is
// set, the English msgid otherwise.
#include <string>

#include "kiosk/widgets.h"

namespace oneservice::kiosk::ui {

std::string Context::tr(const char* msgid) const { return msgid; }

std::string Context::trn(const char* singular, const char* plural, long n) const { return n == 1 ? singular : plural; }

const std::string& Context::language() const {
  static const std::string english = "en";
  return english;
}

std::string fill(std::string pattern, std::initializer_list<std::pair<std::string_view, std::string>> values) {
  for (const auto& [name, value] : values) {
    const std::string key = "{" + std::string(name) + "}";
    for (auto at = pattern.find(key); at != std::string::npos; at = pattern.find(key, at + value.size()))
      pattern.replace(at, key.size(), value);
  }
  return pattern;
}

}  // namespace oneservice::kiosk::ui
