// oneservice-sync: the request store from a shell. See usage() for commands.
#include <iostream>
#include <string>
#include <vector>

#include "sync/cli/arguments.h"
#include "sync/cli/commands.h"

int main(int argc, char** argv) {
  using namespace oneservice::sync::cli;
  const std::vector<std::string> args(argv + 1, argv + argc);
  Arguments arguments;
  try {
    arguments = parse_arguments(args);
  } catch (const UsageError& error) {
    std::cerr << error.what() << "\n\n" << usage();
    return kExitSetupProblem;
  }
  return run(arguments, std::cin, std::cout, std::cerr);
}
