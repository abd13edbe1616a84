#include "qr/qr_matrix.h"

#include <qrencode.h>

#include <memory>

namespace oneservice::qr {

std::optional<QrMatrix> make_qr(std::string_view text) {
  if (text.empty()) return std::nullopt;  // libqrencode refuses it too, with EINVAL
  // Byte mode for the whole text: it holds every byte as it is (lower case,
  // UTF-8, any punctuation), and splitting an address into segments of
  // other modes would save a few modules at most.
  const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeData(static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0,
                        QR_ECLEVEL_M),
      &QRcode_free);
  if (!code) return std::nullopt;  // ERANGE: longer than version 40 holds
  QrMatrix matrix;
  matrix.size = code->width;
  const auto modules = static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width);
  matrix.dark.resize(modules);
  // Bit 0 of each byte is the module's colour; the other bits say which
  // part of the symbol it belongs to.
  for (std::size_t i = 0; i < modules; ++i) matrix.dark[i] = (code->data[i] & 1) != 0;
  return matrix;
}

}  // namespace oneservice::qr
