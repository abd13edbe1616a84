#pragma once
// Opens what the kiosk needs before the first frame: the data folder, the
// outbox and the catalogue. Each failure becomes one message for the
// out-of-order screen and stderr; the kiosk never crashes over them.
#include <memory>
#include <optional>
#include <string>

#include "kiosk/options.h"
#include "kiosk/place_data.h"
#include "shared/catalogue.h"
#include "sync/catalogue_cache.h"
#include "sync/outbox.h"

namespace oneservice::kiosk {

struct KioskServices {
  std::optional<sync::Outbox> outbox;
  std::optional<Catalogue> catalogue;
  std::string problem;  // empty when all opened
  // The map and routing data; its own problem does not stop the kiosk.
  PlaceData places;
};

KioskServices open_services(const KioskOptions& options);

}  // namespace oneservice::kiosk
