#pragma once
// Colours and sizes. Two palettes: the standard one (GOV.UK colours) and a
// high-contrast one (yellow on black) a resident can switch to. Every text
// colour on the background it is drawn on meets 7:1 (WCAG AAA) in both;
// text_pairs() lists the palette's pairs for a quick check, and
// tests/kiosk/drawn_contrast_test.cpp judges every glyph real pages draw
// (map labels too) against what lies beneath it, so a colour used outside
// these pairs cannot slip below either.
#include <imgui.h>

#include <string>
#include <vector>

namespace oneservice::kiosk::theme {

inline constexpr ImU32 rgb(unsigned value) {
  return IM_COL32((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF, 0xFF);
}

struct Palette {
  ImU32 text, hint, error, background;
  ImU32 header, header_text;
  ImU32 primary, primary_active, primary_text;
  ImU32 secondary, secondary_active, secondary_text;
  ImU32 focus, border, selected;
  ImU32 overlay;  // dims the page behind a warning
};

const Palette& standard_palette();
const Palette& high_contrast_palette();

// The palette in use; the App switches it when the resident asks.
const Palette& palette();
void use_high_contrast(bool on);
bool high_contrast();

// Every (text, background) pair the kiosk draws text with, named for the
// test's message.
struct TextPair {
  std::string name;
  ImU32 text, background;
};
std::vector<TextPair> text_pairs(const Palette& palette);

// WCAG 2.x contrast ratio of two opaque colours (1 to 21).
double contrast_ratio(ImU32 a, ImU32 b);

// The map. Lines and marks need 3:1 against the land (WCAG 1.4.11); its
// labels are the palette's text on boxes of the palette's background
// (map_label_box()), so they read as body text does in either palette.
// Against the land #f3f2f1: parish lines #505a5f 6.3:1, district lines
// #0b0c0c 17.5:1, roads #b1560f 4.5:1, landmarks #005a30 7.5:1, the pin
// #d4351c 4.3:1 with a black edge. The highlighted area is a yellow wash
// (text stays on its box).
inline constexpr ImU32 kMapLand = rgb(0xf3f2f1);
inline constexpr ImU32 kMapParishLine = rgb(0x505a5f);
inline constexpr ImU32 kMapDistrictLine = rgb(0x0b0c0c);
inline constexpr ImU32 kMapRoad = rgb(0xb1560f);
inline constexpr ImU32 kMapLandmark = rgb(0x005a30);
inline constexpr ImU32 kMapPin = rgb(0xd4351c);
inline constexpr ImU32 kMapHighlight = IM_COL32(0xff, 0xdd, 0x00, 0x8c);
// The box under a map label: the page's background, a little see-through.
ImU32 map_label_box();

// WCAG 2.5.5 (AAA) target size; ours is a floor, most controls are larger.
inline constexpr float kMinTarget = 44.0f;
inline constexpr float kMaxContentWidth = 960.0f;

// Applies the palette in use and the spacing to the current ImGui style.
void apply();

}  // namespace oneservice::kiosk::theme
