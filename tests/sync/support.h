#pragma once
// Helpers shared by the sync tests: a temporary folder per test, sample
// requests, and raw SQLite access for checking what is really on disk.
#include <sqlite3.h>

#include <string>
#include <vector>

#include "shared/request.h"
#include "support/temp_folder.h"

namespace oneservice::sync::test {

// A fresh folder under /tmp, removed (with everything in it) at the end.
// A fresh folder per test (tests/support/temp_folder.h).
using TempFolder = oneservice::test_support::TempFolder;

// A prepared pothole report with every kind of field filled: a list answer,
// a point and an address, contact details, a non-default channel. The list
// answer is to a question potholes do not have: the outbox stores what it is
// given and leaves validation to prepare_request.
ServiceRequest sample_request(const std::string& client_id = "3f2b8c1e-9d4a-4f6b-8e2d-1a2b3c4d5e6f");

// A UUID that differs per `n`, so tests can make many requests.
std::string client_id_for(int n);

std::string read_bytes(const std::string& path);
void write_bytes(const std::string& path, const std::string& bytes);

// A plain SQLite connection, outside Outbox, to inspect or tamper with a file.
class RawDb {
 public:
  explicit RawDb(const std::string& path);
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;
  ~RawDb();

  // Returns the SQLite result code; the message is kept in last_error().
  int exec(const std::string& sql);
  std::string text(const std::string& sql);  // first column of first row
  long long integer(const std::string& sql);
  const std::string& last_error() const { return last_error_; }

 private:
  sqlite3* db_ = nullptr;
  std::string last_error_;
};

}  // namespace oneservice::sync::test
