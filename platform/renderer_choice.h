#pragma once
// Which of SDL's renderers the kiosk draws with. SDL prefers OpenGL, but on
// a machine with no GPU (under Xvfb, or a kiosk whose only OpenGL is Mesa's
// llvmpipe or softpipe) that OpenGL is itself software: it loads LLVM and
// compiles shaders before the first frame (measured under Xvfb: 132 MB and
// 0.7 s, against about 40 MB and 0.2 s for SDL's own software renderer). So
// the kiosk looks for a usable GPU first, before SDL starts its video and
// without loading any OpenGL to ask:
//
//   1. software_renderer in the config decides when it is set (true or false);
//   2. SDL's dummy or offscreen video driver: software (nothing to show);
//   3. LIBGL_ALWAYS_SOFTWARE set (not 0), or GALLIUM_DRIVER naming llvmpipe,
//      softpipe or swr: Mesa was told to draw in software, so software;
//   4. no DRI render node (/dev/dri/renderD*): no GPU, so software;
//   5. on X11, a server that offers neither DRI3 nor DRI2 (Xvfb, Xvnc):
//      clients cannot reach the GPU through it, so software;
//   6. otherwise the GPU (SDL's accelerated renderer, software if that fails).
#include <optional>
#include <string>

namespace oneservice::platform {

// What the machine says, gathered at start (sdl_window.cpp); the rule
// itself is pure, for tests.
struct RendererFacts {
  std::optional<bool> software_configured;  // the config's software_renderer
  std::string video_driver;                 // SDL's: x11, wayland, kmsdrm, dummy...
  std::string libgl_always_software;        // the environment's, empty when unset
  std::string gallium_driver;
  bool render_node = false;  // a /dev/dri/renderD* exists
  // X11 only: whether the server offers DRI3 or DRI2; nullopt elsewhere or
  // when it could not be asked.
  std::optional<bool> x_server_direct_rendering;
};

struct RendererChoice {
  bool software = false;
  std::string reason;  // for the operator's log, e.g. "no GPU render node"
};

RendererChoice choose_renderer(const RendererFacts& facts);

}  // namespace oneservice::platform
