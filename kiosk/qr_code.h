#pragma once
// A QR code on the confirmation page that opens the council's tracking page
// for the request, so a resident can keep it on their phone instead of
// copying the reference by hand. qr/ makes the symbol; drawing it with
// ImGui is here.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/widgets.h"
#include "qr/qr_matrix.h"

namespace oneservice::kiosk {

// The symbol itself is made in qr/ (the printed receipt makes the same one).
using qr::QrMatrix;
using qr::make_qr;
inline constexpr int kQrQuietZone = qr::kQuietZone;

// url_template with every "{reference}" replaced by the reference,
// percent-encoded as RFC 3986 asks: unreserved characters (letters, digits,
// - . _ ~) kept, every other byte as %XX.
std::string tracking_url(const std::string& url_template, const std::string& reference);

}  // namespace oneservice::kiosk

namespace oneservice::kiosk::ui {

// Draws the symbol at the cursor: dark modules on a white square that
// includes the quiet zone, module_px pixels per module (rounded down to whole
// pixels, at least 1). Recorded in the probe as an item named probe_label.
void qr_code(Context& ui, const QrMatrix& m, float module_px, const std::string& probe_label);

}  // namespace oneservice::kiosk::ui
