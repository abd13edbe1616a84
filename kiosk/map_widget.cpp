// The map widget. Input follows touch habits: a press that barely moves is a
// tap (older hands wobble, hence a generous slop), anything more is a drag;
// two fingers pinch. Drawing is plain ImDrawList work clipped to the map's
// rect. ImGui 1.86 fills only convex polygons, and parishes are not convex,
// so the highlighted area is filled by scanlines (even-odd, holes included).
#include "kiosk/map_widget.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include "kiosk/drag_scroll.h"
#include "kiosk/location_description.h"
#include "kiosk/theme.h"

namespace oneservice::kiosk::ui {
namespace {

constexpr float kTapSlop = 16;          // px a finger may wander and still tap
constexpr double kButtonZoom = 2;       // each Zoom in / Zoom out
constexpr double kShowZoom = 6;         // a search result: times the whole-area scale
constexpr float kParishLine = 2, kDistrictLine = 5, kHighlightLine = 7, kRoadLine = 6;
constexpr float kPinHeight = 34, kPinHead = 17, kLandmarkDot = 11;

ImVec2 to_imvec(ScreenPoint point) { return ImVec2(static_cast<float>(point.x), static_cast<float>(point.y)); }
ScreenPoint to_point(ImVec2 point) { return {point.x, point.y}; }

std::vector<ImVec2> project(const std::vector<LonLat>& line, const MapView& view, const ScreenRect& rect) {
  std::vector<ImVec2> out;
  out.reserve(line.size());
  for (const auto& point : line) out.push_back(to_imvec(to_screen(view, rect, point)));
  return out;
}

// Where a road's name goes: the middle of the segment nearest the map's
// centre, so a road crossing the view is named wherever it is zoomed.
std::optional<ImVec2> road_label_point(const MapRoad& road, const MapView& view, const ScreenRect& rect) {
  std::optional<ImVec2> best;
  double best_distance = 0;
  const ScreenPoint centre = rect.centre();
  for (const auto& line : road.lines)
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
      const ScreenPoint a = to_screen(view, rect, line[i]), b = to_screen(view, rect, line[i + 1]);
      const ScreenPoint middle{(a.x + b.x) / 2, (a.y + b.y) / 2};
      const double distance = std::hypot(middle.x - centre.x, middle.y - centre.y);
      if (rect.contains(middle) && (!best || distance < best_distance)) {
        best = to_imvec(middle);
        best_distance = distance;
      }
    }
  return best;
}

void outline(ImDrawList* draw, const MapArea& area, const MapView& view, const ScreenRect& rect, ImU32 colour,
             float thickness) {
  for (const auto& ring : area.rings) {
    auto points = project(ring, view, rect);
    if (points.size() > 1) points.pop_back();  // the closing position: the Closed flag joins it
    draw->AddPolyline(points.data(), static_cast<int>(points.size()), colour, ImDrawFlags_Closed, thickness);
  }
}

// Fills every row of pixels inside the area's rings (even-odd rule).
void fill(ImDrawList* draw, const MapArea& area, const MapView& view, const ScreenRect& rect, ImU32 colour) {
  std::vector<std::vector<ImVec2>> rings;
  for (const auto& ring : area.rings) rings.push_back(project(ring, view, rect));
  std::vector<float> crossings;
  const float left = static_cast<float>(rect.x), right = static_cast<float>(rect.x + rect.width);
  for (float y = static_cast<float>(rect.y) + 0.5f; y < rect.y + rect.height; y += 1) {
    crossings.clear();
    for (const auto& ring : rings)
      for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        const ImVec2 a = ring[i], b = ring[i + 1];
        if ((a.y <= y) == (b.y <= y)) continue;  // the edge does not cross this row
        crossings.push_back(a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x));
      }
    std::sort(crossings.begin(), crossings.end());
    for (std::size_t i = 0; i + 1 < crossings.size(); i += 2) {
      const float from = std::max(crossings[i], left), to = std::min(crossings[i + 1], right);
      if (from < to) draw->AddRectFilled(ImVec2(from, y - 0.5f), ImVec2(to, y + 0.5f), colour);
    }
  }
}

// Names on boxes of the page's background, each put only where no earlier one is: callers go
// from the most to the least useful, and a crowded map (the whole county)
// shows the big names and leaves the rest for when it is zoomed in.
class Labels {
 public:
  explicit Labels(ImDrawList* draw) : draw_(draw) {}

  // Keeps names off a mark (the pin's head).
  void reserve(ImVec2 min, ImVec2 max) { taken_.push_back({min, max}); }

