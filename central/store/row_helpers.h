#pragma once
// Small pieces the store's SQL files share: reading a stored status, lists
// bound to SQL as one JSON array (json_each, so a long list never meets
// SQLite's variable limit), and LIMIT values.
#include <cstddef>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "central/case_status.h"
#include "central/records.h"
#include "db/sqlite.h"

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

// Inserts photo files in order: `sql` takes (owner id, position from 1,
// file_name, content_type).
void insert_files(sqlite3* db, const std::string& sql, std::int64_t owner, const std::vector<MediaFile>& files);

// Fills each item's photo files in one query. `sql` selects (owner id,
// file_name, content_type) for the owners in json_each(?1), in order.
template <typename Item, typename IdOf>
void attach_files(sqlite3* db, std::vector<Item>& items, IdOf id_of, const std::string& sql) {
  if (items.empty()) return;
  std::vector<std::int64_t> ids;
  std::map<std::int64_t, Item*> by_id;
  for (auto& item : items) {
    ids.push_back(id_of(item));
    by_id[ids.back()] = &item;
  }
  sqlite::Statement select(db, sql);
  select.bind(1, json_array(ids));
  while (select.step()) by_id.at(select.integer(0))->media.push_back({select.text(1), select.text(2)});
}

}  // namespace oneservice::central::store
