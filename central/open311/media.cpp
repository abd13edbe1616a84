#include "central/open311/media.h"

#include <httplib.h>

namespace oneservice::central::open311 {

std::string public_base_url(const httplib::Request& req, bool https) {
  const auto host = req.get_header_value("Host");
  return std::string(https ? "https://" : "http://") + (host.empty() ? "localhost" : host);
}

bool is_safe_media_name(const std::string& name) {
  if (name.empty() || name.size() > 128) return false;
  int dots = 0;
  for (const char c : name) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (c == '.') ++dots;
    else if (!plain) return false;
  }
  return dots == 1 && name.front() != '.';
}

}  // namespace oneservice::central::open311
