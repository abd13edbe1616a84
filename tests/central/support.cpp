#include "support.h"

#include <stdlib.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "shared/request_json.h"

namespace oneservice::central::test {

SetClock::SetClock(const std::string& iso) : seconds_(std::make_shared<std::atomic<std::int64_t>>(0)) { set(iso); }

void SetClock::set(const std::string& iso) {
  const auto when = parse_iso8601(iso);
  if (!when) throw std::invalid_argument("bad test time " + iso);
  seconds_->store(std::chrono::duration_cast<std::chrono::seconds>(when->time_since_epoch()).count());
}

Clock SetClock::clock() const {
  Clock clock;
  clock.now = [seconds = seconds_] { return TimePoint(std::chrono::seconds(seconds->load())); };
  return clock;
}

NewCase sample_case(const std::string& client_id, const std::string& service_code, bool batch) {
  NewCase out;
  out.request = test_support::sample_request(client_id);
  out.request.service_code = service_code;
  out.canonical_body = request_to_json(out.request);
  out.channel = "assisted";
  out.agency_responsible = "Wealdshire County Council";
  out.responsible_area_id = "county-wealdshire";
  out.service_notice = "We aim to inspect within 5 working days.";
  out.batch = batch;
  out.media = {{"photo-a.jpg", "image/jpeg"}, {"photo-b.png", "image/png"}};
  return out;
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace oneservice::central::test
