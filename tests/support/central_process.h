#pragma once
// Runs the real oneservice-central binary as a child process.
#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace oneservice::central::test {

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};

// Runs to completion. With `input`, that text is its whole standard input;
// without, it inherits the test's.
RunResult run_central(const std::vector<std::string>& args, const std::optional<std::string>& input = std::nullopt);

// A `serve` child on a free loopback port; killed (SIGKILL) by kill() or
// stopped (SIGTERM) by the destructor.
class CentralProcess {
 public:
  explicit CentralProcess(const std::string& data_dir, const std::vector<std::string>& extra_args = {});
  ~CentralProcess();
  CentralProcess(const CentralProcess&) = delete;
  CentralProcess& operator=(const CentralProcess&) = delete;

  int port() const { return port_; }
  void kill_hard();  // kill -9, then reap

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace oneservice::central::test
