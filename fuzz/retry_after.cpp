// parse_retry_after: a server's Retry-After header, delta-seconds or an
// HTTP-date. Never negative.
#include <cstdlib>

#include "fuzz/fuzz_target.h"
#include "sync/backoff.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace oneservice;
  const auto now = std::chrono::system_clock::from_time_t(1795000000);  // 2026-11-18
  const auto wait = sync::parse_retry_after(fuzz::as_text(data, size), now);
  if (wait && wait->count() < 0) std::abort();
  return 0;
}
