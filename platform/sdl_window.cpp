#include "platform/sdl_window.h"

#include <SDL.h>
#include <X11/Xlib.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace oneservice::platform {
namespace {

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

bool has_render_node() {
  std::error_code error;
  for (std::filesystem::directory_iterator it("/dev/dri", error), end; !error && it != end; it.increment(error))
    if (it->path().filename().string().rfind("renderD", 0) == 0) return true;
  return false;
}

// Asks the X server for its extensions over a short connection of our own:
// no OpenGL library is loaded to find out.
std::optional<bool> x_server_direct_rendering() {
  Display* display = XOpenDisplay(nullptr);
  if (!display) return std::nullopt;
  int opcode = 0, event = 0, error = 0;
  const bool direct = XQueryExtension(display, "DRI3", &opcode, &event, &error) ||
                      XQueryExtension(display, "DRI2", &opcode, &event, &error);
  XCloseDisplay(display);
  return direct;
}

// Gathered before SDL starts its video: SDL reads the framebuffer hint when
// its video starts, so the choice must be made first. The video driver is
// the one SDL 2 will pick: SDL_VIDEODRIVER, else X11 when there is a
// DISPLAY, else Wayland.
RendererFacts gather_facts(const WindowOptions& options) {
  RendererFacts facts;
  facts.software_configured = options.software_renderer;
  if (facts.software_configured) return facts;  // nothing else to ask
  facts.video_driver = environment("SDL_VIDEODRIVER");
  if (facts.video_driver.empty() && !environment("DISPLAY").empty()) facts.video_driver = "x11";
  if (facts.video_driver.empty() && !environment("WAYLAND_DISPLAY").empty()) facts.video_driver = "wayland";
  facts.libgl_always_software = environment("LIBGL_ALWAYS_SOFTWARE");
  facts.gallium_driver = environment("GALLIUM_DRIVER");
  facts.render_node = has_render_node();
  // Without a render node the rule has its answer: spare the X connection.
  if (facts.video_driver == "x11" && facts.render_node) facts.x_server_direct_rendering = x_server_direct_rendering();
  return facts;
}

}  // namespace

SdlWindow::SdlWindow(const WindowOptions& options) {
  // Touch screens send touches; SDL turns them into mouse events (its
  // default), which is the one pointer path the app handles.
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
  SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
  // A kiosk must not be minimised by a stray Alt-Tab or focus change.
  SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
  choice_ = choose_renderer(gather_facts(options));
  // The software renderer draws into the window's surface, which SDL would
  // otherwise show through an OpenGL texture: with no GPU that is Mesa's
  // llvmpipe, loading LLVM (55 MB resident) and compiling shaders before
  // the first frame. Measured under Xvfb: 132 MB and 0.7 s, against 35 MB
  // and 0.2 s when SDL copies the surface to X itself (MIT-SHM).
  if (choice_.software) SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
  if (SDL_InitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS | SDL_INIT_TIMER) != 0)
    throw PlatformError(std::string("Cannot start the display: ") + SDL_GetError());

  Uint32 flags = SDL_WINDOW_SHOWN;
  if (options.fullscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
  window_ = SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                             options.width, options.height, flags);
  if (!window_) {
    const std::string error = SDL_GetError();
    SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS | SDL_INIT_TIMER);
    throw PlatformError("Cannot open the kiosk window: " + error);
  }
  if (!choice_.software)
    renderer_ = SDL_CreateRenderer(window_, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
  if (!renderer_) renderer_ = SDL_CreateRenderer(window_, -1, SDL_RENDERER_SOFTWARE);
  if (!renderer_) {
    const std::string error = SDL_GetError();
    SDL_DestroyWindow(window_);
    SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS | SDL_INIT_TIMER);
    throw PlatformError("Cannot draw in the kiosk window: " + error);
  }
  // SDL starts with text input on; the kiosk decides when a field wants it.
  SDL_StopTextInput();
}

SdlWindow::~SdlWindow() {
  SDL_DestroyRenderer(renderer_);
  SDL_DestroyWindow(window_);
  SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS | SDL_INIT_TIMER);
}

std::string SdlWindow::renderer_name() const {
  SDL_RendererInfo info{};
  if (SDL_GetRendererInfo(renderer_, &info) != 0 || !info.name) return "unknown";
  return info.name;
}

}  // namespace oneservice::platform
