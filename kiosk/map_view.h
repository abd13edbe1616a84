#pragma once
// Where the map looks and how far in, as plain data, and the pure functions
// that move it: projection between longitude/latitude and the screen, zoom
// about a point, pan by a drag, pinch with two fingers, and the limits that
// keep the council's area in sight. No ImGui here: the widget (map_widget)
// feeds these from input and tests check them directly.
//
// The projection is equirectangular with a degree of longitude shrunk by the
// cosine of the map's middle latitude: over a county it is within a few per
// cent of true shape, and needs no projection library.
#include "shared/map_data.h"

namespace oneservice::kiosk {

struct ScreenPoint {
  double x = 0, y = 0;
};

struct ScreenRect {
  double x = 0, y = 0, width = 0, height = 0;

  ScreenPoint centre() const { return {x + width / 2, y + height / 2}; }
  bool contains(ScreenPoint point) const {
    return point.x >= x && point.x <= x + width && point.y >= y && point.y <= y + height;
  }
};

struct MapView {
  LonLat centre;                 // shown at the middle of the map's rect
  double pixels_per_degree = 0;  // of latitude; 0 until the view is fitted
  // Fixed for the map (its middle latitude), not the view's: panning north
  // must not change the shapes.
  double cos_latitude = 1;

  bool fitted() const { return pixels_per_degree > 0; }
};

struct MapLimits {
  LonLatBox bounds;  // the view's centre stays inside this
  double min_pixels_per_degree = 1;
  double max_pixels_per_degree = 1;
};

// Zooming further in than this many times the whole-area view shows no more
// detail: the boundary data has no streets.
inline constexpr double kMaxZoomIn = 32;

// The whole of bounds in the rect, with a small margin.
MapView fit_view(const LonLatBox& bounds, const ScreenRect& rect);
// From the whole area (fit_view) to kMaxZoomIn times closer.
MapLimits limits_for(const LonLatBox& bounds, const ScreenRect& rect);

ScreenPoint to_screen(const MapView& view, const ScreenRect& rect, LonLat point);
LonLat to_lon_lat(const MapView& view, const ScreenRect& rect, ScreenPoint point);

// Scale within the limits, centre within the bounds.
MapView clamp_view(MapView view, const MapLimits& limits);

// Zooms by factor (2 = twice as close) keeping the place under focus where it
// is on screen, as far as the limits allow.
MapView zoom_about(const MapView& view, const ScreenRect& rect, ScreenPoint focus, double factor,
                   const MapLimits& limits);
// The map follows a finger that moved by delta pixels.
MapView pan_by(const MapView& view, ScreenPoint delta, const MapLimits& limits);
// Two fingers moved from (a0, b0) to (a1, b1): the map zooms by the change in
// their distance and the place between them follows their midpoint.
MapView pinch(const MapView& view, const ScreenRect& rect, ScreenPoint a0, ScreenPoint b0, ScreenPoint a1,
              ScreenPoint b1, const MapLimits& limits);
// Shows point at the middle of the map at the given scale (within limits).
MapView centre_on(const MapView& view, LonLat point, double pixels_per_degree, const MapLimits& limits);

}  // namespace oneservice::kiosk
