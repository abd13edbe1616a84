#include "platform/image.h"

#include <SDL.h>

#include <memory>
#include <utility>

// libstb-dev ships stb compiled (libstb): only the declarations here.
#include <stb_image.h>

namespace oneservice::platform {

void TextureDeleter::operator()(SDL_Texture* texture) const { SDL_DestroyTexture(texture); }

Image load_image(SDL_Renderer* renderer, const std::string& path) {
  Image image;
  int channels = 0;
  const std::unique_ptr<unsigned char, decltype(&stbi_image_free)> pixels(
      stbi_load(path.c_str(), &image.width, &image.height, &channels, 4), &stbi_image_free);
  if (!pixels) {
    image.problem = "cannot read the image " + path + ": " + stbi_failure_reason();
    return image;
  }
  Texture texture(SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STATIC, image.width,
                                    image.height));
  if (!texture || SDL_UpdateTexture(texture.get(), nullptr, pixels.get(), image.width * 4) != 0) {
    image.problem = "cannot make a texture of " + path + ": " + SDL_GetError();
    return image;
  }
  SDL_SetTextureBlendMode(texture.get(), SDL_BLENDMODE_BLEND);
  image.texture = std::move(texture);
  return image;
}

}  // namespace oneservice::platform
