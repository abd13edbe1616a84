#include "central/store/row_helpers.h"

#include "central/store/cases.h"

namespace oneservice::central::store {

CaseStatus stored_status(const std::string& text) {
  const auto status = parse_case_status(text);
  if (!status) throw CentralStoreError("The case store holds an unknown status: " + text);
  return *status;
}

std::vector<std::string> strings_from_json(const std::string& text) {
  std::vector<std::string> out;
  const auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (!parsed.is_array()) return out;
  for (const auto& item : parsed)
    if (item.is_string()) out.push_back(item.get<std::string>());
  return out;
}

std::vector<std::int64_t> parse_case_ids(const std::vector<std::string>& ids) {
  std::vector<std::int64_t> out;
  for (const auto& id : ids)
    if (const auto parsed = parse_case_id(id)) out.push_back(*parsed);
  return out;
}

std::int64_t limit_of(std::size_t limit) {
  constexpr auto kMax = static_cast<std::size_t>(INT64_MAX);
  return static_cast<std::int64_t>(limit > kMax ? kMax : limit);
}

void insert_files(sqlite3* db, const std::string& sql, std::int64_t owner, const std::vector<MediaFile>& files) {
  std::int64_t position = 0;
  for (const auto& file : files) {
    sqlite::Statement insert(db, sql);
    insert.bind(1, owner).bind(2, ++position).bind(3, file.file_name).bind(4, file.content_type).run();
  }
}

}  // namespace oneservice::central::store
