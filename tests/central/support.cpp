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

RawDb::RawDb(const std::string& path) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
    throw std::runtime_error("cannot open " + path);
  sqlite3_busy_timeout(db_, 5000);
}

RawDb::~RawDb() { sqlite3_close_v2(db_); }

int RawDb::exec(const std::string& sql) { return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr); }

std::string RawDb::text(const std::string& sql) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK)
    throw std::runtime_error(sqlite3_errmsg(db_));
  std::string out;
  if (sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0))
    out = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
  sqlite3_finalize(statement);
  return out;
}

long long RawDb::integer(const std::string& sql) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK)
    throw std::runtime_error(sqlite3_errmsg(db_));
  long long out = -1;
  if (sqlite3_step(statement) == SQLITE_ROW) out = sqlite3_column_int64(statement, 0);
  sqlite3_finalize(statement);
  return out;
}

}  // namespace oneservice::central::test
