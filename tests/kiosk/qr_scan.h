#pragma once
// The kiosk's QR symbols as pictures, to read back with zbar.
#include <string>
#include <vector>

#include "kiosk/qr_code.h"
#include "support/qr_reading.h"

namespace oneservice::kiosk::testing {

// The data of every QR code found in an 8-bit grey image (0 black, 255
// white), byte for byte (tests/support/qr_reading.h).
using test_support::qr_codes_in;

// The symbol as a grey image, scale pixels per module, quiet zone included.
std::vector<unsigned char> render_grey(const QrMatrix& matrix, int scale, int* side);

}  // namespace oneservice::kiosk::testing
