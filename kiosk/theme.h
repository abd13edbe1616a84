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

// WCAG 2.5.5 (AAA) target size; ours is a floor, most controls are larger.
inline constexpr float kMinTarget = 44.0f;
inline constexpr float kMaxContentWidth = 960.0f;

// Applies the colours and spacing to the current ImGui style.
void apply();

}  // namespace oneservice::kiosk::theme
