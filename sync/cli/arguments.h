#pragma once
// The command line of oneservice-sync, parsed into plain data so the rules
// (which flags go with which command) can be tested without a process.
#include <stdexcept>
#include <string>
#include <vector>

namespace oneservice::sync::cli {

enum class Command { Help, Enqueue, Status, Push, Pull, Retry };

struct Arguments {
  Command command = Command::Help;
  std::string data_dir;
  std::string assets_dir;  // empty: the assets folder built in
  bool json = false;
  // push and pull: the council's Open311 base URL, this device's key (or
  // the ONESERVICE_API_KEY environment variable, which keeps it out of the
  // process list), and the council's own CA bundle if it has one.
  std::string server = "http://127.0.0.1:8311/open311/v2";
  std::string api_key;
  std::string ca_bundle;
  int retry_for_seconds = 0;  // push: keep trying transient failures this long
  std::vector<std::string> media;  // enqueue: photos to attach
};

// A command line we cannot act on. The message says what was wrong; the
// caller prints it with usage() and exits 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// `args` excludes the program name. Options may come before or after the
// command, as "--data DIR" or "--data=DIR".
Arguments parse_arguments(const std::vector<std::string>& args);

std::string usage();

}  // namespace oneservice::sync::cli
