#include "shared/answers.h"

#include "shared/text.h"

namespace oneservice {

bool answer_is_empty(const AnswerValue& value) {
  if (const auto* text = std::get_if<std::string>(&value)) return trim(*text).empty();
  for (const auto& item : std::get<std::vector<std::string>>(value))
    if (!trim(item).empty()) return false;
  return true;
}

std::vector<std::string> answer_as_list(const AnswerValue& value) {
  if (const auto* text = std::get_if<std::string>(&value)) {
    if (trim(*text).empty()) return {};
    return {*text};
  }
  return std::get<std::vector<std::string>>(value);
}

}  // namespace oneservice
