#include "shared/request.h"

namespace oneservice {

std::string to_string(Channel channel) {
  switch (channel) {
    case Channel::Kiosk: return "kiosk";
    case Channel::Field: return "field";
    case Channel::Assisted: return "assisted";
    case Channel::Web: return "web";
  }
  return "kiosk";
}

std::optional<Channel> parse_channel(const std::string& text) {
  if (text == "kiosk") return Channel::Kiosk;
  if (text == "field") return Channel::Field;
  if (text == "assisted") return Channel::Assisted;
  if (text == "web") return Channel::Web;
  return std::nullopt;
}

std::string to_string(LocationSource source) {
  switch (source) {
    case LocationSource::Gps: return "gps";
    case LocationSource::Photo: return "photo";
    case LocationSource::Map: return "map";
    case LocationSource::Words: return "words";
  }
  return "gps";
}

std::optional<LocationSource> parse_location_source(const std::string& text) {
  if (text == "gps") return LocationSource::Gps;
  if (text == "photo") return LocationSource::Photo;
  if (text == "map") return LocationSource::Map;
  if (text == "words") return LocationSource::Words;
  return std::nullopt;
}

std::string to_string(ReportedFor reported_for) {
  return reported_for == ReportedFor::Anonymous ? "anonymous" : "resident";
}

std::optional<ReportedFor> parse_reported_for(const std::string& text) {
  if (text == "resident") return ReportedFor::Resident;
  if (text == "anonymous") return ReportedFor::Anonymous;
  return std::nullopt;
}

std::string to_string(AssistedVia via) { return via == AssistedVia::InPerson ? "in_person" : "phone"; }

std::optional<AssistedVia> parse_assisted_via(const std::string& text) {
  if (text == "phone") return AssistedVia::Phone;
  if (text == "in_person") return AssistedVia::InPerson;
  return std::nullopt;
}

bool valid_language_tag(const std::string& text) {
  if (text.empty() || text.size() > 35) return false;
  for (const char c : text) {
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!letter && !(c >= '0' && c <= '9') && c != '-') return false;
  }
  return true;
}

}  // namespace oneservice
