#include "platform/paths.h"

#include <cstdlib>

namespace oneservice::platform {

std::string default_data_dir() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::string(xdg) + "/oneservice";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.local/share/oneservice";
  return "oneservice-data";
}

}  // namespace oneservice::platform
