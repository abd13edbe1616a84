// The catalogue pull: discovery.json's changeset, services.json, and one
// services/<code>.json definition given to every service with metadata,
// assembled as Puller::pull_catalogue does and checked by parse_catalogue.
// Input: discovery, NUL, services, NUL, definition.
#include <nlohmann/json.hpp>

#include "fuzz/fuzz_target.h"
#include "shared/catalogue_json.h"
#include "sync/open311_answers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace oneservice;
  using nlohmann::json;
  std::string rest = fuzz::as_text(data, size);
  const std::string discovery = fuzz::take_part(rest);
  const std::string services = fuzz::take_part(rest);
  const std::string& definition = rest;
  try {
    json document = {{"changeset", sync::read_discovery_changeset(discovery)}, {"services", json::array()}};
    for (auto service : json::parse(services)) {
      sync::prepare_service(service);
      if (service.value("metadata", false)) sync::add_definition(service, definition);
      document["services"].push_back(service);
    }
    parse_catalogue(document.dump());
  } catch (const json::exception&) {
  } catch (const FormatError&) {
  }
  return 0;
}
