#pragma once
// The SDL window and renderer. Kiosks often have no working GPU driver, so
// the software renderer is chosen by itself when there is none
// (platform/renderer_choice.h), is always a fallback, and can be forced.
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "platform/renderer_choice.h"

struct SDL_Window;
struct SDL_Renderer;

namespace oneservice::platform {

struct WindowOptions {
  std::string title = "oneservice";
  bool fullscreen = true;  // borderless, the size of the display
  int width = 1280;        // used when not full screen
  int height = 800;
  // true: SDL's software renderer; false: the GPU's; unset: chosen by
  // choose_renderer() from what the machine has.
  std::optional<bool> software_renderer;
};

class PlatformError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Owns SDL's video subsystem, one window and its renderer.
class SdlWindow {
 public:
  explicit SdlWindow(const WindowOptions& options);  // throws PlatformError
  ~SdlWindow();
  SdlWindow(const SdlWindow&) = delete;
  SdlWindow& operator=(const SdlWindow&) = delete;

  SDL_Window* window() const { return window_; }
  SDL_Renderer* renderer() const { return renderer_; }
  std::string renderer_name() const;
  // Software or GPU, and why (for the log).
  const RendererChoice& renderer_choice() const { return choice_; }

 private:
  SDL_Window* window_ = nullptr;
  SDL_Renderer* renderer_ = nullptr;
  RendererChoice choice_;
};

}  // namespace oneservice::platform
