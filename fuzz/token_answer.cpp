// read_token_answer: tokens/<token>.json, polled for a batch service's
// request until the council gives it a service_request_id.
#include <nlohmann/json.hpp>

#include "fuzz/fuzz_target.h"
#include "sync/open311_answers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace oneservice;
  try {
    sync::read_token_answer(fuzz::as_text(data, size));
  } catch (const nlohmann::json::exception&) {
  }
  return 0;
}