  // Centred on at, or beside it (a landmark's dot). False when there is no
  // room there.
  bool add(ImVec2 at, const std::string& text, bool centred) {
    if (text.empty()) return true;
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const ImVec2 min = centred ? ImVec2(at.x - size.x / 2, at.y - size.y / 2) : ImVec2(at.x + kLandmarkDot + 8, at.y - size.y / 2);
    const Box box{ImVec2(min.x - 6, min.y - 2), ImVec2(min.x + size.x + 6, min.y + size.y + 2)};
    for (const auto& other : taken_)
      if (box.min.x < other.max.x && other.min.x < box.max.x && box.min.y < other.max.y && other.min.y < box.max.y)
        return false;
    taken_.push_back(box);
    draw_->AddRectFilled(box.min, box.max, theme::map_label_box(), 4);
    draw_->AddText(min, theme::palette().text, text.c_str());
    return true;
  }

 private:
  struct Box {
    ImVec2 min, max;
  };
  ImDrawList* draw_;
  std::vector<Box> taken_;
};

void draw_pin(ImDrawList* draw, ImVec2 tip) {
  // A marker whose point is the place: a round head on a short stem.
  const ImVec2 head(tip.x, tip.y - kPinHeight);
  draw->AddTriangleFilled(ImVec2(tip.x - 10, head.y + 8), ImVec2(tip.x + 10, head.y + 8), tip, theme::palette().text);
  draw->AddCircleFilled(head, kPinHead, theme::palette().text);
  draw->AddCircleFilled(head, 14, theme::kMapPin);
  draw->AddCircleFilled(head, 6, theme::palette().background);
}

void draw_map(ImDrawList* draw, const MapInput& input, const MapView& view, const ScreenRect& rect,
              const std::optional<LonLat>& pin) {
  const MapData& map = input.map;
  const MapArea* highlighted = input.highlight_id.empty() ? nullptr : map.find_area(input.highlight_id);
  draw->AddRectFilled(ImVec2(static_cast<float>(rect.x), static_cast<float>(rect.y)),
                      ImVec2(static_cast<float>(rect.x + rect.width), static_cast<float>(rect.y + rect.height)),
                      theme::kMapLand);
  if (highlighted) fill(draw, *highlighted, view, rect, theme::kMapHighlight);
  for (const auto& area : map.areas)
    if (area.kind == "parish") outline(draw, area, view, rect, theme::kMapParishLine, kParishLine);
  for (const auto& area : map.areas)
    if (area.kind != "parish") outline(draw, area, view, rect, theme::kMapDistrictLine, kDistrictLine);
  for (const auto& road : map.roads)
    for (const auto& line : road.lines) {
      const auto points = project(line, view, rect);
      draw->AddPolyline(points.data(), static_cast<int>(points.size()), theme::kMapRoad, ImDrawFlags_None, kRoadLine);
    }
  if (highlighted) outline(draw, *highlighted, view, rect, theme::kMapDistrictLine, kHighlightLine);
  for (const auto& landmark : map.landmarks) {
    const ImVec2 at = to_imvec(to_screen(view, rect, landmark.point));
    draw->AddCircleFilled(at, kLandmarkDot, theme::palette().background);
    draw->AddCircleFilled(at, 8, theme::kMapLandmark);
  }
  // Names last, so no line crosses them, most useful first: the pin's area,
  // districts, parishes (short names: the body's full name is beside the
  // map), landmarks, roads.
  Labels labels(draw);
  for (const auto& landmark : map.landmarks) {
    const ImVec2 at = to_imvec(to_screen(view, rect, landmark.point));
    labels.reserve(ImVec2(at.x - kLandmarkDot, at.y - kLandmarkDot), ImVec2(at.x + kLandmarkDot, at.y + kLandmarkDot));
  }
  const ImVec2 tip = pin ? to_imvec(to_screen(view, rect, *pin)) : ImVec2();
  if (pin) labels.reserve(ImVec2(tip.x - kPinHead, tip.y - kPinHeight - kPinHead), ImVec2(tip.x + kPinHead, tip.y));
  // An area's name at its centroid, else just below or above it.
  const auto area_name = [&](const MapArea& area) {
    const ImVec2 at = to_imvec(to_screen(view, rect, area_centroid(area)));
    const float line = ImGui::GetFontSize() + 8;
    for (const float shift : {0.0f, line, -line})
      if (labels.add(ImVec2(at.x, at.y + shift), area_label(area.name), true)) return true;
    return false;
  };
  // The pin's area is named under the pin when the pin covers its middle.
  if (highlighted && !area_name(*highlighted) && pin)
    labels.add(ImVec2(tip.x, tip.y + ImGui::GetFontSize()), area_label(highlighted->name), true);
  for (const char* kind : {"district", "parish"})
    for (const auto& area : map.areas)
      if (area.kind == kind && &area != highlighted) area_name(area);
  for (const auto& landmark : map.landmarks)
    labels.add(to_imvec(to_screen(view, rect, landmark.point)), landmark.name, false);
  for (const auto& road : map.roads)
    if (const auto at = road_label_point(road, view, rect)) labels.add(*at, road.name, true);
  if (pin) draw_pin(draw, to_imvec(to_screen(view, rect, *pin)));
  draw->AddRect(ImVec2(static_cast<float>(rect.x), static_cast<float>(rect.y)),
                ImVec2(static_cast<float>(rect.x + rect.width), static_cast<float>(rect.y + rect.height)),
                theme::palette().border, 0, 0, 3);
}

