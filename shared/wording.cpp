#include "shared/wording.h"

#include <stdexcept>

namespace oneservice {

Wording::Wording(Hook hook) : hook_(std::move(hook)) {
  if (!hook_) throw std::invalid_argument("a Wording needs a hook: use Wording::english() for English");
}

Wording Wording::english() {
  return Wording([](const std::string& msgid) { return msgid; });
}

std::string say(const Wording& wording, const char* msgid) { return wording(msgid); }

std::string format(std::string pattern,
                   std::initializer_list<std::pair<std::string_view, std::string>> values) {
  std::string out;
  out.reserve(pattern.size());
  std::size_t at = 0;
  while (at < pattern.size()) {
    const auto open = pattern.find('{', at);
    const auto close = open == std::string::npos ? std::string::npos : pattern.find('}', open + 1);
    if (close == std::string::npos) break;
    out.append(pattern, at, open - at);
    const std::string_view name(pattern.data() + open + 1, close - open - 1);
    const std::string* value = nullptr;
    for (const auto& [key, text] : values)
      if (key == name) value = &text;
    if (value) {
      out += *value;
      at = close + 1;
    } else {
      out += '{';
      at = open + 1;
    }
  }
  out.append(pattern, at);
  return out;
}

}  // namespace oneservice
