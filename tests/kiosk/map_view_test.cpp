// MapView: projection both ways, zoom about a point, pan, pinch, and the
// limits that keep the council's area in sight.
#include <gtest/gtest.h>

#include "kiosk/map_view.h"

using namespace oneservice;
using namespace oneservice::kiosk;

namespace {

// The demo county, on a map rect like the kiosk's at 1280x800.
const LonLatBox kCounty{-1.9, 50.9, -1.3, 51.3};
const ScreenRect kRect{160, 300, 960, 420};

void expect_near(ScreenPoint a, ScreenPoint b, double tolerance = 1e-6) {
  EXPECT_NEAR(a.x, b.x, tolerance);
  EXPECT_NEAR(a.y, b.y, tolerance);
}

void expect_near(LonLat a, LonLat b, double tolerance = 1e-9) {
  EXPECT_NEAR(a.lon, b.lon, tolerance);
  EXPECT_NEAR(a.lat, b.lat, tolerance);
}

}  // namespace

TEST(MapView, FitShowsTheWholeAreaCentred) {
  const MapView view = fit_view(kCounty, kRect);
  ASSERT_TRUE(view.fitted());
  expect_near(to_screen(view, kRect, kCounty.centre()), kRect.centre());
  for (const LonLat corner : {LonLat{kCounty.west, kCounty.south}, LonLat{kCounty.east, kCounty.north}})
    EXPECT_TRUE(kRect.contains(to_screen(view, kRect, corner)));
  // Taller than wide once longitude is shrunk: the height decides the scale.
  const double height = to_screen(view, kRect, {-1.6, kCounty.south}).y - to_screen(view, kRect, {-1.6, kCounty.north}).y;
  EXPECT_NEAR(height, kRect.height * 0.92, 0.5);
}

TEST(MapView, NorthIsUpAndLongitudeShrinksWithLatitude) {
  const MapView view = fit_view(kCounty, kRect);
  const ScreenPoint middle = to_screen(view, kRect, {-1.6, 51.1});
  EXPECT_LT(to_screen(view, kRect, {-1.6, 51.2}).y, middle.y);
  EXPECT_GT(to_screen(view, kRect, {-1.5, 51.1}).x, middle.x);
  const double degree_east = to_screen(view, kRect, {-0.6, 51.1}).x - middle.x;
  const double degree_north = middle.y - to_screen(view, kRect, {-1.6, 52.1}).y;
  EXPECT_NEAR(degree_east / degree_north, 0.628, 0.002);  // cos(51.1°)
}

TEST(MapView, ScreenAndLonLatRoundTrip) {
  MapView view = fit_view(kCounty, kRect);
  view = zoom_about(view, kRect, {300, 400}, 5, limits_for(kCounty, kRect));
  for (const LonLat point : {LonLat{-1.82, 51.20}, LonLat{-1.75, 51.05}, LonLat{-1.40, 51.06}})
    expect_near(to_lon_lat(view, kRect, to_screen(view, kRect, point)), point);
  const ScreenPoint tap{733.5, 512.25};
  expect_near(to_screen(view, kRect, to_lon_lat(view, kRect, tap)), tap);
}

TEST(MapView, ZoomKeepsThePlaceUnderTheFingerStill) {
  const auto limits = limits_for(kCounty, kRect);
  const MapView view = fit_view(kCounty, kRect);
  const ScreenPoint finger{400, 380};
  const LonLat under = to_lon_lat(view, kRect, finger);
  const MapView zoomed = zoom_about(view, kRect, finger, 2, limits);
  EXPECT_DOUBLE_EQ(zoomed.pixels_per_degree, view.pixels_per_degree * 2);
  expect_near(to_screen(zoomed, kRect, under), finger);
  const MapView back = zoom_about(zoomed, kRect, finger, 0.5, limits);
  EXPECT_DOUBLE_EQ(back.pixels_per_degree, view.pixels_per_degree);
  expect_near(to_screen(back, kRect, under), finger);
}

TEST(MapView, ZoomStopsAtTheLimits) {
  const auto limits = limits_for(kCounty, kRect);
  MapView view = fit_view(kCounty, kRect);
  EXPECT_DOUBLE_EQ(zoom_about(view, kRect, kRect.centre(), 0.5, limits).pixels_per_degree,
                   limits.min_pixels_per_degree)
      << "never further out than the whole area";
  for (int i = 0; i < 10; ++i) view = zoom_about(view, kRect, kRect.centre(), 2, limits);
  EXPECT_DOUBLE_EQ(view.pixels_per_degree, limits.max_pixels_per_degree);
  EXPECT_DOUBLE_EQ(limits.max_pixels_per_degree, limits.min_pixels_per_degree * kMaxZoomIn);
}

TEST(MapView, PanFollowsTheFingerAndStopsAtTheEdge) {
  const auto limits = limits_for(kCounty, kRect);
  const MapView view = zoom_about(fit_view(kCounty, kRect), kRect, kRect.centre(), 4, limits);
  const LonLat place{-1.62, 51.08};
  const ScreenPoint before = to_screen(view, kRect, place);
  const MapView moved = pan_by(view, {30, -20}, limits);
  expect_near(to_screen(moved, kRect, place), {before.x + 30, before.y - 20});

  // Dragged far to the right: the view's centre stops at the western edge.
  const MapView far = pan_by(view, {1e6, 0}, limits);
  EXPECT_DOUBLE_EQ(far.centre.lon, kCounty.west);
  const MapView clamped = clamp_view(MapView{{5.0, 60.0}, 1e9, view.cos_latitude}, limits);
  EXPECT_DOUBLE_EQ(clamped.centre.lon, kCounty.east);
  EXPECT_DOUBLE_EQ(clamped.centre.lat, kCounty.north);
  EXPECT_DOUBLE_EQ(clamped.pixels_per_degree, limits.max_pixels_per_degree);
}

TEST(MapView, PinchZoomsByTheSpreadAndFollowsTheMidpoint) {
  const auto limits = limits_for(kCounty, kRect);
  const MapView view = fit_view(kCounty, kRect);
  const ScreenPoint a0{500, 500}, b0{600, 500};
  const LonLat between = to_lon_lat(view, kRect, {550, 500});
  // Fingers spread to twice the distance and move 10 px down together.
  const MapView pinched = pinch(view, kRect, a0, b0, {460, 510}, {660, 510}, limits);
  EXPECT_DOUBLE_EQ(pinched.pixels_per_degree, view.pixels_per_degree * 2);
  expect_near(to_screen(pinched, kRect, between), {560, 510});
  // Fingers on top of each other give no scale: the map only moves.
  EXPECT_DOUBLE_EQ(pinch(view, kRect, a0, a0, a0, a0, limits).pixels_per_degree, view.pixels_per_degree);
}

TEST(MapView, CentreOnShowsThePlaceAtTheMiddle) {
  const auto limits = limits_for(kCounty, kRect);
  const MapView view = centre_on(fit_view(kCounty, kRect), {-1.82, 51.20}, limits.min_pixels_per_degree * 6, limits);
  expect_near(to_screen(view, kRect, {-1.82, 51.20}), kRect.centre());
  EXPECT_DOUBLE_EQ(view.pixels_per_degree, limits.min_pixels_per_degree * 6);
}
