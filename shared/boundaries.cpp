// Boundaries: the council's areas read from GeoJSON, and "which area of this
// kind holds this point", answered with GEOS (C API, reentrant _r functions).
//
// Thread safety. A GEOS context handle, and the prepared geometries and
// STRtrees made with it (they build their internal indexes lazily on first
// use), must only be used by one thread at a time. So the GEOS state lives in
// a GeosWorker: one context, its own geometries, prepared geometries and one
// STRtree per kind. Boundaries keeps a small pool of idle workers; a lookup
// takes one out under a mutex (held only for the pop/push, not the query),
// queries it with no lock, and puts it back. When every worker is busy the
// lookup builds another from the stored coordinates, so the pool grows to the
// largest number of simultaneous lookups and stays there. Compared with one
// mutex around every query, lookups on many threads run in parallel; compared
// with thread_local contexts, a worker's lifetime is tied to its Boundaries
// (no per-thread leftovers after the Boundaries is gone).
#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <stdexcept>
#include <unordered_map>
#include <utility>

#include <geos_c.h>

#include "shared/geojson_reading.h"
#include "shared/routing.h"

namespace oneservice {

namespace {

using json = nlohmann::json;

// One polygon: rings of interleaved x (longitude), y (latitude) values,
// closed; the first ring is the outer boundary, the others holes.
using Ring = std::vector<double>;
using PolygonRings = std::vector<Ring>;

struct Shape {
  std::vector<PolygonRings> polygons;
  bool multi = false;
};

void on_geos_message(const char* message, void* userdata) {
  *static_cast<std::string*>(userdata) = message ? message : "";
}

// One GEOS context and everything made with it. Used by one thread at a time.
class GeosWorker {
 public:
  GeosWorker(const std::vector<Area>& areas, const std::vector<Shape>& shapes) : context_(GEOS_init_r()) {
    if (!context_) throw std::runtime_error("Cannot start GEOS");
    GEOSContext_setErrorMessageHandler_r(context_, on_geos_message, &last_error_);
    try {
      build(areas, shapes);
    } catch (...) {
      release();
      throw;
    }
  }
  GeosWorker(const GeosWorker&) = delete;
  GeosWorker& operator=(const GeosWorker&) = delete;
  ~GeosWorker() { release(); }

  // Empty when the area's geometry is valid, else GEOS's reason.
  std::string validity_problem(std::size_t area) {
    const auto& entry = entries_.at(area);
    const char valid = GEOSisValid_r(context_, entry.geometry);
    if (valid == 1) return {};
    char* reason = GEOSisValidReason_r(context_, entry.geometry);
    std::string out = reason ? reason : last_error_;
    if (reason) GEOSFree_r(context_, reason);
    return out;
  }

  // Index of the area of this kind covering the point (boundary included),
  // the smallest id when several do; npos when none.
  std::size_t locate(double lon, double lat, const std::string& kind, const std::vector<Area>& areas) {
    const auto tree = trees_.find(kind);
    if (tree == trees_.end()) return npos;
    GEOSGeometry* point = GEOSGeom_createPointFromXY_r(context_, lon, lat);
    if (!point) throw std::runtime_error("GEOS cannot make a point: " + last_error_);
    candidates_.clear();
    GEOSSTRtree_query_r(context_, tree->second, point, collect, &candidates_);
    std::size_t best = npos;
    std::string error;
    for (const Entry* entry : candidates_) {
      if (best != npos && areas[entry->area].id >= areas[best].id) continue;  // cannot win
      const char covers = GEOSPreparedCovers_r(context_, entry->prepared, point);
      if (covers == 1) best = entry->area;
      else if (covers != 0) error = last_error_;
    }
    GEOSGeom_destroy_r(context_, point);
    if (!error.empty()) throw std::runtime_error("GEOS point-in-polygon test failed: " + error);
    return best;
  }

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  struct Entry {
    GEOSGeometry* geometry = nullptr;
    const GEOSPreparedGeometry* prepared = nullptr;
    std::size_t area = 0;
  };

  static void collect(void* item, void* userdata) {
    static_cast<std::vector<const Entry*>*>(userdata)->push_back(static_cast<const Entry*>(item));
  }

  GEOSGeometry* make_ring(const Ring& ring) {
    const auto size = static_cast<unsigned int>(ring.size() / 2);
    GEOSCoordSequence* sequence = GEOSCoordSeq_copyFromBuffer_r(context_, ring.data(), size, 0, 0);
    if (!sequence) return nullptr;
    return GEOSGeom_createLinearRing_r(context_, sequence);  // owns the sequence
  }

