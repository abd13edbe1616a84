// oneservice-central: the reference Open311 GeoReport v2 workflow server.
#include <string>
#include <vector>

#include "central/cli/commands.h"

int main(int argc, char** argv) {
  return oneservice::central::cli::run(std::vector<std::string>(argv + 1, argv + argc));
}
