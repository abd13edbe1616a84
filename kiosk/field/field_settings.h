#pragma once
// The council's settings for field mode, as the field screens take them
// (KioskOptions::field is the config file's form).
#include <chrono>
#include <map>
#include <string>

namespace oneservice::kiosk::field {

struct FieldSettings {
  std::chrono::minutes lock_after{5};
  double gps_accuracy_m = 10;
  std::map<std::string, double> gps_accuracy_by_service;
  std::string photo_folder;
};

// The accuracy a fix needs for this service's reports, in metres.
double accuracy_needed(const FieldSettings& settings, const std::string& service_code);

}  // namespace oneservice::kiosk::field
