// read_status_updates: servicerequestupdates.json as the device pulls it.
#include <nlohmann/json.hpp>

#include "fuzz/fuzz_target.h"
#include "sync/open311_answers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace oneservice;
  try {
    sync::read_status_updates(fuzz::as_text(data, size));
  } catch (const nlohmann::json::exception&) {
  }
  return 0;
}
