#include "kiosk/field/field_settings.h"

namespace oneservice::kiosk::field {

double accuracy_needed(const FieldSettings& settings, const std::string& service_code) {
  const auto found = settings.gps_accuracy_by_service.find(service_code);
  return found == settings.gps_accuracy_by_service.end() ? settings.gps_accuracy_m : found->second;
}

}  // namespace oneservice::kiosk::field
