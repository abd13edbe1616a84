#include "platform/pointer_input.h"

#include <SDL.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>

namespace oneservice::platform {

bool PointerInput::handle(const SDL_Event& event) {
  switch (event.type) {
    case SDL_MOUSEMOTION:
      changes_.push_back({static_cast<float>(event.motion.x), static_cast<float>(event.motion.y), false, false});
      return true;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
      if (event.button.button != SDL_BUTTON_LEFT) return true;
      changes_.push_back({static_cast<float>(event.button.x), static_cast<float>(event.button.y), true,
                          event.type == SDL_MOUSEBUTTONDOWN});
      return true;
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: {
      const auto kind = event.type == SDL_FINGERDOWN   ? FingerChange::Down
                        : event.type == SDL_FINGERUP   ? FingerChange::Up
                                                       : FingerChange::Move;
      finger_changes_.push_back({static_cast<std::int64_t>(event.tfinger.fingerId), event.tfinger.x,
                                 event.tfinger.y, kind});
      return true;
    }
    case SDL_WINDOWEVENT:
      if (event.window.event == SDL_WINDOWEVENT_LEAVE) inside_ = false;
      if (event.window.event == SDL_WINDOWEVENT_ENTER) inside_ = true;
      return false;
    default:
      return false;
  }
}

void PointerInput::apply_to_imgui() {
  // Apply moves freely, but stop after the first button change so that
  // ImGui sees every press and every release on a frame of its own.
  while (!changes_.empty()) {
    const Change change = changes_.front();
    changes_.pop_front();
    x_ = change.x;
    y_ = change.y;
    inside_ = true;
    if (change.has_button) {
      down_ = change.down;
      break;
    }
  }
  ImGuiIO& io = ImGui::GetIO();
  apply_finger_changes(io.DisplaySize.x, io.DisplaySize.y);
  io.MousePos = inside_ || down_ ? ImVec2(x_, y_) : ImVec2(-FLT_MAX, -FLT_MAX);
  io.MouseDown[0] = down_;
}

void PointerInput::apply_finger_changes(float width, float height) {
  // As with the button: moves together, a finger going down or up on a frame
  // of its own, so a pinch sees the fingers before and after each move.
  while (!finger_changes_.empty()) {
    const FingerChange change = finger_changes_.front();
    finger_changes_.pop_front();
    auto& fingers = touches_.fingers;
    const auto found = std::find_if(fingers.begin(), fingers.end(),
                                    [&](const TouchPoint& finger) { return finger.id == change.id; });
    const TouchPoint point{change.id, change.x * width, change.y * height};
    if (change.kind == FingerChange::Up) {
      if (found != fingers.end()) fingers.erase(found);
      break;
    }
    if (found != fingers.end()) *found = point;
    else fingers.push_back(point);
    if (change.kind == FingerChange::Down) break;
  }
}

}  // namespace oneservice::platform
