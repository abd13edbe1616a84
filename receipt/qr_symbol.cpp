#include "receipt/qr_symbol.h"

#include <qrencode.h>

#include <memory>

namespace oneservice::receipt {

std::optional<QrSymbol> qr_symbol(std::string_view text) {
  if (text.empty()) return std::nullopt;
  // Byte mode for the whole address: it holds any byte as it is.
  const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeData(static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0,
                        QR_ECLEVEL_M),
      &QRcode_free);
  if (!code) return std::nullopt;  // longer than version 40 holds
  QrSymbol symbol;
  symbol.size = code->width;
  const auto modules = static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width);
  symbol.dark.resize(modules);
  for (std::size_t i = 0; i < modules; ++i) symbol.dark[i] = (code->data[i] & 1) != 0;  // bit 0: dark
  return symbol;
}

}  // namespace oneservice::receipt
