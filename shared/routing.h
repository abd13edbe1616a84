#pragma once
// Who deals with a request: the same decision on the kiosk (offline, to tell
// the resident before they send) and on the central server (to route the
// case). A service names a level (county, district, parish) and may change
// it by its routing rules on the answers; the location then picks the body at
// that level from the council's boundary data.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "shared/catalogue.h"
#include "shared/format_error.h"
#include "shared/wording.h"

namespace oneservice {

struct BodyContact {
  std::string name;  // e.g. the parish clerk's name
  std::string role;  // "Parish Clerk", "Customer Services"
  std::string email;
  std::string phone;
};

// One area of the boundary data and the body responsible for it.
struct Area {
  std::string id;      // "parish-little-hembury"
  std::string name;    // "Little Hembury Parish Council"
  std::string kind;    // "county" | "district" | "parish"
  std::string parent;  // id of the containing area, empty for the county
  BodyContact contact;
};

// Boundary polygons with a spatial index (GEOS STRtree over prepared
// geometries), fit for thousands of areas. Immutable once loaded, so one
// instance may be shared by many threads: each lookup borrows a GEOS context
// of its own from a pool (see boundaries.cpp).
class Boundaries {
 public:
  // Reads a GeoJSON FeatureCollection of Polygon/MultiPolygon features with
  // properties id, name, kind, parent, contact{name, role, email, phone}.
  // Other geometry types (roads, landmarks) are ignored. Throws FormatError
  // naming the feature on bad input.
  static Boundaries from_geojson(const std::string& geojson_text);
  static Boundaries load_file(const std::string& path);

  Boundaries(Boundaries&&) noexcept;
  Boundaries& operator=(Boundaries&&) noexcept;
  ~Boundaries();

  // The area of this kind containing the point (WGS84). A point exactly on a
  // shared border belongs to the area with the smallest id, so the answer is
  // the same everywhere it is computed. nullptr outside every such area (and
  // for a latitude or longitude that is not a finite number).
  const Area* area_at(double lat, double lon, const std::string& kind) const;
  const Area* find(const std::string& id) const;
  const std::vector<Area>& areas() const;

 private:
  struct Index;
  explicit Boundaries(std::unique_ptr<Index> index);
  std::unique_ptr<Index> index_;
};

// "Margaret Thornton, Parish Clerk, clerk@..., 01632 960401": the body's
// contact as one line, the role left out when the name already says it
// ("Ashcombe Customer Services"); empty when there is none. Every channel
// words the sentence around it in its own language.
std::string contact_details(const BodyContact& contact);

// Why the body dealing with a request is not simply the one at the chosen
// level where it is: what the notice explains.
enum class RoutingFallback {
  None,            // the body at the chosen level
  NoLocation,      // no point given: the county
  MissingLevels,   // no council at the chosen level (or the next) there
  OutsideTheArea,  // the point is outside every area: nobody named
  NoCouncil,       // the boundary data has no county at all
};

struct RoutingDecision {
  ResponsibleLevel level = ResponsibleLevel::County;  // what the service's rules chose
  const Area* body = nullptr;  // who deals with it; null when not known
  RoutingFallback fallback = RoutingFallback::None;
  std::vector<ResponsibleLevel> missing;  // MissingLevels: the levels with no council there
  const Area* county = nullptr;           // OutsideTheArea: whose area the point is outside
  // routing_notice(*this) in English, for the server's records. Never holds
  // the resident's own answers.
  std::string notice;
};

// For the resident, e.g. "Little Hembury Parish Council will deal with this.
// Contact: Margaret Thornton, Parish Clerk, clerk@little-hembury-pc.example,
// 01632 960401." The sentences come from `wording` (the kiosk's translation
// hook; English when empty); names and contact details are the council's own
// and are never translated.
std::string routing_notice(const RoutingDecision& decision, const Wording& wording);

// Applies the service's routing rules to the answers (first matching rule
// wins, else the service's "responsible" level), then finds the body at that
// level containing the location. When the location has no area at that
// level (an unparished area, or no point given), it falls back upwards:
// parish -> the containing district -> the county; the notice says so. A
// service with no level goes to the county. With no point the county deals
// with it; with a point outside every area, body is null.
RoutingDecision route(const Service& service, const Answers& answers, std::optional<double> lat,
                      std::optional<double> lon, const Boundaries& boundaries);

}  // namespace oneservice
