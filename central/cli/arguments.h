#pragma once
// The command line of oneservice-central: words, then --name value flags.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace oneservice::central::cli {

struct Arguments {
  std::vector<std::string> words;             // "key", "add"
  std::map<std::string, std::string> flags;   // "--name" -> "Library kiosk"
  std::string error;                          // set when the line cannot be read

  std::string flag(const std::string& name, const std::string& fallback = {}) const {
    const auto found = flags.find(name);
    return found == flags.end() ? fallback : found->second;
  }
  bool has(const std::string& name) const { return flags.count(name) != 0; }
};

// Every flag takes a value except those in `switches` (e.g. --help).
Arguments parse_arguments(const std::vector<std::string>& argv, const std::vector<std::string>& switches);

}  // namespace oneservice::central::cli
