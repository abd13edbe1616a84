#include "sync/nearby_cases.h"

#include <algorithm>
#include <cstdio>

#include "shared/geo_distance.h"
#include "sync/job_rows.h"
#include "sync/open311_wire.h"
#include "sync/outbox_access.h"

namespace oneservice::sync {
namespace {

using detail::OutboxAccess;

constexpr const char* kAreaKey = "nearby_area";

}  // namespace

void NearbyCases::set_area(double lat, double lon) {
  outbox_->set_sync_value(kAreaKey, coordinate_text(lat) + "," + coordinate_text(lon));
}

std::optional<std::pair<double, double>> NearbyCases::area() const {
  const auto text = outbox_->sync_value(kAreaKey);
  double lat = 0, lon = 0;
  if (!text || std::sscanf(text->c_str(), "%lf,%lf", &lat, &lon) != 2) return std::nullopt;
  return std::pair{lat, lon};
}

std::vector<NearbyCase> NearbyCases::open_cases_near(const std::string& service_code, double lat, double lon,
                                                     double radius_m) const {
  std::vector<NearbyCase> out;
  try {
    sqlite::Statement select(OutboxAccess::db(*outbox_),
                             "SELECT service_request_id, service_code, status, description, requested_at, lat, lon, "
                             "supporters FROM nearby_cases WHERE ?1 = '' OR service_code = ?1");
    select.bind(1, service_code);
    while (select.step()) {
      NearbyCase c{select.text(0), select.text(1), select.text(2), select.text(3), select.text(4),
                   *select.real(5),  *select.real(6), 0, static_cast<int>(select.integer(7))};
      c.distance_m = metres_between(lat, lon, c.lat, c.lon);
      if (c.distance_m <= radius_m) out.push_back(std::move(c));
    }
  } catch (const sqlite::Failure& failure) {
    OutboxAccess::fail(*outbox_, failure, "while looking for nearby cases");
  }
  std::sort(out.begin(), out.end(), [](const NearbyCase& a, const NearbyCase& b) { return a.distance_m < b.distance_m; });
  return out;
}

std::string NearbyCases::queue_join(const std::string& staff, const std::string& service_request_id,
                                    const JobUpdateRequest& notes_and_photos) {
  auto join = notes_and_photos;
  join.status.clear();  // a note: the case keeps its own status
  join.private_note.clear();
  auto* db = OutboxAccess::db(*outbox_);
  try {
    sqlite::WriteTransaction transaction(db);
    const auto id = detail::insert_job_update(*outbox_, staff, service_request_id, "join", join, std::nullopt);
    transaction.commit();
    return id;
  } catch (const sqlite::Failure& failure) {
    OutboxAccess::fail(*outbox_, failure, "while queueing photos and notes for a case");
  }
}

}  // namespace oneservice::sync
