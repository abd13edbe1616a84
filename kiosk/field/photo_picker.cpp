// The camera's preview and Take photo, Import from a folder, and the photos
// taken so far as thumbnails with Remove: for a report's photos and for a
// job update's alike.
#include "kiosk/field/photo_picker.h"

#include <filesystem>

#include "kiosk/field/photo_devices.h"

namespace oneservice::kiosk::field {
namespace {

std::string trouble_words(ui::Context& ui, PhotoTrouble trouble) {
  switch (trouble) {
    case PhotoTrouble::NoCamera:
      return ui.tr("This tablet's camera cannot be found. Import a photo instead.");
    case PhotoTrouble::CameraBusy:
      return ui.tr("Another app is using the camera. Close it and try again.");
    case PhotoTrouble::NotAllowed:
      return ui.tr("This app is not allowed to use the camera. Tell your manager.");
    case PhotoTrouble::CameraBroken:
      return ui.tr("The camera is not working. Import a photo instead, or tell your manager.");
    case PhotoTrouble::NoPicture:
      return ui.tr("The camera sent no picture. Check nothing covers it and try again.");
    case PhotoTrouble::CaptureFailed:
      return ui.tr("The photo could not be taken. Try again.");
    case PhotoTrouble::NotAPhoto:
      return ui.tr("That file is not a photo the tablet can read. Choose a JPEG photo.");
    case PhotoTrouble::TooLarge:
      return ui.tr("That photo is too large to use. Choose a smaller one.");
    case PhotoTrouble::Damaged:
      return ui.tr("That photo is damaged and cannot be used. Choose another.");
    case PhotoTrouble::Unreadable:
      return ui.tr("That file could not be read. Choose another.");
  }
  return {};
}

void add(FieldScreen& screen, std::vector<ReportPhoto>& photos, std::variant<ReportPhoto, PhotoTrouble> result) {
  auto& state = screen.state;
  if (const auto* trouble = std::get_if<PhotoTrouble>(&result)) {
    state.photo_trouble = trouble_words(screen.ui, *trouble);
    return;
  }
  state.photo_trouble.clear();
  photos.push_back(std::move(std::get<ReportPhoto>(result)));
}

void draw_thumbnails(FieldScreen& screen, PhotoDevices* devices, std::vector<ReportPhoto>& photos,
                     Location* position_into) {
  auto& ui = screen.ui;
  for (std::size_t i = 0; i < photos.size(); ++i) {
    ui::IdScope id("photo" + std::to_string(i));
    if (i % 4 != 0) ImGui::SameLine(0, 24);
    ui::GroupScope group;
    const Shown shown = devices ? devices->thumbnail(photos[i]) : Shown{};
    if (shown.texture) {
      ImGui::Image(shown.texture, ImVec2(static_cast<float>(shown.width), static_cast<float>(shown.height)));
      ui::record(ui, "thumbnail " + std::to_string(i + 1));
    } else {
      ui::paragraph(ui, format(ui.tr("Photo {number}"), {{"number", std::to_string(i + 1)}}));
    }
    if (position_into && photos[i].lat && photos[i].lon &&
        ui::secondary_button(ui, ui.tr("Use the photo's position"), "Use position " + std::to_string(i + 1))) {
      auto& location = *position_into;
      location.lat = photos[i].lat;
      location.lon = photos[i].lon;
      location.source = LocationSource::Photo;
      location.accuracy_m.reset();
      screen.state.photo_notice = true;
    }
    if (ui::secondary_button(ui, ui.tr("Remove"), "Remove photo " + std::to_string(i + 1))) {
      photos.erase(photos.begin() + static_cast<std::ptrdiff_t>(i));
      break;
    }
  }
}

void draw_camera(FieldScreen& screen, PhotoDevices& devices, std::vector<ReportPhoto>& photos) {
  auto& ui = screen.ui;
  devices.start_camera();
  const CameraView view = devices.camera();
  switch (view.state) {
    case CameraState::Off:
    case CameraState::Opening:
      ui::paragraph(ui, ui.tr("Starting the camera…"));
      return;
    case CameraState::Failed:
      ui::error_message(ui, trouble_words(ui, *view.trouble));
      return;
    case CameraState::Live:
      break;
  }
  const float width = std::min(ImGui::GetContentRegionAvail().x, static_cast<float>(view.preview.width));
  const float height = width * static_cast<float>(view.preview.height) / static_cast<float>(view.preview.width);
  ImGui::Image(view.preview.texture, ImVec2(width, height));
  ui::record(ui, "camera preview");
  if (ui::key_button(ui, ui.tr("Take photo"), "Take photo", ImVec2(std::min(width, 400.0f), 104), true))
    add(screen, photos, devices.take_photo());
}

void draw_import(FieldScreen& screen, PhotoDevices& devices, std::vector<ReportPhoto>& photos) {
  auto& ui = screen.ui;
  if (!screen.state.choosing_import) {
    if (ui::secondary_button(ui, ui.tr("Import from a folder"), "Import from a folder"))
      screen.state.choosing_import = true;
    return;
  }
  const auto files = devices.importable();
  if (files.empty()) ui::paragraph(ui, ui.tr("There are no JPEG photos in the folder."));
  for (const auto& path : files) {
    const std::string name = std::filesystem::path(path).filename().string();
    if (!ui::secondary_button(ui, name, "import:" + name)) continue;
    screen.state.choosing_import = false;
    add(screen, photos, devices.import(path));
    break;
  }
  if (ui::secondary_button(ui, ui.tr("Cancel"), "Cancel import")) screen.state.choosing_import = false;
}

}  // namespace

void draw_photo_picker(FieldScreen& screen, std::vector<ReportPhoto>& photos, Location* position_into) {
  auto& ui = screen.ui;
  PhotoDevices* devices = screen.desk.photos();
  if (!screen.state.photo_trouble.empty()) ui::error_message(ui, screen.state.photo_trouble);
  if (screen.state.photo_notice) ui::paragraph(ui, ui.tr("The report's location is now where the photo was taken."));
  const long count = static_cast<long>(photos.size());
  ui::paragraph(ui, count == 0 ? ui.tr("No photos yet.")
                               : format(ui.trn("{count} photo of at most 5", "{count} photos of at most 5", count),
                                        {{"count", std::to_string(count)}}));
  draw_thumbnails(screen, devices, photos, position_into);
  ImGui::Spacing();
  if (photos.size() >= kMaxPhotos) {
    ui::paragraph(ui, ui.tr("A report can have 5 photos. Remove one to add another."));
  } else if (devices) {
    if (devices->has_camera()) draw_camera(screen, *devices, photos);
    if (devices->has_folder()) draw_import(screen, *devices, photos);
  }
}

}  // namespace oneservice::kiosk::field
