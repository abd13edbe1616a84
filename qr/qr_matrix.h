#pragma once
// A QR symbol from libqrencode, for everything that shows a tracking address
// as a code: the kiosk's confirmation page draws it with ImGui
// (kiosk/qr_code.h), the printed receipt with cairo (receipt/). The symbol is
// made here once so both scan alike; how it is drawn stays with each.
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace oneservice::qr {

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
inline constexpr int kQuietZone = 4;

// text as a QR symbol in 8-bit (byte) mode with error correction M, in the
// smallest version that holds it. nullopt when text is empty or too long for
// any version (more than 2331 bytes at M).
std::optional<QrMatrix> make_qr(std::string_view text);

}  // namespace oneservice::qr
