#pragma once
// A resident's answers to a service's questions, keyed by attribute code.
// Open311 sends single values as attribute[code]=v and multivaluelist answers
// as repeated attribute[code][]=v, so an answer is either one string or a list.
#include <map>
#include <string>
#include <variant>
#include <vector>

namespace oneservice {

using AnswerValue = std::variant<std::string, std::vector<std::string>>;
using Answers = std::map<std::string, AnswerValue>;

// True when the answer holds nothing a person typed or chose: an empty or
// all-blank string, or an empty list.
bool answer_is_empty(const AnswerValue& value);

// The answer as a list: a single string becomes a list of one (or none when
// empty), so list questions accept either form.
std::vector<std::string> answer_as_list(const AnswerValue& value);

}  // namespace oneservice
