#pragma once
// A test double of the tablet's store behind field mode's desk, for the
// shell's own behaviour (screens, navigation, the wipe between officers)
// where the real store's rules are not what is under test. The journeys
// that matter end to end use the real store and a real central
// (field_central_test.cpp).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/field/field_desk.h"

namespace oneservice::kiosk::testing {

struct TabletDouble {
  struct Account {
    std::string secret, pin;
    std::string team;
    int wrong_pins = 0;
    bool has_pin = false;
  };
  std::map<std::string, Account> accounts;
  std::map<std::string, std::pair<std::string, field::Draft>> drafts;  // client id -> (staff, draft)
  std::vector<std::pair<std::string, ServiceRequest>> queued;          // (staff, request)
  std::optional<field::GpsReading> gps;
  bool reachable = true;
  int sign_outs = 0;

  field::FieldLinks links();
};

}  // namespace oneservice::kiosk::testing
