#pragma once
// How long this process has been running, measured from when the kernel
// started it (not from main(): loading libraries counts towards the
// kiosk's first frame too). For --report-startup.
#include <optional>

namespace oneservice::platform {

// Milliseconds since the process started, to the kernel's clock tick
// (10 ms on most systems); nullopt when /proc cannot be read.
std::optional<double> process_age_ms();

}  // namespace oneservice::platform
