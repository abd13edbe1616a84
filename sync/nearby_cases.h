#pragma once
// "Is it one of these?": open cases near where the officer is, from a cache
// the sync engine fills when online (GET requests?lat&long&radius around the
// area set here), or asked of central directly when there is signal; and
// "add my photos and notes to this one" instead of a new case.
#include <optional>
#include <string>
#include <vector>

#include "sync/job_records.h"
#include "sync/outbox.h"
#include "sync/server_config.h"

namespace oneservice::sync {

struct NearbyCase {
  std::string service_request_id, service_code, status, description, requested_at;
  double lat = 0, lon = 0, distance_m = 0;
  int supporters = 0;
};

inline constexpr double kDuplicateRadiusM = 250;
// How far around the officer's area the cache reaches (central's largest radius).
inline constexpr double kNearbyCacheRadiusM = 2000;

class NearbyCases {
 public:
  explicit NearbyCases(Outbox& outbox) : outbox_(&outbox) {}

  // Where the officer is working (the last accepted fix): the engine's next
  // pull fills the cache around it.
  void set_area(double lat, double lon);
  std::optional<std::pair<double, double>> area() const;

  // From the cache: open cases of that service (every service when empty)
  // within radius_m of the point, nearest first.
  std::vector<NearbyCase> open_cases_near(const std::string& service_code, double lat, double lon,
                                          double radius_m = kDuplicateRadiusM) const;

  // "Add my photos and notes to this one": queued (committed FULL) as an
  // update carrying the notes (public_note; private_note and status are not
  // used) and photos, and a supporter, each sent exactly once under one new
  // id. Returns that id; its state is in JobBook::updates_of and the sync log.
  std::string queue_join(const std::string& staff, const std::string& service_request_id,
                         const JobUpdateRequest& notes_and_photos);

 private:
  Outbox* outbox_;
};

// The same question asked of central now (GET requests.json?lat&long&radius
// &service_code). Waits on the network: call it off the UI thread. nullopt
// with `problem` set when central could not be asked.
std::optional<std::vector<NearbyCase>> open_cases_near_online(const ServerConfig& server,
                                                              const std::string& service_code, double lat,
                                                              double lon, double radius_m, std::string& problem);

}  // namespace oneservice::sync