// Two fingers on the map: zoom by their spread, pan by their midpoint.
// Their last positions live in ImGui's state storage, keyed by the widget.
// Returns true while two fingers are down.
bool follow_pinch(const platform::TouchPoints* touches, const ScreenRect& rect, const MapLimits& limits,
                  MapView& view) {
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID active = ImGui::GetID("pinch"), first = ImGui::GetID("pinch first"),
                second = ImGui::GetID("pinch second");
  const std::array<ImGuiID, 4> last = {ImGui::GetID("ax"), ImGui::GetID("ay"), ImGui::GetID("bx"), ImGui::GetID("by")};
  if (!touches || touches->fingers.size() < 2) {
    storage->SetBool(active, false);
    return false;
  }
  const auto& a = touches->fingers[0];
  const auto& b = touches->fingers[1];
  const ScreenPoint a1{a.x, a.y}, b1{b.x, b.y};
  const bool same_fingers = storage->GetBool(active) && storage->GetInt(first) == static_cast<int>(a.id) &&
                            storage->GetInt(second) == static_cast<int>(b.id);
  if (same_fingers) {
    const ScreenPoint a0{storage->GetFloat(last[0]), storage->GetFloat(last[1])};
    const ScreenPoint b0{storage->GetFloat(last[2]), storage->GetFloat(last[3])};
    view = pinch(view, rect, a0, b0, a1, b1, limits);
  } else if (!rect.contains({(a1.x + b1.x) / 2, (a1.y + b1.y) / 2})) {
    return false;  // a pinch elsewhere on the screen is not the map's
  }
  storage->SetBool(active, true);
  storage->SetInt(first, static_cast<int>(a.id));
  storage->SetInt(second, static_cast<int>(b.id));
  storage->SetFloat(last[0], a.x);
  storage->SetFloat(last[1], a.y);
  storage->SetFloat(last[2], b.x);
  storage->SetFloat(last[3], b.y);
  return true;
}

}  // namespace

bool map(Context& ui, const MapInput& input, MapView& view, std::optional<LonLat>& pin) {
  IdScope id("map");
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 size(ImGui::GetContentRegionAvail().x, input.height);
  const bool released = ImGui::InvisibleButton("##map", size);
  claim_drag(ui);  // a finger on the map pans the map, not the page
  ui.probe.items.push_back({"map", origin.x, origin.y, size.x, size.y});
  const ScreenRect rect{origin.x, origin.y, size.x, size.y};
  const MapLimits limits = limits_for(input.map.bounds, rect);
  if (!view.fitted()) view = fit_view(input.map.bounds, rect);
  if (input.show) view = centre_on(view, *input.show, limits.min_pixels_per_degree * kShowZoom, limits);

  // A press that turned into a drag, or had a second finger, is no tap.
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID dragging_key = ImGui::GetID("dragging"), gesture_key = ImGui::GetID("two fingers");
  if (ImGui::IsItemActivated()) {
    storage->SetBool(dragging_key, false);
    storage->SetBool(gesture_key, false);
  }
  const ImGuiIO& io = ImGui::GetIO();
  if (follow_pinch(input.touches, rect, limits, view)) {
    storage->SetBool(gesture_key, true);
  } else if (ImGui::IsItemActive()) {
    const ImVec2 total = ImGui::GetMouseDragDelta(0, 0.0f);
    if (storage->GetBool(dragging_key)) {
      view = pan_by(view, to_point(io.MouseDelta), limits);
    } else if (total.x * total.x + total.y * total.y > kTapSlop * kTapSlop) {
      storage->SetBool(dragging_key, true);
      view = pan_by(view, to_point(total), limits);
    }
  }
  bool placed = false;
  if (released && !storage->GetBool(dragging_key) && !storage->GetBool(gesture_key)) {
    pin = to_lon_lat(view, rect, to_point(io.MouseClickedPos[0]));
    placed = true;
  }
  {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ClipScope clip(draw, origin, ImVec2(origin.x + size.x, origin.y + size.y));
    draw_map(draw, input, view, rect, pin);
  }

  if (secondary_button(ui, ui.tr("Zoom in"), "Zoom in")) view = zoom_about(view, rect, rect.centre(), kButtonZoom, limits);
  ImGui::SameLine();
  if (secondary_button(ui, ui.tr("Zoom out"), "Zoom out")) view = zoom_about(view, rect, rect.centre(), 1 / kButtonZoom, limits);
  return placed;
}

}  // namespace oneservice::kiosk::ui
