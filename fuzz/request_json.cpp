// request_from_json: a request as `oneservice-sync enqueue` and the outbox
// read it. What it reads must write back and read again the same.
#include <cstdlib>

#include "fuzz/fuzz_target.h"
#include "shared/request_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace oneservice;
  try {
    const auto written = request_to_json(request_from_json(fuzz::as_text(data, size)));
    if (request_to_json(request_from_json(written)) != written) std::abort();
  } catch (const FormatError&) {
  }
  return 0;
}
