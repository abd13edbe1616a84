// Asking central for open cases near a point, now (a desk's "is it one of
// these?" with signal; the field pull fills the cache with the same call).
#include "sync/field_answers.h"
#include "sync/nearby_cases.h"
#include "sync/net/http_transport.h"
#include "sync/open311_wire.h"

namespace oneservice::sync {

std::optional<std::vector<NearbyCase>> open_cases_near_online(const ServerConfig& server,
                                                              const std::string& service_code, double lat,
                                                              double lon, double radius_m, std::string& problem) {
  net::TransportOptions options;
  options.ca_bundle = server.ca_bundle;
  options.max_in_flight = 1;
  options.total_timeout = std::chrono::seconds(10);
  net::HttpTransport transport(options);
  net::HttpRequest request;
  request.url = server.endpoint("requests.json") + "?lat=" + coordinate_text(lat) + "&long=" + coordinate_text(lon) +
                "&radius=" + std::to_string(static_cast<int>(radius_m)) +
                (service_code.empty() ? "" : "&service_code=" + net::url_encode(service_code));
  const auto response = transport.perform(std::move(request));
  if (response.error != net::NetError::None) {
    problem = response.error_message;
    return std::nullopt;
  }
  if (response.status != 200) {
    problem = "HTTP " + std::to_string(response.status);
    return std::nullopt;
  }
  try {
    return read_nearby_cases(response.body);
  } catch (const std::exception&) {
    problem = "the council's answer cannot be read";
    return std::nullopt;
  }
}

}  // namespace oneservice::sync
