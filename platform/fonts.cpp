#include "platform/fonts.h"

#include <imgui.h>

#include <filesystem>

namespace oneservice::platform {
namespace {

const char* const kRegularFonts[] = {
    "/usr/share/fonts/truetype/andika/Andika-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
};
const char* const kBoldFonts[] = {
    "/usr/share/fonts/truetype/andika/Andika-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
};

template <std::size_t N>
std::string first_existing(const char* const (&candidates)[N]) {
  for (const char* path : candidates)
    if (std::filesystem::exists(path)) return path;
  return {};
}

ImFont* add_font(const std::string& path, float size) {
  ImGuiIO& io = ImGui::GetIO();
  if (path.empty()) {
    ImFontConfig config;
    config.SizePixels = size;
    return io.Fonts->AddFontDefault(&config);
  }
  ImFontConfig config;
  config.OversampleH = 2;  // crisper small text on the software renderer
  config.OversampleV = 1;
  return io.Fonts->AddFontFromFileTTF(path.c_str(), size, &config, glyph_ranges());
}

}  // namespace

const unsigned short* glyph_ranges() {
  static const unsigned short ranges[] = {
      0x0020, 0x00FF,  // Basic Latin, Latin-1 Supplement (£)
      0x0100, 0x024F,  // Latin Extended-A and -B
      0x1E80, 0x1E85,  // Welsh w with grave, acute, diaeresis (ẁ ẃ ẅ)
      0x1EF2, 0x1EF3,  // Welsh y with grave (ỳ)
      0x2010, 0x205E,  // General Punctuation: dashes, quotes, ellipsis
      0x20AC, 0x20AC,  // euro sign
      0,
  };
  return ranges;
}

Fonts load_fonts(const FontSizes& sizes) {
  Fonts fonts;
  fonts.body_file = first_existing(kRegularFonts);
  fonts.body = add_font(fonts.body_file, sizes.body);
  fonts.heading = add_font(first_existing(kBoldFonts), sizes.heading);
  if (!fonts.body) fonts.body = ImGui::GetIO().Fonts->AddFontDefault();
  if (!fonts.heading) fonts.heading = fonts.body;
  return fonts;
}

}  // namespace oneservice::platform
