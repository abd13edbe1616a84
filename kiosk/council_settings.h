#pragma once
// What the council's config file sets for every visit, as the screens need
// it (kiosk/options.h reads the file).
#include <string>
#include <vector>

namespace oneservice::kiosk {

struct CouncilSettings {
  // The council's page for following a request, "{reference}" standing for
  // the reference; the confirmation shows it as a QR code. Empty: no code.
  std::string tracking_url;
  // Offered on the language page, in order; with one, the page is skipped.
  std::vector<std::string> languages = {"en", "cy"};
};

}  // namespace oneservice::kiosk
