// The confirmation page's QR code as the kiosk draws it, read back from the
// screen with zbar (SDL's dummy driver and software renderer).
#include <SDL.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <vector>

#include "kiosk/qr_code.h"
#include "platform/imgui_host.h"
#include "platform/sdl_window.h"
#include "qr_scan.h"

namespace oneservice::kiosk {
namespace {

using testing::qr_codes_in;

// The symbol as the kiosk draws it, on SDL's software renderer, read from
// the screen: whole-pixel modules and the white quiet zone are what let it scan.
TEST(QrCodeWidget, DrawsASymbolThatScansFromTheScreen) {
  setenv("SDL_VIDEODRIVER", "dummy", 1);
  platform::WindowOptions options;
  options.fullscreen = false;
  options.width = 640;
  options.height = 480;
  options.software_renderer = true;
  platform::SdlWindow window(options);
  platform::ImGuiHost host(window, platform::FontSizes{});
  const std::string url = "https://www.examplecouncil.gov.uk/track/OS-2024-000123";
  const auto matrix = make_qr(url);
  ASSERT_TRUE(matrix);
  UiProbe probe;
  host.frame([&] {
    ui::Context ui{host.fonts(), probe};
    ui::WindowScope page("page", ImVec2(0, 0), ImVec2(640, 480));
    ImGui::SetCursorScreenPos(ImVec2(40.5f, 30.25f));  // off the pixel grid on purpose
    ui::qr_code(ui, *matrix, 5.7f, "qr:tracking");
  });
  const ProbeItem* item = probe.find("qr:tracking");
  ASSERT_NE(item, nullptr);
  const float side = static_cast<float>((matrix->size + 2 * kQrQuietZone) * 5);
  EXPECT_EQ(item->width, side);
  EXPECT_EQ(item->height, side);
  EXPECT_EQ(item->x, 40.0f);

  std::vector<Uint32> argb(static_cast<std::size_t>(options.width * options.height));
  ASSERT_EQ(SDL_RenderReadPixels(window.renderer(), nullptr, SDL_PIXELFORMAT_ARGB8888, argb.data(), options.width * 4), 0)
      << SDL_GetError();
  std::vector<unsigned char> grey(argb.size());
  for (std::size_t i = 0; i < argb.size(); ++i) grey[i] = static_cast<unsigned char>((argb[i] >> 8) & 0xFF);
  EXPECT_EQ(qr_codes_in(grey, options.width, options.height), std::vector<std::string>{url});
}

}  // namespace
}  // namespace oneservice::kiosk