  GEOSGeometry* make_polygon(const PolygonRings& rings) {
    std::vector<GEOSGeometry*> made;
    for (const auto& ring : rings) {
      GEOSGeometry* geometry = make_ring(ring);
      if (!geometry) {
        for (auto* done : made) GEOSGeom_destroy_r(context_, done);
        return nullptr;
      }
      made.push_back(geometry);
    }
    // Takes ownership of the shell and the holes.
    return GEOSGeom_createPolygon_r(context_, made.front(), made.data() + 1,
                                    static_cast<unsigned int>(made.size() - 1));
  }

  GEOSGeometry* make_shape(const Shape& shape) {
    std::vector<GEOSGeometry*> made;
    for (const auto& polygon : shape.polygons) {
      GEOSGeometry* geometry = make_polygon(polygon);
      if (!geometry) {
        for (auto* done : made) GEOSGeom_destroy_r(context_, done);
        return nullptr;
      }
      made.push_back(geometry);
    }
    if (!shape.multi) return made.front();
    return GEOSGeom_createCollection_r(context_, GEOS_MULTIPOLYGON, made.data(),
                                       static_cast<unsigned int>(made.size()));
  }

  void build(const std::vector<Area>& areas, const std::vector<Shape>& shapes) {
    entries_.resize(areas.size());  // never resized again: the trees hold pointers into it
    for (std::size_t i = 0; i < areas.size(); ++i) {
      Entry& entry = entries_[i];
      entry.area = i;
      entry.geometry = make_shape(shapes[i]);
      if (!entry.geometry)
        throw FormatError("The boundary of area \"" + areas[i].id + "\" cannot be built: " + last_error_);
      entry.prepared = GEOSPrepare_r(context_, entry.geometry);
      if (!entry.prepared) throw std::runtime_error("GEOS cannot prepare \"" + areas[i].id + "\": " + last_error_);
      auto tree = trees_.find(areas[i].kind);
      if (tree == trees_.end()) {
        GEOSSTRtree* made = GEOSSTRtree_create_r(context_, 10);
        if (!made) throw std::runtime_error("GEOS cannot make a spatial index: " + last_error_);
        tree = trees_.emplace(areas[i].kind, made).first;
      }
      GEOSSTRtree_insert_r(context_, tree->second, entry.geometry, &entry);
    }
  }

  void release() noexcept {
    if (!context_) return;
    for (auto& [kind, tree] : trees_) GEOSSTRtree_destroy_r(context_, tree);
    trees_.clear();
    for (auto& entry : entries_) {
      if (entry.prepared) GEOSPreparedGeom_destroy_r(context_, entry.prepared);
      if (entry.geometry) GEOSGeom_destroy_r(context_, entry.geometry);
    }
    entries_.clear();
    GEOS_finish_r(context_);
    context_ = nullptr;
  }

  GEOSContextHandle_t context_ = nullptr;
  std::string last_error_;  // written by GEOS's error handler for this context
  std::vector<Entry> entries_;  // one per area, same order
  std::map<std::string, GEOSSTRtree*> trees_;  // one per kind
  std::vector<const Entry*> candidates_;  // reused between queries
};

// ---------------------------------------------------------------------------
// GeoJSON reading (the checks shared with the map are in geojson_reading.cpp).

using geojson::fail;
using geojson::feature_name;
using geojson::optional_string;
using geojson::required_string;

// GEOS copies coordinates from interleaved x, y buffers.
PolygonRings interleaved(const std::vector<std::vector<LonLat>>& rings) {
  PolygonRings out;
  for (const auto& ring : rings) {
    Ring flat;
    flat.reserve(ring.size() * 2);
    for (const auto& position : ring) {
      flat.push_back(position.lon);
      flat.push_back(position.lat);
    }
    out.push_back(std::move(flat));
  }
  return out;
}

Shape read_shape(const geojson::Feature& feature, const std::string& where) {
  Shape shape;
  shape.multi = feature.type == "MultiPolygon";
  for (const auto& polygon : geojson::read_polygons(feature, where)) shape.polygons.push_back(interleaved(polygon));
  return shape;
}

BodyContact read_contact(const json& properties, const std::string& where) {
  BodyContact contact;
  const auto found = properties.find("contact");
  if (found == properties.end() || found->is_null()) return contact;
  if (!found->is_object()) fail(where + " has a \"contact\" that is not an object.");
  const std::string inner = where + " contact";
  contact.name = optional_string(*found, "name", inner);
  contact.role = optional_string(*found, "role", inner);
  contact.email = optional_string(*found, "email", inner);
  contact.phone = optional_string(*found, "phone", inner);
  return contact;
}

}  // namespace

// ---------------------------------------------------------------------------

struct Boundaries::Index {
  std::vector<Area> areas;
  std::vector<Shape> shapes;  // same order as areas
  std::unordered_map<std::string, std::size_t> by_id;

