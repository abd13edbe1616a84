#include "qr_scan.h"

namespace oneservice::kiosk::testing {

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
