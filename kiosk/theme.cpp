#include "kiosk/theme.h"

#include <cmath>

namespace oneservice::kiosk::theme {
namespace {

// GOV.UK colours: body text #0b0c0c on white 19.6:1, hints #3d4346 10.1:1,
// errors #a0200e 7.8:1, white on the button green #005a30 8.4:1.
const Palette kStandard{
    .text = rgb(0x0b0c0c), .hint = rgb(0x3d4346), .error = rgb(0xa0200e), .background = rgb(0xffffff),
    .header = rgb(0x0b0c0c), .header_text = rgb(0xffffff),
    .primary = rgb(0x005a30), .primary_active = rgb(0x004d29), .primary_text = rgb(0xffffff),
    .secondary = rgb(0xf3f2f1), .secondary_active = rgb(0xdbe6f0), .secondary_text = rgb(0x0b0c0c),
    .focus = rgb(0xffdd00), .border = rgb(0x0b0c0c), .selected = rgb(0xdbe6f0),
    .overlay = IM_COL32(11, 12, 12, 235),
};

// Yellow on black, as many people with low vision set their phones:
// yellow #ffff00 on black 19.6:1, white hints 21:1, the error pink #ff9e9e
// 11.4:1; buttons are yellow with black words, selection a dark blue.
const Palette kHighContrast{
    .text = rgb(0xffff00), .hint = rgb(0xffffff), .error = rgb(0xff9e9e), .background = rgb(0x000000),
    .header = rgb(0x000000), .header_text = rgb(0xffffff),
    .primary = rgb(0xffff00), .primary_active = rgb(0xffffff), .primary_text = rgb(0x000000),
    .secondary = rgb(0x1a1a1a), .secondary_active = rgb(0x003a70), .secondary_text = rgb(0xffff00),
    .focus = rgb(0x00ffff), .border = rgb(0xffffff), .selected = rgb(0x003a70),
    .overlay = IM_COL32(0, 0, 0, 235),
};

const Palette* g_palette = &kStandard;

double channel(unsigned value) {
  const double c = value / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(ImU32 colour) {
  return 0.2126 * channel((colour >> IM_COL32_R_SHIFT) & 0xFF) + 0.7152 * channel((colour >> IM_COL32_G_SHIFT) & 0xFF) +
         0.0722 * channel((colour >> IM_COL32_B_SHIFT) & 0xFF);
}

}  // namespace

const Palette& standard_palette() { return kStandard; }
const Palette& high_contrast_palette() { return kHighContrast; }
const Palette& palette() { return *g_palette; }
bool high_contrast() { return g_palette == &kHighContrast; }

void use_high_contrast(bool on) {
  if ((g_palette == &kHighContrast) == on) return;
  g_palette = on ? &kHighContrast : &kStandard;
  if (ImGui::GetCurrentContext()) apply();  // else the next context's apply() takes it up
}

std::vector<TextPair> text_pairs(const Palette& p) {
  return {
      {"text on background", p.text, p.background},
      {"hint on background", p.hint, p.background},
      {"error on background", p.error, p.background},
      {"header text on header", p.header_text, p.header},
      {"button text on primary", p.primary_text, p.primary},
      {"button text on pressed primary", p.primary_text, p.primary_active},
      {"text on secondary button", p.secondary_text, p.secondary},
      {"text on pressed secondary button", p.secondary_text, p.secondary_active},
      {"text on selected choice", p.text, p.selected},
      {"text on warning box", p.text, p.background},
  };
}

ImU32 map_label_box() { return (palette().background & ~IM_COL32_A_MASK) | (0xebu << IM_COL32_A_SHIFT); }

double contrast_ratio(ImU32 a, ImU32 b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

void apply() {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  style.WindowPadding = ImVec2(0, 0);
  style.WindowBorderSize = 0;
  style.FramePadding = ImVec2(16, 12);
  style.FrameBorderSize = 2;
  style.FrameRounding = 0;
  style.ItemSpacing = ImVec2(16, 20);
  style.ScrollbarSize = 28;
  style.GrabMinSize = 44;
  const Palette& p = palette();
  auto* colours = style.Colors;
  const auto v = [](ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); };
  colours[ImGuiCol_Text] = v(p.text);
  colours[ImGuiCol_WindowBg] = v(p.background);
  colours[ImGuiCol_ChildBg] = v(p.background);
  colours[ImGuiCol_PopupBg] = v(p.background);
  colours[ImGuiCol_Border] = v(p.border);
  colours[ImGuiCol_Separator] = v(p.hint);
  colours[ImGuiCol_FrameBg] = v(p.background);
  colours[ImGuiCol_FrameBgHovered] = v(p.background);
  colours[ImGuiCol_FrameBgActive] = v(p.background);
  colours[ImGuiCol_Button] = v(p.secondary);
  colours[ImGuiCol_ButtonHovered] = v(p.secondary);
  colours[ImGuiCol_ButtonActive] = v(p.secondary_active);
  colours[ImGuiCol_TextSelectedBg] = v(p.focus);
  colours[ImGuiCol_NavHighlight] = v(p.focus);
  colours[ImGuiCol_ScrollbarBg] = v(p.secondary);
  colours[ImGuiCol_ScrollbarGrab] = v(p.hint);
  colours[ImGuiCol_ScrollbarGrabHovered] = v(p.text);
  colours[ImGuiCol_ScrollbarGrabActive] = v(p.text);
  colours[ImGuiCol_CheckMark] = v(p.text);
}

}  // namespace oneservice::kiosk::theme
