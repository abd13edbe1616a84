#pragma once
#include <string>
#include <vector>

namespace oneservice::central::cli {

// Runs oneservice-central with these arguments (without the program name);
// returns the exit code: 0 done, 1 the request was refused (unknown case,
// bad status), 2 the command line or the store has a problem.
int run(const std::vector<std::string>& argv);

std::string usage();

}  // namespace oneservice::central::cli
