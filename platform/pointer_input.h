#pragma once
// Pointer input for ImGui 1.86, fed from SDL events rather than from SDL's
// global mouse state. The 1.86 SDL backend reads SDL_GetMouseState(), which
// ignores events pushed with SDL_PushEvent (so headless tests could not
// click) and returns nothing without window focus (common on kiosk X
// sessions). Tracking positions from the events themselves serves both.
#include <deque>

union SDL_Event;

namespace oneservice::platform {

class PointerInput {
 public:
  // Returns true when the event was a pointer event.
  bool handle(const SDL_Event& event);

  // Applies one button change per frame to ImGui's io (call after the
  // backend's NewFrame). A press and release that arrive together (a quick
  // tap) are spread over two frames, or ImGui would never see the press.
  void apply_to_imgui();

  // More queued changes to apply: the frame loop must draw again.
  bool pending() const { return !changes_.empty(); }

 private:
  struct Change {
    float x, y;
    bool has_button;
    bool down;
  };
  std::deque<Change> changes_;
  float x_ = -1.0f, y_ = -1.0f;
  bool down_ = false;
  bool inside_ = false;
};

}  // namespace oneservice::platform
