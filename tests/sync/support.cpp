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

}  // namespace oneservice::sync::test
