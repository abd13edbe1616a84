#pragma once
// Drag to scroll, as on a phone: ImGui 1.86 scrolls only with a wheel or a
// scrollbar, and the maintainer's snippet (ocornut/imgui#3379) only works
// when the drag starts on empty space. Here a press anywhere over a
// scrolling window (the page, a list) that moves past a small threshold
// becomes a drag: the window follows the finger, and the control the press
// began on is cancelled, so lifting the finger does not fire it.
#include <imgui.h>

#include "kiosk/widgets.h"

namespace oneservice::kiosk::ui {

// Further than a finger wobbles in a tap, shorter than a deliberate drag.
inline constexpr float kDragThreshold = 12.0f;

// One press of the finger: plain state, owned by the App.
struct DragScroll {
  bool pressed = false;   // the finger is down
  bool dragging = false;  // it moved past the threshold: the window follows it
  bool claimed = false;   // a widget handles this drag itself (a map that pans)
  ImGuiID window = 0;     // the window to scroll; 0 when there was none under the press
  ImVec2 press{};         // where the finger went down
  float anchor_y = 0;     // where it was when the drag began
  float anchor_scroll = 0;  // and the window's scroll then
};

// Whether the finger has gone far enough from the press to be a drag.
bool is_drag(ImVec2 press, ImVec2 finger, float threshold = kDragThreshold);
// The scroll that keeps the content under the finger, within 0..scroll_max.
float follow_finger(float anchor_scroll, float anchor_y, float finger_y, float scroll_max);

// Call once a frame after NewFrame and before any window is drawn: a drag
// must cancel the control it started on before that control sees the
// finger lift.
void drag_scroll(DragScroll& drag);

// Call right after an item that handles drags itself (a map that pans):
// while that item is held, nothing scrolls under it.
void claim_drag(Context& ui);

}  // namespace oneservice::kiosk::ui
