#pragma once
// A QR symbol of the tracking page's address, from libqrencode, for the
// printed receipt. The kiosk's confirmation page makes the same symbol
// (kiosk/qr_code.h), but that header draws with ImGui, which this library
// must not pull in; the encoding is repeated here until it moves somewhere
// both can reach.
#include <optional>
#include <string_view>
#include <vector>

namespace oneservice::receipt {

// The light margin, in modules, readers need around a symbol (ISO/IEC 18004).
inline constexpr int kQrQuietZone = 4;

// size x size modules, row by row, true for dark.
struct QrSymbol {
  int size = 0;
  std::vector<bool> dark;
  bool at(int x, int y) const {
    return dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) + static_cast<std::size_t>(x)];
  }
};

// text in 8-bit mode at error correction M, in the smallest version that
// holds it; nullopt when text is empty or longer than any version holds.
std::optional<QrSymbol> qr_symbol(std::string_view text);

}  // namespace oneservice::receipt
