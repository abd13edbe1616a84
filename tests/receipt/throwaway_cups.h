#pragma once
// A real CUPS scheduler (Debian's cupsd) for one test, in a temporary
// folder with its own configuration, spool and socket: no port, no network,
// nothing of the machine's own CUPS touched. Its printer "test" writes
// every job to a file (FileDevice), through a one-line PPD whose only
// filter passes the PDF on unchanged, so the file holds what was sent.
#include <sys/types.h>

#include <string>

#include "support/temp_folder.h"

namespace oneservice::receipt::test {

class ThrowawayCups {
 public:
  ThrowawayCups();
  ~ThrowawayCups();
  ThrowawayCups(const ThrowawayCups&) = delete;
  ThrowawayCups& operator=(const ThrowawayCups&) = delete;

  // Empty when the scheduler is up with its printer; else why not, for
  // GTEST_SKIP (cupsd missing, or refusing to start in this sandbox).
  const std::string& unavailable() const { return unavailable_; }

  const std::string& socket() const { return socket_; }
  std::string output_file() const { return folder_.file("printed.pdf"); }

  // Runs one of CUPS's own commands against this scheduler
  // (`cupsdisable test`, `cupsreject test`...); false when it fails.
  bool command(const std::string& program_and_arguments) const;

 private:
  void start();
  std::string error_log_tail() const;

  test_support::TempFolder folder_;
  std::string socket_;
  pid_t pid_ = -1;
  std::string unavailable_;
};

}  // namespace oneservice::receipt::test
