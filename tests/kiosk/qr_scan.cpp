#include "qr_scan.h"

#include <zbar.h>

#include <memory>

namespace oneservice::kiosk::testing {

// Compiled as C++, zbar.h declares its C interface inside namespace zbar.
using namespace zbar;

std::vector<std::string> scan_grey(const std::vector<unsigned char>& pixels, int width, int height) {
  const std::unique_ptr<zbar_image_scanner_t, decltype(&zbar_image_scanner_destroy)> scanner(
      zbar_image_scanner_create(), &zbar_image_scanner_destroy);
  zbar_image_scanner_set_config(scanner.get(), ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
  zbar_image_scanner_set_config(scanner.get(), ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
  // Raw bytes: without it zbar guesses a character set and converts.
  zbar_image_scanner_set_config(scanner.get(), ZBAR_QRCODE, ZBAR_CFG_BINARY, 1);
  const std::unique_ptr<zbar_image_t, decltype(&zbar_image_destroy)> image(zbar_image_create(),
                                                                            &zbar_image_destroy);
  zbar_image_set_format(image.get(), zbar_fourcc('Y', '8', '0', '0'));
  zbar_image_set_size(image.get(), static_cast<unsigned>(width), static_cast<unsigned>(height));
  zbar_image_set_data(image.get(), pixels.data(), pixels.size(), nullptr);  // borrowed, not freed
  std::vector<std::string> found;
  if (zbar_scan_image(scanner.get(), image.get()) <= 0) return found;
  for (const zbar_symbol_t* symbol = zbar_image_first_symbol(image.get()); symbol; symbol = zbar_symbol_next(symbol))
    found.emplace_back(zbar_symbol_get_data(symbol), zbar_symbol_get_data_length(symbol));
  return found;
}

std::vector<unsigned char> render_grey(const QrMatrix& matrix, int scale, int* side) {
  *side = (matrix.size + 2 * kQrQuietZone) * scale;
  const auto width = static_cast<std::size_t>(*side);
  std::vector<unsigned char> pixels(width * width, 255);
  for (int y = 0; y < *side; ++y)
    for (int x = 0; x < *side; ++x) {
      const int module_x = x / scale - kQrQuietZone;
      const int module_y = y / scale - kQrQuietZone;
      const bool inside = module_x >= 0 && module_y >= 0 && module_x < matrix.size && module_y < matrix.size;
      if (inside && matrix.at(module_x, module_y))
        pixels[static_cast<std::size_t>(y) * width + static_cast<std::size_t>(x)] = 0;
    }
  return pixels;
}

}  // namespace oneservice::kiosk::testing
