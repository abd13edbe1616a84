#include "central/i18n/language_choice.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "shared/text.h"

namespace oneservice::central::i18n {

const std::vector<std::string>& languages() {
  static const std::vector<std::string> all = {"en", "cy"};
  return all;
}

namespace {

bool spoken(const std::string& language) {
  const auto& all = languages();
  return std::find(all.begin(), all.end(), language) != all.end();
}

// "cy-GB" -> "cy"; lower case.
std::string primary_tag(std::string tag) {
  tag = trim(tag);
  const auto dash = tag.find_first_of("-_");
  if (dash != std::string::npos) tag.resize(dash);
  std::transform(tag.begin(), tag.end(), tag.begin(), [](unsigned char c) { return std::tolower(c); });
  return tag;
}

}  // namespace

std::string choose_language(const std::string& lang_param, const std::string& accept_language) {
  if (spoken(primary_tag(lang_param))) return primary_tag(lang_param);
  // Accept-Language: "cy-GB;q=0.9, en;q=0.8": the highest q we speak wins;
  // equal q keeps the order given.
  std::string best = "en";
  double best_q = -1;
  std::size_t start = 0;
  while (start <= accept_language.size()) {
    const auto comma = accept_language.find(',', start);
    const auto item = accept_language.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    const auto semicolon = item.find(';');
    const auto tag = primary_tag(item.substr(0, semicolon));
    double q = 1.0;
    if (semicolon != std::string::npos) {
      const auto params = trim(item.substr(semicolon + 1));
      if (params.rfind("q=", 0) == 0) q = std::strtod(params.c_str() + 2, nullptr);
    }
    if (spoken(tag) && q > 0 && q > best_q) {
      best = tag;
      best_q = q;
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return best;
}

}  // namespace oneservice::central::i18n
