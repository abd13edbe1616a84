#include "platform/image.h"

#include <SDL.h>

#include <memory>

// libstb-dev ships stb compiled (libstb): only the declarations here.
#include <stb_image.h>

namespace oneservice::platform {

Image load_image(SDL_Renderer* renderer, const std::string& path) {
  Image image;
  int channels = 0;
  const std::unique_ptr<unsigned char, decltype(&stbi_image_free)> pixels(
      stbi_load(path.c_str(), &image.width, &image.height, &channels, 4), &stbi_image_free);
  if (!pixels) {
    image.problem = "cannot read the image " + path + ": " + stbi_failure_reason();
    return image;
  }
  SDL_Texture* texture = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STATIC,
                                           image.width, image.height);
  if (!texture || SDL_UpdateTexture(texture, nullptr, pixels.get(), image.width * 4) != 0) {
    image.problem = "cannot make a texture of " + path + ": " + SDL_GetError();
    if (texture) SDL_DestroyTexture(texture);
    return image;
  }
  SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
  image.texture = texture;
  return image;
}

void free_image(Image& image) {
  if (image.texture) SDL_DestroyTexture(image.texture);
  image.texture = nullptr;
}

}  // namespace oneservice::platform
