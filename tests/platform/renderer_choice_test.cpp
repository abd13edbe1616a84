// The rule that picks SDL's software renderer on a machine without a usable
// GPU (platform/renderer_choice.h), case by case.
#include "platform/renderer_choice.h"

#include <gtest/gtest.h>

using oneservice::platform::choose_renderer;
using oneservice::platform::RendererFacts;

namespace {

// A desktop with a GPU under X11: Xorg offering DRI3, a render node.
RendererFacts gpu_desktop() {
  RendererFacts facts;
  facts.video_driver = "x11";
  facts.render_node = true;
  facts.x_server_direct_rendering = true;
  return facts;
}

}  // namespace

TEST(RendererChoice, AMachineWithAGpuUsesIt) {
  EXPECT_FALSE(choose_renderer(gpu_desktop()).software);
  auto wayland = gpu_desktop();
  wayland.video_driver = "wayland";
  wayland.x_server_direct_rendering.reset();
  EXPECT_FALSE(choose_renderer(wayland).software);
  auto console = gpu_desktop();
  console.video_driver = "kmsdrm";
  console.x_server_direct_rendering.reset();
  EXPECT_FALSE(choose_renderer(console).software);
}

TEST(RendererChoice, NoRenderNodeMeansNoGpu) {
  auto facts = gpu_desktop();
  facts.render_node = false;
  const auto choice = choose_renderer(facts);
  EXPECT_TRUE(choice.software);
  EXPECT_NE(choice.reason.find("render node"), std::string::npos) << choice.reason;
}

TEST(RendererChoice, AnXServerWithoutDirectRenderingLikeXvfbMeansSoftware) {
  auto xvfb = gpu_desktop();  // even with a GPU in the machine
  xvfb.x_server_direct_rendering = false;
  EXPECT_TRUE(choose_renderer(xvfb).software);
  auto unknown = gpu_desktop();  // could not ask: the render node decides
  unknown.x_server_direct_rendering.reset();
  EXPECT_FALSE(choose_renderer(unknown).software);
}

TEST(RendererChoice, MesaToldToDrawInSoftwareMeansSoftware) {
  auto forced = gpu_desktop();
  forced.libgl_always_software = "1";
  EXPECT_TRUE(choose_renderer(forced).software);
  forced.libgl_always_software = "0";
  EXPECT_FALSE(choose_renderer(forced).software) << "0 turns it off";
  for (const char* driver : {"llvmpipe", "softpipe", "swr"}) {
    auto gallium = gpu_desktop();
    gallium.gallium_driver = driver;
    EXPECT_TRUE(choose_renderer(gallium).software) << driver;
  }
  auto hardware = gpu_desktop();
  hardware.gallium_driver = "radeonsi";
  EXPECT_FALSE(choose_renderer(hardware).software);
}

TEST(RendererChoice, SdlsDummyAndOffscreenDriversDrawInSoftware) {
  for (const char* driver : {"dummy", "offscreen"}) {
    auto facts = gpu_desktop();
    facts.video_driver = driver;
    EXPECT_TRUE(choose_renderer(facts).software) << driver;
  }
}

TEST(RendererChoice, TheConfigDecidesWhenItIsSet) {
  auto no_gpu = RendererFacts{};
  no_gpu.video_driver = "x11";
  no_gpu.x_server_direct_rendering = false;
  no_gpu.software_configured = false;
  EXPECT_FALSE(choose_renderer(no_gpu).software) << "software_renderer: false forces the GPU path";
  auto gpu = gpu_desktop();
  gpu.software_configured = true;
  EXPECT_TRUE(choose_renderer(gpu).software);
}
