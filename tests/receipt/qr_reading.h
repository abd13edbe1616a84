#pragma once
// QR codes read back with zbar, as a phone would. tests/kiosk/qr_scan does
// the same for the kiosk's screen, but its header brings in the kiosk's
// ImGui widgets; this one needs nothing but zbar.
#include <string>
#include <vector>

namespace oneservice::receipt::test {

// The data of every QR code in an 8-bit grey image, byte for byte.
std::vector<std::string> qr_codes_in(const std::vector<unsigned char>& pixels, int width, int height);

}  // namespace oneservice::receipt::test
