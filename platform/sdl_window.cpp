#include "platform/sdl_window.h"

#include <SDL.h>

namespace oneservice::platform {

SdlWindow::SdlWindow(const WindowOptions& options) {
  // Touch screens send touches; SDL turns them into mouse events (its
  // default), which is the one pointer path the app handles.
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
  SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
  // A kiosk must not be minimised by a stray Alt-Tab or focus change.
  SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
  // The software renderer draws into the window's surface, which SDL would
  // otherwise show through an OpenGL texture: with no GPU that is Mesa's
  // llvmpipe, loading LLVM (55 MB resident) and compiling shaders before
  // the first frame. Measured under Xvfb: 132 MB and 0.7 s, against 35 MB
  // and 0.2 s when SDL copies the surface to X itself (MIT-SHM).
  if (options.software_renderer) SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
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
  if (!options.software_renderer)
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
