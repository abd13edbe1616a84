#include "kiosk/map_view.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace oneservice::kiosk {
namespace {

constexpr double kFitMargin = 0.92;  // of the rect, so the outline is not on its edge

double distance(ScreenPoint a, ScreenPoint b) { return std::hypot(a.x - b.x, a.y - b.y); }

ScreenPoint midpoint(ScreenPoint a, ScreenPoint b) { return {(a.x + b.x) / 2, (a.y + b.y) / 2}; }

// Zooms by factor (within the limits) and shows point at screen position at.
MapView zoom_placing(MapView view, const ScreenRect& rect, double factor, LonLat point, ScreenPoint at,
                     const MapLimits& limits) {
  view.pixels_per_degree = std::clamp(view.pixels_per_degree * factor, limits.min_pixels_per_degree,
                                      limits.max_pixels_per_degree);
  const ScreenPoint middle = rect.centre();
  view.centre.lon = point.lon - (at.x - middle.x) / (view.pixels_per_degree * view.cos_latitude);
  view.centre.lat = point.lat + (at.y - middle.y) / view.pixels_per_degree;
  return clamp_view(view, limits);
}

}  // namespace

MapView fit_view(const LonLatBox& bounds, const ScreenRect& rect) {
  MapView view;
  view.centre = bounds.centre();
  view.cos_latitude = std::max(0.01, std::cos(view.centre.lat * std::numbers::pi / 180));
  const double width = std::max(bounds.east - bounds.west, 1e-6) * view.cos_latitude;
  const double height = std::max(bounds.north - bounds.south, 1e-6);
  view.pixels_per_degree = std::max(1e-6, kFitMargin * std::min(rect.width / width, rect.height / height));
  return view;
}

MapLimits limits_for(const LonLatBox& bounds, const ScreenRect& rect) {
  const double whole = fit_view(bounds, rect).pixels_per_degree;
  return {bounds, whole, whole * kMaxZoomIn};
}

ScreenPoint to_screen(const MapView& view, const ScreenRect& rect, LonLat point) {
  const ScreenPoint middle = rect.centre();
  return {middle.x + (point.lon - view.centre.lon) * view.pixels_per_degree * view.cos_latitude,
          middle.y - (point.lat - view.centre.lat) * view.pixels_per_degree};
}

LonLat to_lon_lat(const MapView& view, const ScreenRect& rect, ScreenPoint point) {
  const ScreenPoint middle = rect.centre();
  return {view.centre.lon + (point.x - middle.x) / (view.pixels_per_degree * view.cos_latitude),
          view.centre.lat - (point.y - middle.y) / view.pixels_per_degree};
}

MapView clamp_view(MapView view, const MapLimits& limits) {
  view.pixels_per_degree =
      std::clamp(view.pixels_per_degree, limits.min_pixels_per_degree, limits.max_pixels_per_degree);
  view.centre.lon = std::clamp(view.centre.lon, limits.bounds.west, limits.bounds.east);
  view.centre.lat = std::clamp(view.centre.lat, limits.bounds.south, limits.bounds.north);
  return view;
}

MapView zoom_about(const MapView& view, const ScreenRect& rect, ScreenPoint focus, double factor,
                   const MapLimits& limits) {
  return zoom_placing(view, rect, factor, to_lon_lat(view, rect, focus), focus, limits);
}

MapView pan_by(const MapView& view, ScreenPoint delta, const MapLimits& limits) {
  MapView moved = view;
  moved.centre.lon -= delta.x / (view.pixels_per_degree * view.cos_latitude);
  moved.centre.lat += delta.y / view.pixels_per_degree;
  return clamp_view(moved, limits);
}

MapView pinch(const MapView& view, const ScreenRect& rect, ScreenPoint a0, ScreenPoint b0, ScreenPoint a1,
              ScreenPoint b1, const MapLimits& limits) {
  const double before = distance(a0, b0);
  const double after = distance(a1, b1);
  // Fingers this close together give no trustworthy scale: pan only.
  const double factor = before < 1 || after < 1 ? 1 : after / before;
  return zoom_placing(view, rect, factor, to_lon_lat(view, rect, midpoint(a0, b0)), midpoint(a1, b1), limits);
}

MapView centre_on(const MapView& view, LonLat point, double pixels_per_degree, const MapLimits& limits) {
  MapView moved = view;
  moved.centre = point;
  moved.pixels_per_degree = pixels_per_degree;
  return clamp_view(moved, limits);
}

}  // namespace oneservice::kiosk
