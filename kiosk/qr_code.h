#pragma once
// A QR code on the confirmation page that opens the council's tracking page
// for the request, so a resident can keep it on their phone instead of
// copying the reference by hand. libqrencode makes the symbol; drawing it
// with ImGui is ours.
#include <optional>
#include <string>
#include <vector>

#include "kiosk/widgets.h"

namespace oneservice::kiosk {

// One QR symbol: size x size modules, row by row, true for dark.
struct QrMatrix {
  int size = 0;
  std::vector<bool> dark;

  // Throws std::out_of_range outside the symbol.
  bool at(int x, int y) const {
    return dark.at(static_cast<std::size_t>(y) * static_cast<std::size_t>(size) + static_cast<std::size_t>(x));
  }
};

// The light margin, in modules, that readers need around a symbol (ISO/IEC
// 18004 asks for 4); a screen edge or a dark panel too near stops a scan.
inline constexpr int kQrQuietZone = 4;

// text as a QR symbol in 8-bit (byte) mode with error correction M, in the
// smallest version that holds it. nullopt when text is empty or too long for
// any version (more than 2331 bytes at M).
std::optional<QrMatrix> make_qr(const std::string& text);

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
