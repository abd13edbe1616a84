#pragma once
// Pictures the council supplies (its logo), read with stb_image and made
// into a texture of the window's renderer, for ImGui::Image.
#include <string>

struct SDL_Renderer;
struct SDL_Texture;

namespace oneservice::platform {

struct Image {
  SDL_Texture* texture = nullptr;  // null: none loaded
  int width = 0, height = 0;
  std::string problem;  // why there is none, for the operator's log
};

// PNG or JPEG. Never throws: a missing or broken file gives no texture and
// the reason.
Image load_image(SDL_Renderer* renderer, const std::string& path);
void free_image(Image& image);

}  // namespace oneservice::platform
