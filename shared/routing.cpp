// route(): the service's rules choose a level, the location picks the body at
// that level, falling back upwards when there is none. Boundaries (the GEOS
// index) is in boundaries.cpp.
#include <algorithm>
#include <array>
#include <cmath>

#include "shared/routing.h"

namespace oneservice {

namespace {

// Smallest first: a level with no body at a place falls back to the next.
constexpr std::array<ResponsibleLevel, 3> kLevels = {ResponsibleLevel::Parish, ResponsibleLevel::District,
                                                     ResponsibleLevel::County};

ResponsibleLevel chosen_level(const Service& service, const Answers& answers) {
  for (const auto& rule : service.routing)
    if (conditions_hold(rule.when, answers)) return rule.responsible;
  return service.responsible.value_or(ResponsibleLevel::County);
}

// The area of this kind at the point; else, walking up from a smaller area
// at the point, its ancestor of this kind (so a district is still found where
// the district polygons leave a gap under a parish).
const Area* containing(const Boundaries& boundaries, double lat, double lon, ResponsibleLevel level) {
  const auto kind = to_string(level);
  if (const Area* area = boundaries.area_at(lat, lon, kind)) return area;
  for (const auto smaller : kLevels) {
    if (level == smaller) break;
    for (const Area* area = boundaries.area_at(lat, lon, to_string(smaller)); area;
         area = boundaries.find(area->parent)) {
      if (area->kind == kind) return area;
    }
  }
  return nullptr;
}

const Area* first_county(const Boundaries& boundaries) {
  for (const auto& area : boundaries.areas())
    if (area.kind == to_string(ResponsibleLevel::County)) return &area;
  return nullptr;
}

}  // namespace

std::string contact_details(const BodyContact& contact) {
  std::string parts;
  const auto add = [&](const std::string& part) {
    if (part.empty()) return;
    if (!parts.empty()) parts += ", ";
    parts += part;
  };
  add(contact.name);
  if (contact.name.find(contact.role) == std::string::npos) add(contact.role);
  add(contact.email);
  add(contact.phone);
  return parts;
}

RoutingDecision route(const Service& service, const Answers& answers, std::optional<double> lat,
                      std::optional<double> lon, const Boundaries& boundaries) {
  RoutingDecision decision;
  decision.level = chosen_level(service, answers);

  const bool has_point = lat && lon && std::isfinite(*lat) && std::isfinite(*lon);
  if (!has_point) {
    decision.body = first_county(boundaries);
    if (!decision.body) decision.fallback = RoutingFallback::NoCouncil;
    else if (decision.level != ResponsibleLevel::County) decision.fallback = RoutingFallback::NoLocation;
  } else {
    // The chosen level, then every larger one.
    for (auto level = std::find(kLevels.begin(), kLevels.end(), decision.level); level != kLevels.end(); ++level) {
      decision.body = containing(boundaries, *lat, *lon, *level);
      if (decision.body) break;
      decision.missing.push_back(*level);
    }
    if (!decision.body) {
      decision.missing.clear();
      decision.county = first_county(boundaries);
      decision.fallback = decision.county ? RoutingFallback::OutsideTheArea : RoutingFallback::NoCouncil;
    } else if (!decision.missing.empty()) {
      decision.fallback = RoutingFallback::MissingLevels;
    }
  }
  decision.notice = routing_notice(decision, Wording::english());
  return decision;
}

namespace {

// The sentence before the contact details; each is whole, so a translation
// can word it as its language needs.
const char* will_deal_words(const RoutingDecision& decision) {
  if (decision.fallback == RoutingFallback::NoLocation)
    return gettext_noop("No location was given, so {council} will deal with this.");
  if (decision.fallback != RoutingFallback::MissingLevels) return gettext_noop("{council} will deal with this.");
  const auto missing = [&](ResponsibleLevel level) {
    return std::find(decision.missing.begin(), decision.missing.end(), level) != decision.missing.end();
  };
  if (missing(ResponsibleLevel::Parish) && missing(ResponsibleLevel::District))
    return gettext_noop("There is no parish or district council for this place, so {council} will deal with this.");
  if (missing(ResponsibleLevel::District))
    return gettext_noop("There is no district council for this place, so {council} will deal with this.");
  return gettext_noop("There is no parish council for this place, so {council} will deal with this.");
}

}  // namespace

std::string routing_notice(const RoutingDecision& decision, const Wording& wording) {
  if (decision.fallback == RoutingFallback::OutsideTheArea && decision.county)
    return format(say(wording, gettext_noop("This place is outside the area {council} covers. "
                                            "Contact the council for that place.")),
                  {{"council", decision.county->name}});
  if (!decision.body) return say(wording, gettext_noop("We cannot tell which council will deal with this."));
  std::string notice = format(say(wording, will_deal_words(decision)), {{"council", decision.body->name}});
  const std::string details = contact_details(decision.body->contact);
  if (!details.empty()) notice += " " + format(say(wording, gettext_noop("Contact: {details}.")), {{"details", details}});
  return notice;
}

}  // namespace oneservice
