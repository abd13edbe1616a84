#pragma once
// Where a device sends its requests, and how it proves who it is.
#include <string>

namespace oneservice::sync {

struct ServerConfig {
  // The Open311 base, ending before the endpoint names, e.g.
  // "http://127.0.0.1:8311/open311/v2".
  std::string base_url;
  std::string api_key;
  std::string ca_bundle;  // the council's own CA file; empty: the system's

  std::string endpoint(const std::string& name) const {
    const bool slash = !base_url.empty() && base_url.back() == '/';
    return base_url + (slash ? "" : "/") + name;
  }
};

}  // namespace oneservice::sync
