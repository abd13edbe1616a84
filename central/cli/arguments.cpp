#include "central/cli/arguments.h"

#include <algorithm>

namespace oneservice::central::cli {

Arguments parse_arguments(const std::vector<std::string>& argv, const std::vector<std::string>& switches) {
  Arguments out;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const auto& word = argv[i];
    if (word.rfind("--", 0) != 0) {
      out.words.push_back(word);
      continue;
    }
    if (std::find(switches.begin(), switches.end(), word) != switches.end()) {
      out.flags[word] = "true";
    } else if (i + 1 < argv.size()) {
      out.flags[word] = argv[++i];
    } else {
      out.error = word + " needs a value";
      return out;
    }
  }
  return out;
}

}  // namespace oneservice::central::cli
