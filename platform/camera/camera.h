#pragma once
// The tablet's camera through GStreamer: a live preview for the photo
// screen and full-size stills as JPEG. One pipeline,
//   SOURCE ! tee ! queue ! videoscale ! videoconvert ! RGBA,width=W ! appsink (preview)
//              tee ! queue ! (an 8-bit raw format, full size) ! appsink (still)
// where both sinks keep only their latest buffer (max-buffers=1 drop=true),
// so a slow UI never makes a queue grow. A still is the latest full-size
// frame, encoded by libjpeg-turbo only when the shutter is pressed (no
// encoder or converter runs on every full-size frame).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "platform/camera/camera_problem.h"

namespace oneservice::camera {

struct Frame {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgba;  // width * height * 4, rows top to bottom
  std::uint64_t sequence = 0;      // 0: no frame yet
};

class Camera {
 public:
  // source: a GStreamer source element with its properties ("v4l2src
  // device=/dev/video0", "videotestsrc is-live=true pattern=ball"). Waits
  // (a few seconds at most) for the first frame, so a camera that opens but
  // sends nothing is a problem here, not a blank preview. Null and the
  // problem's kind on failure; never throws for a missing or broken camera.
  static std::unique_ptr<Camera> open(const std::string& source, int preview_width, CameraProblem& problem);

  Camera(const Camera&) = delete;
  Camera& operator=(const Camera&) = delete;
  ~Camera();

  // Copies the latest preview frame into `into` and returns true when it is
  // newer than into.sequence; false (into untouched) otherwise.
  bool latest_preview(Frame& into) const;

  // A still at the camera's full size as JPEG bytes; nullopt when no frame
  // came in time (problem() then says why).
  std::optional<std::string> capture_jpeg();

  // None while the camera works; what went wrong once it stopped (unplugged,
  // taken by another program). Cheap: the UI may ask every frame.
  CameraProblem problem() const;

  struct Pipeline;  // GStreamer's objects (camera.cpp)

 private:
  explicit Camera(std::unique_ptr<Pipeline> pipeline);
  std::unique_ptr<Pipeline> pipeline_;
};

}  // namespace oneservice::camera
