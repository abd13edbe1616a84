#include "platform/screenshot.h"

#include <SDL.h>

#include <vector>

// libstb-dev ships stb as a compiled library (libstb), so only the
// declarations are included here.
#include <stb_image_write.h>

namespace oneservice::platform {

std::string save_renderer_png(SDL_Renderer* renderer, const std::string& path) {
  int width = 0, height = 0;
  if (SDL_GetRendererOutputSize(renderer, &width, &height) != 0) return SDL_GetError();
  std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
  if (SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_ABGR8888, pixels.data(), width * 4) != 0)
    return SDL_GetError();
  if (!stbi_write_png(path.c_str(), width, height, 4, pixels.data(), width * 4))
    return "cannot write " + path;
  return {};
}

}  // namespace oneservice::platform
