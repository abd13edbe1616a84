#pragma once
// What the deployment tests (backup, nginx in front) share: a device key
// made through the real binary and a valid pothole report's form body.
#include <string>

#include "support/central_process.h"

namespace oneservice::central::test {

inline std::string add_device_key(const std::string& data_dir) {
  auto key = run_central({"key", "add", "--name", "Kiosk", "--channel", "kiosk", "--data", data_dir}).out;
  while (!key.empty() && key.back() == '\n') key.pop_back();
  return key;
}

inline std::string pothole_form(const std::string& api_key, int n) {
  return "api_key=" + api_key + "&service_code=pothole&lat=51.2&long=-1.82" +
         "&attribute%5Broad_or_pavement%5D=road&attribute%5Bpothole_size%5D=about_plate" +
         "&attribute%5Bdepth_cm%5D=" + std::to_string(n % 90 + 1);
}

}  // namespace oneservice::central::test
