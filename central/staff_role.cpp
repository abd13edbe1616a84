#include "central/staff_role.h"

namespace oneservice::central {

std::string to_string(StaffRole role) {
  switch (role) {
    case StaffRole::Officer: return "officer";
    case StaffRole::Helper: return "helper";
    case StaffRole::Manager: return "manager";
  }
  return "officer";
}

std::optional<StaffRole> parse_staff_role(const std::string& text) {
  for (const auto role : {StaffRole::Officer, StaffRole::Helper, StaffRole::Manager})
    if (text == to_string(role)) return role;
  return std::nullopt;
}

}  // namespace oneservice::central