  std::mutex pool_mutex;
  std::vector<std::unique_ptr<GeosWorker>> idle;  // guarded by pool_mutex

  std::unique_ptr<GeosWorker> take() {
    {
      std::lock_guard lock(pool_mutex);
      if (!idle.empty()) {
        auto worker = std::move(idle.back());
        idle.pop_back();
        return worker;
      }
    }
    return std::make_unique<GeosWorker>(areas, shapes);  // built outside the lock
  }

  void give_back(std::unique_ptr<GeosWorker> worker) noexcept {
    try {
      std::lock_guard lock(pool_mutex);
      idle.push_back(std::move(worker));
    } catch (...) {
      // Out of memory: drop the worker; the next lookup builds another.
    }
  }
};

Boundaries::Boundaries(std::unique_ptr<Index> index) : index_(std::move(index)) {}
Boundaries::Boundaries(Boundaries&&) noexcept = default;
Boundaries& Boundaries::operator=(Boundaries&&) noexcept = default;
Boundaries::~Boundaries() = default;

Boundaries Boundaries::from_geojson(const std::string& geojson_text) {
  auto index = std::make_unique<Index>();
  std::vector<std::size_t> feature_of;  // feature index of each area, for messages
  geojson::for_each_feature(geojson_text, [&](const geojson::Feature& feature) {
    if (feature.type != "Polygon" && feature.type != "MultiPolygon") return;  // roads, landmarks...
    const auto& properties =
        geojson::required_properties(feature, "Give every area an id, name and kind.");
    Area area;
    area.id = required_string(properties, "id", feature_name(feature.index));
    const auto where = feature_name(feature.index, area.id);
    area.name = required_string(properties, "name", where);
    area.kind = required_string(properties, "kind", where);
    area.parent = optional_string(properties, "parent", where);
    area.contact = read_contact(properties, where);
    auto shape = read_shape(feature, where);

    const auto [existing, added] = index->by_id.emplace(area.id, index->areas.size());
    if (!added)
      fail(where + " has the same id as " + feature_name(feature_of[existing->second]) +
           ". Give every area its own id.");
    index->areas.push_back(std::move(area));
    index->shapes.push_back(std::move(shape));
    feature_of.push_back(feature.index);
  });

  for (std::size_t a = 0; a < index->areas.size(); ++a) {
    const auto& area = index->areas[a];
    if (!area.parent.empty() && !index->by_id.count(area.parent))
      fail(feature_name(feature_of[a], area.id) + " has parent \"" + area.parent +
           "\", which is not an area in this file.");
  }
  for (std::size_t a = 0; a < index->areas.size(); ++a) {  // parents must not go round in a circle
    std::size_t steps = 0;
    for (const Area* up = &index->areas[a]; !up->parent.empty(); up = &index->areas[index->by_id.at(up->parent)])
      if (++steps > index->areas.size())
        fail(feature_name(feature_of[a], index->areas[a].id) + " is inside itself through its parents.");
  }

  // Build the first worker now: it checks every geometry with GEOS, and the
  // first lookup need not wait for it.
  auto worker = std::make_unique<GeosWorker>(index->areas, index->shapes);
  for (std::size_t a = 0; a < index->areas.size(); ++a) {
    const auto problem = worker->validity_problem(a);
    if (!problem.empty())
      fail(feature_name(feature_of[a], index->areas[a].id) + " is not a valid polygon: " + problem +
           ". Check that its rings do not cross themselves or each other.");
  }
  index->idle.push_back(std::move(worker));
  return Boundaries(std::move(index));
}

Boundaries Boundaries::load_file(const std::string& path) {
  return geojson::parse_file(path, [](const std::string& text) { return from_geojson(text); });
}

const Area* Boundaries::area_at(double lat, double lon, const std::string& kind) const {
  if (!std::isfinite(lat) || !std::isfinite(lon)) return nullptr;
  auto worker = index_->take();
  std::size_t found = GeosWorker::npos;
  try {
    found = worker->locate(lon, lat, kind, index_->areas);
  } catch (...) {
    index_->give_back(std::move(worker));
    throw;
  }
  index_->give_back(std::move(worker));
  return found == GeosWorker::npos ? nullptr : &index_->areas[found];
}

const Area* Boundaries::find(const std::string& id) const {
  const auto found = index_->by_id.find(id);
  return found == index_->by_id.end() ? nullptr : &index_->areas[found->second];
}

const std::vector<Area>& Boundaries::areas() const { return index_->areas; }

}  // namespace oneservice
