// The cache of open cases around the officer's area (NearbyCases::set_area),
// replaced whole by each pull: a case closed since is gone from it.
#include "sync/field_sync.h"
#include "sync/nearby_cases.h"
#include "sync/outbox_access.h"

namespace oneservice::sync {

bool FieldSync::pull_nearby(FieldPassResult& result) {
  const auto area = NearbyCases(outbox_).area();
  if (!area) return true;
  std::string problem;
  const auto cases = open_cases_near_online(server_, "", area->first, area->second, kNearbyCacheRadiusM, problem);
  if (!cases) {
    result.error = "could not fetch nearby cases: " + problem;
    return true;
  }
  result.reached = true;
  auto* db = detail::OutboxAccess::db(outbox_);
  try {
    sqlite::WriteTransaction transaction(db);
    sqlite::exec(db, "DELETE FROM nearby_cases");
    const auto stamp = detail::OutboxAccess::now(outbox_);
    for (const auto& c : *cases) {
      sqlite::Statement insert(db,
                               "INSERT OR REPLACE INTO nearby_cases (service_request_id, service_code, status, "
                               "description, requested_at, lat, lon, supporters, fetched_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
      insert.bind(1, c.service_request_id).bind(2, c.service_code).bind(3, c.status).bind(4, c.description);
      insert.bind(5, c.requested_at).bind(6, c.lat).bind(7, c.lon).bind(8, static_cast<std::int64_t>(c.supporters));
      insert.bind(9, stamp).run();
    }
    transaction.commit();
    return true;
  } catch (const sqlite::Failure& failure) {
    detail::OutboxAccess::fail(outbox_, failure, "while keeping nearby cases");
  }
}

}  // namespace oneservice::sync
