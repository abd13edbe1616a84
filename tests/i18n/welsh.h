#pragma once
// The Welsh translator and the demo catalogue, loaded once per test binary.
#include <chrono>
#include <string>

#include "kiosk/translator.h"
#include "shared/catalogue.h"
#include "shared/catalogue_json.h"
#include "shared/clock.h"

namespace oneservice::i18n_testing {

inline const kiosk::Translator& welsh() {
  static const kiosk::Translator translator("cy", kiosk::default_locale_dir(), "demo-council");
  return translator;
}

inline const Catalogue& demo_catalogue() {
  static const Catalogue catalogue =
      load_catalogue_file(std::string(ONESERVICE_ASSETS_DIR) + "/demo-council/catalogue.json");
  return catalogue;
}

// 2026-11-22T14:03:00Z, so no test depends on the real clock.
inline TimePoint fixed_now() {
  using namespace std::chrono;
  return sys_days{year{2026} / November / 22} + hours{14} + minutes{3};
}

}  // namespace oneservice::i18n_testing
