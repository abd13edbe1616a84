#include "support/qr_reading.h"

#include <zbar.h>

#include <memory>

namespace oneservice::test_support {

using namespace zbar;  // compiled as C++, zbar.h puts its C interface in namespace zbar

std::vector<std::string> qr_codes_in(const std::vector<unsigned char>& pixels, int width, int height) {
  const std::unique_ptr<zbar_image_scanner_t, decltype(&zbar_image_scanner_destroy)> scanner(
      zbar_image_scanner_create(), &zbar_image_scanner_destroy);
  zbar_image_scanner_set_config(scanner.get(), ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
  zbar_image_scanner_set_config(scanner.get(), ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
  zbar_image_scanner_set_config(scanner.get(), ZBAR_QRCODE, ZBAR_CFG_BINARY, 1);  // raw bytes, no charset guess
  const std::unique_ptr<zbar_image_t, decltype(&zbar_image_destroy)> image(zbar_image_create(), &zbar_image_destroy);
  zbar_image_set_format(image.get(), zbar_fourcc('Y', '8', '0', '0'));
  zbar_image_set_size(image.get(), static_cast<unsigned>(width), static_cast<unsigned>(height));
  zbar_image_set_data(image.get(), pixels.data(), pixels.size(), nullptr);  // borrowed
  std::vector<std::string> found;
  if (zbar_scan_image(scanner.get(), image.get()) <= 0) return found;
  for (const zbar_symbol_t* symbol = zbar_image_first_symbol(image.get()); symbol; symbol = zbar_symbol_next(symbol))
    found.emplace_back(zbar_symbol_get_data(symbol), zbar_symbol_get_data_length(symbol));
  return found;
}

}  // namespace oneservice::test_support
