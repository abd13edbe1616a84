// read_post_fields: a POST requests form (FixMyStreet's and our devices'
// fields) from an urlencoded body, split by httplib as the server does.
#include <httplib.h>

#include <cmath>
#include <cstdlib>

#include "central/open311/post_fields.h"
#include "fuzz/fuzz_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace oneservice::central::open311;
  httplib::Params params;
  httplib::detail::parse_query_text(oneservice::fuzz::as_text(data, size), params);
  const auto posted = read_post_fields(Fields(params.begin(), params.end()));
  // A point is either a real one or a problem for the sender, never NaN.
  for (const auto& coordinate : {posted.request.location.lat, posted.request.location.lon})
    if (coordinate && !std::isfinite(*coordinate)) std::abort();
  return 0;
}
