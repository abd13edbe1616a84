// judge_create_response: the council's answer to POST requests.json.
// Input: the HTTP status as text, NUL, the Retry-After header (empty: none),
// NUL, the body.
#include <cstdlib>

#include "fuzz/fuzz_target.h"
#include "sync/open311_wire.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace oneservice;
  std::string rest = fuzz::as_text(data, size);
  const std::string status = fuzz::take_part(rest);
  const std::string retry_after = fuzz::take_part(rest);
  sync::net::HttpResponse response;
  response.status = 0;
  for (const char c : status.substr(0, 3))
    if (c >= '0' && c <= '9') response.status = response.status * 10 + (c - '0');
  if (!retry_after.empty()) response.headers.emplace("retry-after", retry_after);
  response.body = rest;
  const auto outcome = sync::judge_create_response(response, std::chrono::system_clock::from_time_t(1795000000));
  // Accepted and Token always carry the reference the request is tracked by.
  const bool needs_reference = outcome.kind == sync::Outcome::Kind::Accepted || outcome.kind == sync::Outcome::Kind::Token;
  if (needs_reference && outcome.reference.empty()) std::abort();
  if (outcome.kind == sync::Outcome::Kind::Permanent && outcome.message.empty()) std::abort();
  return 0;
}
