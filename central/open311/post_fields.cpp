#include "central/open311/post_fields.h"

#include <cmath>

#include "central/open311/provenance_fields.h"
#include "shared/text.h"

namespace oneservice::central::open311 {
namespace {

// "attribute[code]" -> code, "attribute[code][]" -> code with list = true.
bool attribute_name(const std::string& name, std::string& code, bool& list) {
  const std::string prefix = "attribute[";
  if (name.rfind(prefix, 0) != 0) return false;
  const auto close = name.find(']', prefix.size());
  if (close == std::string::npos) return false;
  code = name.substr(prefix.size(), close - prefix.size());
  const auto rest = name.substr(close + 1);
  list = rest == "[]";
  return !code.empty() && (rest.empty() || list);
}

std::optional<double> coordinate(const std::string& text, bool& bad) {
  if (trim(text).empty()) return std::nullopt;
  try {
    std::size_t used = 0;
    const double value = std::stod(text, &used);
    if (used == text.size() && std::isfinite(value)) return value;
  } catch (const std::exception&) {
  }
  bad = true;
  return std::nullopt;
}

}  // namespace

PostedRequest read_post_fields(const Fields& fields) {
  PostedRequest out;
  auto& r = out.request;
  bool bad_point = false;
  for (const auto& [name, value] : fields) {
    if (!is_valid_utf8(name) || !is_valid_utf8(value)) {
      out.problems.push_back("The request holds text that is not UTF-8: send all text as UTF-8");
      return out;
    }
    std::string code;
    bool list = false;
    if (attribute_name(name, code, list)) {
      if (code == kClientRequestId) r.client_id = value;
      else if (code == kCatalogueVersion) r.catalogue_version = value;
      else if (code == kCreatedAt) r.created_at = value;
      else if (list) {
        auto& slot = r.answers[code];
        if (auto* items = std::get_if<std::vector<std::string>>(&slot)) items->push_back(value);
        else slot = std::vector<std::string>{value};
      } else {
        r.answers[code] = value;
      }
      continue;
    }
    if (read_provenance_field(name, value, r, out.problems)) continue;
    if (name == "service_code") r.service_code = value;
    else if (name == "api_key") out.api_key = value;
    else if (name == "lat") r.location.lat = coordinate(value, bad_point);
    else if (name == "long") r.location.lon = coordinate(value, bad_point);
    else if (name == "address_string") r.location.address_string = value;
    else if (name == "description") r.description = value;
    else if (name == "first_name") r.contact.first_name = value;
    else if (name == "last_name") r.contact.last_name = value;
    else if (name == "email") r.contact.email = value;
    else if (name == "phone") r.contact.phone = value;
    else if (name == "channel") {
      if (const auto channel = parse_channel(value)) r.channel = *channel;
    }
    // Other Open311 fields (jurisdiction_id, device_id, account_id,
    // address_id, media_url) are accepted and not used.
  }
  if (bad_point)
    out.problems.push_back("Choose the place again: the map position is not a real latitude and longitude");
  return out;
}

}  // namespace oneservice::central::open311
