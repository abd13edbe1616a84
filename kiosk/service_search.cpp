#include "kiosk/service_search.h"

#include <algorithm>

#include "kiosk/search_text.h"

namespace oneservice::kiosk {
namespace {

void add_words(std::vector<std::string>& into, const std::string& text) {
  for (auto& word : search_words(text)) into.push_back(std::move(word));
}

// Each query word must be the start of one of the words.
bool all_match(const std::vector<std::string>& query, const std::vector<std::string>& words) {
  return std::all_of(query.begin(), query.end(), [&](const std::string& q) {
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return w.rfind(q, 0) == 0; });
  });
}

}  // namespace

std::vector<const Service*> search_services(const Catalogue& shown, const Catalogue& english,
                                            const std::string& query) {
  const auto wanted = search_words(query);
  if (wanted.empty()) return {};
  std::vector<const Service*> by_name, by_keyword;
  for (const auto& service : shown.services) {
    std::vector<std::string> name;
    add_words(name, service.service_name);
    if (all_match(wanted, name)) {
      by_name.push_back(&service);
      continue;
    }
    std::vector<std::string> words = name;
    add_words(words, service.group);
    for (const auto& keyword : service.keywords) add_words(words, keyword);
    if (const auto* original = english.find_service(service.service_code); original && original != &service) {
      add_words(words, original->service_name);
      add_words(words, original->group);
      for (const auto& keyword : original->keywords) add_words(words, keyword);
    }
    if (all_match(wanted, words)) by_keyword.push_back(&service);
  }
  by_name.insert(by_name.end(), by_keyword.begin(), by_keyword.end());
  return by_name;
}

}  // namespace oneservice::kiosk
