#pragma once
// A photo made ready to leave the device: decoded, turned upright by its
// EXIF orientation, scaled so its longer side is at most long_edge (never
// up), and re-encoded by libjpeg-turbo with no metadata at all, so the
// camera's serial number, its owner's name and the original GPS tags never
// leave the tablet. The photo's own GPS position is read first and handed
// back, so the officer can choose to use it for the report.
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "imaging/exif_reading.h"
#include "imaging/photo_folder.h"  // importable_photos, for the same callers

namespace oneservice::imaging {

// The longer side of a photo sent with a report: enough to read a sign or
// see a crack, a few hundred kilobytes over a weak signal.
inline constexpr int kPhotoLongEdge = 2048;

struct PreparedPhoto {
  std::string jpeg;
  int width = 0, height = 0;
  std::optional<PhotoPosition> position;  // the original's EXIF GPS, if it had one
};

// The kind is for the field UI to word (English and Welsh); reason is
// English, for logs, and names nothing of the photo's content.
enum class PhotoProblemKind { NotAPhoto, TooLarge, Damaged };
struct PhotoProblem {
  PhotoProblemKind kind = PhotoProblemKind::NotAPhoto;
  std::string reason;
};

std::variant<PreparedPhoto, PhotoProblem> prepare_photo(std::string_view bytes, int long_edge = kPhotoLongEdge);

}  // namespace oneservice::imaging
