#include "kiosk/theme.h"

namespace oneservice::kiosk::theme {

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
  auto* colours = style.Colors;
  const auto v = [](ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); };
  colours[ImGuiCol_Text] = v(kText);
  colours[ImGuiCol_WindowBg] = v(kBackground);
  colours[ImGuiCol_ChildBg] = v(kBackground);
  colours[ImGuiCol_Border] = v(kBorder);
  colours[ImGuiCol_FrameBg] = v(kBackground);
  colours[ImGuiCol_FrameBgHovered] = v(kBackground);
  colours[ImGuiCol_FrameBgActive] = v(kBackground);
  colours[ImGuiCol_Button] = v(kSecondary);
  colours[ImGuiCol_ButtonHovered] = v(kSecondary);
  colours[ImGuiCol_ButtonActive] = v(kSecondaryActive);
  colours[ImGuiCol_TextSelectedBg] = v(kFocus);
  colours[ImGuiCol_NavHighlight] = v(kFocus);
  colours[ImGuiCol_ScrollbarBg] = v(kSecondary);
  colours[ImGuiCol_ScrollbarGrab] = v(kHint);
  colours[ImGuiCol_ScrollbarGrabHovered] = v(kText);
  colours[ImGuiCol_ScrollbarGrabActive] = v(kText);
  colours[ImGuiCol_CheckMark] = v(kText);
}

}  // namespace oneservice::kiosk::theme
