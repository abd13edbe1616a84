#pragma once
// The photo controls a report's Photos page and a job's update share.
#include <vector>

#include "kiosk/field/field_screens.h"

namespace oneservice::kiosk::field {

inline constexpr std::size_t kMaxPhotos = 5;  // central takes five a report or an update

// Adds to `photos`; with `position_into`, a photo that knows where it was
// taken offers "Use the photo's position", which sets that location.
void draw_photo_picker(FieldScreen& screen, std::vector<ReportPhoto>& photos, Location* position_into);

}  // namespace oneservice::kiosk::field
