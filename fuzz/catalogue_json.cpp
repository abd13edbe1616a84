// parse_catalogue: the council's catalogue document (assets/<council>/
// catalogue.json, and what the device assembles from an Open311 server).
#include "fuzz/fuzz_target.h"
#include "shared/catalogue_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    oneservice::parse_catalogue(oneservice::fuzz::as_text(data, size));
  } catch (const oneservice::FormatError&) {
  }
  return 0;
}
