#include "kiosk/field/photo_devices.h"

#include <SDL.h>

#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>

#include "imaging/jpeg_codec.h"
#include "imaging/prepare_photo.h"
#include "platform/camera/camera.h"

namespace oneservice::kiosk::field {
namespace {

constexpr int kPreviewWidth = 640;
constexpr int kThumbnailEdge = 240;
// The largest file "Import" reads: beyond this it is no phone photo.
constexpr std::size_t kMaxImportBytes = 40u * 1024u * 1024u;

PhotoTrouble trouble_of(camera::CameraProblem problem) {
  switch (problem) {
    case camera::CameraProblem::NoCamera:
      return PhotoTrouble::NoCamera;
    case camera::CameraProblem::CameraBusy:
      return PhotoTrouble::CameraBusy;
    case camera::CameraProblem::NotAllowed:
      return PhotoTrouble::NotAllowed;
    case camera::CameraProblem::NoPicture:
      return PhotoTrouble::NoPicture;
    case camera::CameraProblem::CaptureFailed:
      return PhotoTrouble::CaptureFailed;
    case camera::CameraProblem::None:
    case camera::CameraProblem::NoGStreamer:
    case camera::CameraProblem::BrokenPipeline:
      return PhotoTrouble::CameraBroken;
  }
  return PhotoTrouble::CameraBroken;
}

std::variant<ReportPhoto, PhotoTrouble> prepared(std::string_view bytes) {
  auto result = imaging::prepare_photo(bytes);
  if (const auto* problem = std::get_if<imaging::PhotoProblem>(&result)) {
    switch (problem->kind) {
      case imaging::PhotoProblemKind::NotAPhoto:
        return PhotoTrouble::NotAPhoto;
      case imaging::PhotoProblemKind::TooLarge:
        return PhotoTrouble::TooLarge;
      case imaging::PhotoProblemKind::Damaged:
        return PhotoTrouble::Damaged;
    }
    return PhotoTrouble::Damaged;
  }
  auto& photo = std::get<imaging::PreparedPhoto>(result);
  ReportPhoto out{std::move(photo.jpeg), photo.width, photo.height, {}, {}};
  if (photo.position) {
    out.lat = photo.position->lat;
    out.lon = photo.position->lon;
  }
  return out;
}

}  // namespace

PhotoDevices::PhotoDevices(SDL_Renderer* renderer, std::string camera_source, std::string photo_folder)
    : renderer_(renderer), camera_source_(std::move(camera_source)), photo_folder_(std::move(photo_folder)) {}

PhotoDevices::~PhotoDevices() { forget(); }

void PhotoDevices::start_camera() {
  if (!has_camera() || camera_ || opening_.valid()) return;
  camera_trouble_.reset();
  opening_ = std::async(std::launch::async, [source = camera_source_] {
    camera::CameraProblem problem = camera::CameraProblem::None;
    auto opened = camera::Camera::open(source, kPreviewWidth, problem);
    return std::make_pair(std::move(opened), static_cast<int>(problem));
  });
}

void PhotoDevices::stop_camera() {
  if (opening_.valid()) opening_.wait();  // an opening camera is closed once it has opened
  opening_ = {};
  camera_.reset();
  camera_trouble_.reset();
  preview_.reset();
  preview_sequence_ = 0;
}

CameraView PhotoDevices::camera() {
  if (opening_.valid()) {
    if (opening_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return {CameraState::Opening, {}, {}};
    auto [opened, problem] = opening_.get();
    camera_ = std::move(opened);
    if (!camera_) camera_trouble_ = trouble_of(static_cast<camera::CameraProblem>(problem));
  }
  if (camera_trouble_) return {CameraState::Failed, camera_trouble_, {}};
  if (!camera_) return {};
  if (const auto problem = camera_->problem(); problem != camera::CameraProblem::None) {
    camera_trouble_ = trouble_of(problem);
    camera_.reset();
    return {CameraState::Failed, camera_trouble_, {}};
  }
  camera::Frame frame;
  frame.sequence = preview_sequence_;
  if (camera_->latest_preview(frame) && frame.width > 0 && frame.height > 0) {
    if (!preview_ || frame.width != preview_width_ || frame.height != preview_height_) {
      preview_.reset(
          SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_STREAMING, frame.width, frame.height));
      preview_width_ = frame.width;
      preview_height_ = frame.height;
    }
    if (preview_) SDL_UpdateTexture(preview_.get(), nullptr, frame.rgba.data(), frame.width * 4);
    preview_sequence_ = frame.sequence;
  }
  if (!preview_) return {CameraState::Opening, {}, {}};
  return {CameraState::Live, {}, {preview_.get(), preview_width_, preview_height_}};
}

std::variant<ReportPhoto, PhotoTrouble> PhotoDevices::take_photo() {
  if (!camera_) return PhotoTrouble::NoCamera;
  const auto still = camera_->capture_jpeg();
  if (!still)
    return trouble_of(camera_->problem() == camera::CameraProblem::None ? camera::CameraProblem::CaptureFailed
                                                                        : camera_->problem());
  return prepared(*still);
}

std::vector<std::string> PhotoDevices::importable() const {
  return has_folder() ? imaging::importable_photos(photo_folder_) : std::vector<std::string>{};
}

std::variant<ReportPhoto, PhotoTrouble> PhotoDevices::import(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return PhotoTrouble::Unreadable;
  std::string bytes;
  bytes.resize(kMaxImportBytes + 1);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (bytes.size() > kMaxImportBytes) return PhotoTrouble::TooLarge;
  return prepared(bytes);
}

Shown PhotoDevices::thumbnail(const ReportPhoto& photo) {
  const std::string key =
      std::to_string(std::hash<std::string>{}(photo.jpeg)) + ":" + std::to_string(photo.jpeg.size());
  if (const auto found = thumbnails_.find(key); found != thumbnails_.end()) return found->second.second;
  auto decoded = imaging::decode_jpeg(photo.jpeg, kThumbnailEdge);
  auto* picture = std::get_if<imaging::Picture>(&decoded);
  if (!picture) return {};
  *picture = imaging::fitted(std::move(*picture), kThumbnailEdge);
  platform::Texture texture(
      SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_RGB24, SDL_TEXTUREACCESS_STATIC, picture->width, picture->height));
  if (!texture) return {};
  SDL_UpdateTexture(texture.get(), nullptr, picture->rgb.data(), picture->width * imaging::kChannels);
  const Shown shown{texture.get(), picture->width, picture->height};
  thumbnails_.emplace(key, std::make_pair(std::move(texture), shown));
  return shown;
}

void PhotoDevices::forget() {
  stop_camera();
  thumbnails_.clear();
}

}  // namespace oneservice::kiosk::field
