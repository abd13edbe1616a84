#pragma once
// Hosts Dear ImGui on an SdlWindow: context, backends, fonts, input and the
// frame loop policy. The loop sleeps when nothing changes (kiosks idle for
// hours): it waits for an event, then draws a few frames so ImGui can settle
// hover and click states, then waits again.
#include <functional>
#include <optional>
#include <string>

#include "platform/fonts.h"
#include "platform/pointer_input.h"
#include "platform/sdl_window.h"

struct ImGuiContext;

namespace oneservice::platform {

class ImGuiHost {
 public:
  ImGuiHost(SdlWindow& window, const FontSizes& sizes);
  ~ImGuiHost();
  ImGuiHost(const ImGuiHost&) = delete;
  ImGuiHost& operator=(const ImGuiHost&) = delete;

  const Fonts& fonts() const { return fonts_; }
  // The fingers down now (for gestures ImGui 1.86 cannot see, like a pinch).
  const TouchPoints& touches() const { return pointer_.touches(); }

  // Handles every queued SDL event, waiting up to timeout_ms for the first
  // one when no frame is owed. Returns false when the app was asked to quit.
  bool process_events(int timeout_ms);

  // Whether a frame should be drawn now (input arrived recently, or a change
  // is still queued, or the app asked for frames).
  bool frame_due() const;

  // The app asks for n more frames, e.g. while a countdown shows.
  void request_frames(int n);

  // Fonts baked at this multiple of the base sizes (the resident's text
  // size). A change rebuilds the atlas before the next frame: only the
  // sizes in use are kept, which keeps the kiosk well under its memory cap.
  void use_text_scale(float scale);

  // Draws one frame: build() makes the ImGui calls.
  void frame(const std::function<void()>& build);

  // The next frame is also written to this PNG file.
  void capture_next_frame(const std::string& png_path);
  // Result of the last capture: empty when it worked, else why not.
  const std::string& capture_error() const { return capture_error_; }

 private:
  SdlWindow& window_;
  ImGuiContext* context_ = nullptr;
  Fonts fonts_;
  FontSizes base_sizes_;
  float text_scale_ = 1.0f;
  PointerInput pointer_;
  int frames_owed_ = 3;  // the first frames lay the page out
  std::optional<std::string> capture_path_;
  std::string capture_error_;
};

}  // namespace oneservice::platform
