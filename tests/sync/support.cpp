#include "support.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "db/sqlite.h"
#include "shared/identity.h"
#include "shared/request_json.h"

namespace oneservice::sync::test {

void insert_draft(const std::string& store_path, const std::string& client_id) {
  const auto db = sqlite::open(store_path, sqlite::Access::ReadWrite);
  sqlite::Statement insert(db.get(),
                           "INSERT INTO requests (client_id, local_ref, state, service_code, catalogue_version, "
                           "body, created_at, updated_at) VALUES (?1, ?2, 'draft', 'pothole', 'v', ?3, 't', 't')");
  insert.bind(1, client_id).bind(2, local_reference(client_id)).bind(3, request_to_json(sample_request(client_id)));
  insert.run();
}

std::vector<std::string> claim_due(Outbox& outbox) {
  std::vector<std::string> ids;
  for (const auto& claimed : DeliveryQueue(outbox).settle_and_claim({}, "9999-12-31T23:59:59Z", 1000))
    ids.push_back(claimed.entry.client_id);
  return ids;
}

void settle(Outbox& outbox, const Settlement& settlement) {
  DeliveryQueue(outbox).settle_and_claim({settlement}, "", 0);
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

RawDb::RawDb(const std::string& path) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
    throw std::runtime_error("cannot open " + path);
}

RawDb::~RawDb() { sqlite3_close_v2(db_); }

int RawDb::exec(const std::string& sql) {
  char* message = nullptr;
  const int code = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
  last_error_ = message ? message : "";
  sqlite3_free(message);
  return code;
}

std::string RawDb::text(const std::string& sql) {
  sqlite3_stmt* statement = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
      sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0) != nullptr)
    out = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
  else
    ADD_FAILURE() << "query gave no row: " << sql << ": " << sqlite3_errmsg(db_);
  sqlite3_finalize(statement);
  return out;
}

long long RawDb::integer(const std::string& sql) { return std::stoll(text(sql)); }

}  // namespace oneservice::sync::test
