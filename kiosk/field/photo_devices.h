#pragma once
// The photos page's devices: the camera (platform/camera) with its live
// preview as a texture of the window's renderer, stills and imported files
// made ready to leave the tablet by imaging/ (upright, at most 2048 px, no
// metadata), and thumbnails of the report's photos. The screens reach it
// through the desk; nothing here knows about the report.
#include <imgui.h>

#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "kiosk/report_photo.h"
#include "platform/image.h"

struct SDL_Renderer;

namespace oneservice::camera {
class Camera;
}

namespace oneservice::kiosk::field {

// What can go wrong, as kinds the screens word.
enum class PhotoTrouble {
  NoCamera,
  CameraBusy,
  NotAllowed,
  CameraBroken,
  NoPicture,
  CaptureFailed,
  NotAPhoto,
  TooLarge,
  Damaged,
  Unreadable
};

struct Shown {
  ImTextureID texture = nullptr;
  int width = 0, height = 0;
};

enum class CameraState { Off, Opening, Live, Failed };
struct CameraView {
  CameraState state = CameraState::Off;
  std::optional<PhotoTrouble> trouble;  // Failed: why
  Shown preview;                        // Live: the latest frame
};

class PhotoDevices {
 public:
  // camera_source: a GStreamer source ("v4l2src", "videotestsrc is-live=true");
  // empty: no camera. photo_folder: where "Import" looks; empty: no import.
  PhotoDevices(SDL_Renderer* renderer, std::string camera_source, std::string photo_folder);
  ~PhotoDevices();
  PhotoDevices(const PhotoDevices&) = delete;
  PhotoDevices& operator=(const PhotoDevices&) = delete;

  bool has_camera() const { return !camera_source_.empty(); }
  bool has_folder() const { return !photo_folder_.empty(); }

  // Opening waits for the first frame (seconds at most), off the frame loop.
  void start_camera();
  void stop_camera();
  CameraView camera();
  std::variant<ReportPhoto, PhotoTrouble> take_photo();

  // The folder's JPEGs (full paths, sorted), and one of them made ready.
  std::vector<std::string> importable() const;
  std::variant<ReportPhoto, PhotoTrouble> import(const std::string& path);

  // A small picture of the photo, made once and kept until forget().
  Shown thumbnail(const ReportPhoto& photo);
  // Closes the camera and lets every texture go (an officer's photos leave
  // the screen's memory with them).
  void forget();

 private:
  SDL_Renderer* renderer_;
  std::string camera_source_, photo_folder_;
  std::unique_ptr<camera::Camera> camera_;
  std::future<std::pair<std::unique_ptr<camera::Camera>, int>> opening_;
  std::optional<PhotoTrouble> camera_trouble_;
  platform::Texture preview_;
  int preview_width_ = 0, preview_height_ = 0;
  std::uint64_t preview_sequence_ = 0;
  std::map<std::string, std::pair<platform::Texture, Shown>> thumbnails_;
};

}  // namespace oneservice::kiosk::field
