#pragma once
// Reads QR codes back with zbar, as a phone would, so tests check that what
// the kiosk draws scans to the right address rather than how it is drawn.
#include <string>
#include <vector>

#include "kiosk/qr_code.h"

namespace oneservice::kiosk::testing {

// The data of every QR code found in an 8-bit grey image (0 black, 255
// white), byte for byte.
std::vector<std::string> scan_grey(const std::vector<unsigned char>& pixels, int width, int height);

// The symbol as a grey image, scale pixels per module, quiet zone included.
std::vector<unsigned char> render_grey(const QrMatrix& matrix, int scale, int* side);

}  // namespace oneservice::kiosk::testing
