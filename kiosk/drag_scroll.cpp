#include "kiosk/drag_scroll.h"

#include <imgui_internal.h>  // windows, ClearActiveID, SetScrollY: there is no public way in 1.86

#include <algorithm>

namespace oneservice::kiosk::ui {
namespace {

// The window a drag at this place scrolls: the one under the finger, or
// the nearest window holding it that has something to scroll.
ImGuiWindow* scrollable_window(ImGuiWindow* window) {
  for (; window; window = (window->Flags & ImGuiWindowFlags_ChildWindow) ? window->ParentWindow : nullptr)
    if (window->ScrollMax.y > 0 && !(window->Flags & ImGuiWindowFlags_NoScrollWithMouse)) return window;
  return nullptr;
}

}  // namespace

bool is_drag(ImVec2 press, ImVec2 finger, float threshold) {
  const float dx = finger.x - press.x, dy = finger.y - press.y;
  return dx * dx + dy * dy > threshold * threshold;
}

float follow_finger(float anchor_scroll, float anchor_y, float finger_y, float scroll_max) {
  return std::clamp(anchor_scroll - (finger_y - anchor_y), 0.0f, std::max(0.0f, scroll_max));
}

void drag_scroll(DragScroll& drag) {
  ImGuiContext& g = *GImGui;
  const ImGuiIO& io = g.IO;
  if (io.MouseClicked[0]) {
    drag = DragScroll{};
    drag.pressed = true;
    drag.press = io.MousePos;
    ImGuiWindow* window = scrollable_window(g.HoveredWindow);
    drag.window = window ? window->ID : 0;
    return;
  }
  if (!drag.pressed) return;
  ImGuiWindow* window = drag.window ? ImGui::FindWindowByID(drag.window) : nullptr;
  // Its scrollbar already scrolls it.
  if (window && g.ActiveId != 0 && g.ActiveId == ImGui::GetWindowScrollbarID(window, ImGuiAxis_Y)) drag.claimed = true;
  if (window && !drag.claimed) {
    if (!drag.dragging && is_drag(drag.press, io.MousePos)) {
      drag.dragging = true;
      drag.anchor_y = io.MousePos.y;
      drag.anchor_scroll = window->Scroll.y;
      // The button under the press is held: let it go without firing.
      if (g.ActiveId != 0) ImGui::ClearActiveID();
    }
    if (drag.dragging)
      ImGui::SetScrollY(window, follow_finger(drag.anchor_scroll, drag.anchor_y, io.MousePos.y, window->ScrollMax.y));
  }
  if (!io.MouseDown[0]) drag = DragScroll{};  // lifted: this frame was its last
}

void claim_drag(Context& ui) {
  if (ui.drag && ImGui::IsItemActive()) ui.drag->claimed = true;
}

}  // namespace oneservice::kiosk::ui
