#pragma once
// Pointer input for ImGui 1.86, fed from SDL events rather than from SDL's
// global mouse state. The 1.86 SDL backend reads SDL_GetMouseState(), which
// ignores events pushed with SDL_PushEvent (so headless tests could not
// click) and returns nothing without window focus (common on kiosk X
// sessions). Tracking positions from the events themselves serves both.
#include <cstdint>
#include <deque>
#include <vector>

union SDL_Event;

namespace oneservice::platform {

// The fingers on a touch screen now, in window pixels, in the order they
// came down. ImGui 1.86 knows one pointer only (SDL turns the first finger
// into the mouse); a pinch on the map needs two.
struct TouchPoint {
  std::int64_t id = 0;
  float x = 0, y = 0;
};

struct TouchPoints {
  std::vector<TouchPoint> fingers;
};

class PointerInput {
 public:
  // Returns true when the event was a pointer event.
  bool handle(const SDL_Event& event);

  // Applies one button change per frame to ImGui's io (call after the
  // backend's NewFrame). A press and release that arrive together (a quick
  // tap) are spread over two frames, or ImGui would never see the press.
  void apply_to_imgui();

  // More queued changes to apply: the frame loop must draw again.
  bool pending() const { return !changes_.empty() || !finger_changes_.empty(); }

  const TouchPoints& touches() const { return touches_; }

 private:
  struct Change {
    float x, y;
    bool has_button;
    bool down;
  };
  // Positions are SDL's, 0..1 across the window.
  struct FingerChange {
    std::int64_t id;
    float x, y;
    enum Kind { Down, Move, Up } kind;
  };
  void apply_finger_changes(float width, float height);

  std::deque<Change> changes_;
  std::deque<FingerChange> finger_changes_;
  TouchPoints touches_;
  float x_ = -1.0f, y_ = -1.0f;
  bool down_ = false;
  bool inside_ = false;
};

}  // namespace oneservice::platform
