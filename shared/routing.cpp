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

// " Contact: Margaret Thornton, Parish Clerk, clerk@..., 01632 960401."
std::string contact_sentence(const BodyContact& contact) {
  const std::string details = contact_details(contact);
  return details.empty() ? std::string{} : " Contact: " + details + ".";
}

std::string will_deal(const Area& body) { return body.name + " will deal with this." + contact_sentence(body.contact); }

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
    if (!decision.body) {
      decision.notice = "We cannot tell which council will deal with this.";
    } else if (decision.level == ResponsibleLevel::County) {
      decision.notice = will_deal(*decision.body);
    } else {
      decision.notice = "No location was given, so " + will_deal(*decision.body);
    }
    return decision;
  }

  // The chosen level, then every larger one.
  std::vector<std::string> missing;
  for (auto level = std::find(kLevels.begin(), kLevels.end(), decision.level); level != kLevels.end(); ++level) {
    decision.body = containing(boundaries, *lat, *lon, *level);
    if (decision.body) break;
    missing.push_back(to_string(*level));
  }

  if (!decision.body) {
    const Area* county = first_county(boundaries);
    decision.notice = county ? "This place is outside the area " + county->name +
                                   " covers. Contact the council for that place."
                             : "We cannot tell which council will deal with this.";
    return decision;
  }
  if (missing.empty()) {
    decision.notice = will_deal(*decision.body);
    return decision;
  }
  // "There is no parish council for this place", "no parish or district council".
  std::string none = missing.front();
  for (std::size_t i = 1; i < missing.size(); ++i) none += (i + 1 == missing.size() ? " or " : ", ") + missing[i];
  decision.notice = "There is no " + none + " council for this place, so " + will_deal(*decision.body);
  return decision;
}

}  // namespace oneservice
