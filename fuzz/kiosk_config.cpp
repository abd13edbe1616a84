// apply_config_text: the kiosk's --config file. Whatever it accepts is a
// setting the kiosk can run with.
#include <cstdlib>

#include "fuzz/fuzz_target.h"
#include "kiosk/config_file.h"
#include "kiosk/operator/pin_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace oneservice::kiosk;
  KioskOptions options;
  const auto error = apply_config_text(oneservice::fuzz::as_text(data, size), "kiosk.json", options);
  if (!error.empty()) return 0;
  if (options.languages.empty() || options.warn_after_seconds < 10 ||
      options.clear_after_seconds <= options.warn_after_seconds)
    std::abort();
  if (!options.operator_pin.empty() && !is_valid_pin(options.operator_pin)) std::abort();
  return 0;
}
