#pragma once
// Pictures the council supplies (its logo), read with stb_image and made
// into a texture of the window's renderer, for ImGui::Image.
#include <memory>
#include <string>

struct SDL_Renderer;
struct SDL_Texture;

namespace oneservice::platform {

struct TextureDeleter {
  void operator()(SDL_Texture* texture) const;
};
// Owns one texture. It belongs to the renderer that made it: let it go
// before that renderer (declare it after the window).
using Texture = std::unique_ptr<SDL_Texture, TextureDeleter>;

struct Image {
  Texture texture;  // null: none loaded
  int width = 0, height = 0;
  std::string problem;  // why there is none, for the operator's log
};

// PNG or JPEG. Never throws: a missing or broken file gives no texture and
// the reason.
Image load_image(SDL_Renderer* renderer, const std::string& path);

}  // namespace oneservice::platform
