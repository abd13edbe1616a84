#include "central/open311/post_fields.h"

#include <cmath>

#include "central/open311/messages.h"
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

// Where the point came from is for the office to weigh, never a reason to
// refuse a report: a word or number it cannot read is left unsaid.
std::optional<double> accuracy(const std::string& text) {
  bool bad = false;
  const auto value = coordinate(trim(text), bad);
  if (!value || *value < 0) return std::nullopt;
  return value;
}

// attribute[code][] always makes a list. A repeated attribute[code] (no
// []), as HTTP::Request::Common sends an array, makes one too: every value
// is kept. Sent once, it stays a single answer, so single-value questions
// still validate.
void add_answer(Answers& answers, const std::string& code, const std::string& value, bool list) {
  const auto found = answers.find(code);
  if (found == answers.end()) {
    if (list) answers[code] = std::vector<std::string>{value};
    else answers[code] = value;
    return;
  }
  auto& slot = found->second;
  if (auto* items = std::get_if<std::vector<std::string>>(&slot)) items->push_back(value);
  else slot = std::vector<std::string>{std::get<std::string>(slot), value};
}

}  // namespace

PostedRequest read_post_fields(const Fields& fields) {
  PostedRequest out;
  auto& r = out.request;
  bool bad_point = false;
  for (const auto& [name, value] : fields) {
    if (!is_valid_utf8(name) || !is_valid_utf8(value)) {
      out.problems.push_back(kNotUtf8);
      return out;
    }
    std::string code;
    bool list = false;
    if (attribute_name(name, code, list)) {
      if (code == kClientRequestId) r.client_id = value;
      else if (code == kCatalogueVersion) r.catalogue_version = value;
      else if (code == kCreatedAt) r.created_at = value;
      else add_answer(r.answers, code, value, list);
      continue;
    }
    if (read_provenance_field(name, value, r, out.problems)) continue;
    if (name == "service_code") r.service_code = value;
    else if (name == "api_key") out.api_key = value;
    else if (name == "lat") r.location.lat = coordinate(value, bad_point);
    else if (name == "long") r.location.lon = coordinate(value, bad_point);
    else if (name == "address_string") r.location.address_string = value;
    else if (name == "location_source") r.location.source = parse_location_source(trim(value));
    else if (name == "location_accuracy_m") r.location.accuracy_m = accuracy(value);
    else if (name == "description") r.description = value;
    else if (name == "first_name") r.contact.first_name = value;
    else if (name == "last_name") r.contact.last_name = value;
    else if (name == "email") r.contact.email = value;
    else if (name == "phone") r.contact.phone = value;
    else if (name == "media_url") {
      if (!trim(value).empty()) out.media_urls.push_back(trim(value));  // an empty one says "no photo"
    }
    else if (name == "channel") {
      if (const auto channel = parse_channel(value)) r.channel = *channel;
    }
    // Other Open311 fields (jurisdiction_id, device_id, account_id,
    // address_id, deviceid) are accepted and not used.
  }
  if (bad_point)
    out.problems.push_back("Choose the place again: the map position is not a real latitude and longitude");
  return out;
}

}  // namespace oneservice::central::open311
