#pragma once
// StaffRole's names on the command line, on the wire and in the store.
#include <optional>
#include <string>

#include "central/records.h"

namespace oneservice::central {

std::string to_string(StaffRole role);  // officer | helper | manager
std::optional<StaffRole> parse_staff_role(const std::string& text);
inline constexpr const char* kStaffRoleNames = "officer, helper or manager";

}  // namespace oneservice::central
