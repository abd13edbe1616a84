#pragma once
#include <string>

struct SDL_Renderer;

namespace oneservice::platform {

// Writes what the renderer holds now to a PNG file. Returns an empty string
// on success, else a message saying what failed.
std::string save_renderer_png(SDL_Renderer* renderer, const std::string& path);

}  // namespace oneservice::platform
