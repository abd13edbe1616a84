#pragma once
// Small pieces the store's SQL files share: reading a stored status, lists
// bound to SQL as one JSON array (json_each, so a long list never meets
// SQLite's variable limit), and LIMIT values.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "central/case_status.h"

namespace oneservice::central::store {

CaseStatus stored_status(const std::string& text);  // throws CentralStoreError for an unknown word

template <typename T>
std::string json_array(const std::vector<T>& values) {
  return nlohmann::json(values).dump();
}
// A JSON array of strings as stored ("[]" when empty); [] for anything else.
std::vector<std::string> strings_from_json(const std::string& text);

// The ids that are case ids as this store writes them; others are dropped.
std::vector<std::int64_t> parse_case_ids(const std::vector<std::string>& ids);

std::int64_t limit_of(std::size_t limit);

}  // namespace oneservice::central::store
