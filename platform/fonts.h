#pragma once
// Fonts come from Debian's font packages (fonts-sil-andika, designed for
// people learning to read; DejaVu as a fallback), baked once per size:
// scaling a baked font (FontGlobalScale) blurs it.
#include <string>

struct ImFont;

namespace oneservice::platform {

struct FontSizes {
  float body = 30.0f;
  float heading = 46.0f;
};

struct Fonts {
  ImFont* body = nullptr;
  ImFont* heading = nullptr;
  std::string body_file;  // which file was found, for the operator's info
};

// Adds the fonts to the current ImGui context's atlas. Never fails: with no
// font file at all it falls back to ImGui's built-in font (ASCII only).
Fonts load_fonts(const FontSizes& sizes);

// Code point ranges baked into the atlas: Basic Latin, Latin-1, Latin
// Extended-A and -B (Welsh ŵ ŷ, Polish, Romanian...), Welsh ẁ ẃ ẅ ỳ, general punctuation
// (’ “ ” –) and the euro sign. Zero-terminated pairs, as ImGui wants.
const unsigned short* glyph_ranges();

}  // namespace oneservice::platform
