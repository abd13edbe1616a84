#pragma once
// What a device stored for a request, read straight from its outbox file.
// The product reads a request's content only when it claims it for sending
// (OutboxEntry carries the service alone), so tests that check what was
// saved read the stored body themselves.
#include <string>

#include "db/sqlite.h"
#include "shared/request_json.h"
#include "sync/outbox.h"

namespace oneservice::sync::test {

inline ServiceRequest stored_request(const Outbox& outbox, const OutboxEntry& entry) {
  auto db = sqlite::open(outbox.path(), sqlite::Access::ReadOnly);
  sqlite::Statement select(db.get(), "SELECT body FROM requests WHERE client_id = ?1");
  select.bind(1, entry.client_id);
  if (!select.step()) return {};
  return request_from_json(select.text(0));
}

}  // namespace oneservice::sync::test
