#pragma once
// Helpers for the central store tests: a temporary folder, a clock the test
// sets, sample cases, and raw SQLite access to check what is on disk.
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "central/case_store.h"
#include "shared/clock.h"
#include "support/sample_request.h"
#include "support/raw_db.h"
#include "support/temp_folder.h"

namespace oneservice::central::test {

using TempFolder = oneservice::test_support::TempFolder;  // tests/support/temp_folder.h

// A clock standing still at a time the test sets; safe to read from the
// store's writer thread while the test thread sets it.
class SetClock {
 public:
  explicit SetClock(const std::string& iso = "2026-11-22T14:05:00Z");
  void set(const std::string& iso);
  Clock clock() const;

 private:
  std::shared_ptr<std::atomic<std::int64_t>> seconds_;
};

using oneservice::test_support::client_id_for;  // tests/support/sample_request.h

// The sample pothole report (tests/support/sample_request.h) with two
// photos, routed to the county; canonical_body is its JSON. Not a batch
// service unless `batch`.
NewCase sample_case(const std::string& client_id, const std::string& service_code = "pothole",
                    bool batch = false);

std::string read_bytes(const std::string& path);

using oneservice::test_support::RawDb;

}  // namespace oneservice::central::test
