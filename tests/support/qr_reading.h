#pragma once
// QR codes read back with zbar, as a phone would, so tests check that what
// the kiosk draws and the receipt prints scans to the right address rather
// than how it is drawn. Needs nothing but zbar (libzbar-dev).
#include <string>
#include <vector>

namespace oneservice::test_support {

// The data of every QR code in an 8-bit grey image, byte for byte.
std::vector<std::string> qr_codes_in(const std::vector<unsigned char>& pixels, int width, int height);

}  // namespace oneservice::test_support
