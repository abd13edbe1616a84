#include "platform/process_age.h"

#include <time.h>
#include <unistd.h>

#include <exception>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

namespace oneservice::platform {

std::optional<double> process_age_ms() {
  std::ifstream in("/proc/self/stat");
  const std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // The command name (field 2) is in brackets and may hold spaces: count
  // fields from the last ')'. starttime is field 22, in clock ticks since boot.
  const auto name_end = stat.rfind(')');
  if (name_end == std::string::npos) return std::nullopt;
  std::istringstream fields(stat.substr(name_end + 1));
  std::string field;
  for (int index = 3; index <= 22 && fields >> field; ++index)
    if (index == 22) {
      const long ticks_per_second = sysconf(_SC_CLK_TCK);
      timespec since_boot{};
      if (ticks_per_second <= 0 || clock_gettime(CLOCK_BOOTTIME, &since_boot) != 0) return std::nullopt;
      double started_ms = 0;
      try {
        started_ms = std::stod(field) * 1000.0 / static_cast<double>(ticks_per_second);
      } catch (const std::exception&) {
        return std::nullopt;
      }
      const double now_ms = static_cast<double>(since_boot.tv_sec) * 1000.0 + static_cast<double>(since_boot.tv_nsec) / 1e6;
      return now_ms - started_ms;
    }
  return std::nullopt;
}

}  // namespace oneservice::platform
