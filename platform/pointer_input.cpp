#include "platform/pointer_input.h"

#include <SDL.h>
#include <imgui.h>

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
  io.MousePos = inside_ || down_ ? ImVec2(x_, y_) : ImVec2(-FLT_MAX, -FLT_MAX);
  io.MouseDown[0] = down_;
}

}  // namespace oneservice::platform
