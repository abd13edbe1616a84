#pragma once
// Colours and sizes. Every text colour on its background meets 7:1 (WCAG
// AAA), computed with the WCAG relative-luminance formula: body text
// #0b0c0c on white 19.6:1, hints #3d4346 10.1:1, errors #a0200e 7.8:1,
// white on the button green #005a30 8.4:1.
#include <imgui.h>

namespace oneservice::kiosk::theme {

inline constexpr ImU32 rgb(unsigned value) {
  return IM_COL32((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF, 0xFF);
}

inline constexpr ImU32 kText = rgb(0x0b0c0c);
inline constexpr ImU32 kHint = rgb(0x3d4346);
inline constexpr ImU32 kError = rgb(0xa0200e);
inline constexpr ImU32 kBackground = rgb(0xffffff);
inline constexpr ImU32 kHeader = rgb(0x0b0c0c);
inline constexpr ImU32 kHeaderText = rgb(0xffffff);
inline constexpr ImU32 kPrimary = rgb(0x005a30);
inline constexpr ImU32 kPrimaryActive = rgb(0x004d29);
inline constexpr ImU32 kPrimaryText = rgb(0xffffff);
inline constexpr ImU32 kSecondary = rgb(0xf3f2f1);
inline constexpr ImU32 kSecondaryActive = rgb(0xdbe6f0);
inline constexpr ImU32 kFocus = rgb(0xffdd00);
inline constexpr ImU32 kBorder = rgb(0x0b0c0c);
inline constexpr ImU32 kSelected = rgb(0xdbe6f0);

// The map. Lines and marks need 3:1 against the land (WCAG 1.4.11); its
// labels sit on white boxes, so they are body text at 19.6:1. Against the
// land #f3f2f1: parish lines #505a5f 6.3:1, district lines #0b0c0c 17.5:1,
// roads #b1560f 4.5:1, landmarks #005a30 7.5:1, the pin #d4351c 4.3:1 with
// a black edge. The highlighted area is a yellow wash (text stays on white).
inline constexpr ImU32 kMapLand = rgb(0xf3f2f1);
inline constexpr ImU32 kMapParishLine = rgb(0x505a5f);
inline constexpr ImU32 kMapDistrictLine = rgb(0x0b0c0c);
inline constexpr ImU32 kMapRoad = rgb(0xb1560f);
inline constexpr ImU32 kMapLandmark = rgb(0x005a30);
inline constexpr ImU32 kMapPin = rgb(0xd4351c);
inline constexpr ImU32 kMapHighlight = IM_COL32(0xff, 0xdd, 0x00, 0x8c);
inline constexpr ImU32 kMapLabelBox = IM_COL32(0xff, 0xff, 0xff, 0xeb);

// WCAG 2.5.5 (AAA) target size; ours is a floor, most controls are larger.
inline constexpr float kMinTarget = 44.0f;
inline constexpr float kMaxContentWidth = 960.0f;

// Applies the colours and spacing to the current ImGui style.
void apply();

}  // namespace oneservice::kiosk::theme
