#include "kiosk/text_field.h"

#include <imgui_internal.h>  // ImTextCharToUtf8, ImTextCharFromUtf8, ScrollToItem, WantTextInputNextFrame

#include <algorithm>

#include "kiosk/theme.h"

namespace oneservice::kiosk::ui {
namespace {

constexpr float kCaretWidth = 3.0f;
constexpr float kBorderWidth = 3.0f;
constexpr int kMultilineRows = 5;

// Where the caret goes after the last character of wrapped text, relative
// to the text's top left. It walks the text the way ImFont::RenderText lays
// it out (same wrap points, blanks skipped after a wrap), so the caret sits
// where the last glyph was drawn.
ImVec2 end_of_text(const std::string& text, float wrap_width) {
  ImFont* font = ImGui::GetFont();
  const float size = ImGui::GetFontSize();
  const float scale = size / font->FontSize;
  const char* s = text.c_str();
  const char* const end = s + text.size();
  const char* wrap_at = nullptr;
  ImVec2 at(0, 0);
  while (s < end) {
    if (!wrap_at) {
      wrap_at = font->CalcWordWrapPositionA(scale, s, end, wrap_width - at.x);
      if (wrap_at == s) ++wrap_at;  // a word wider than the box still moves on
    }
    if (s >= wrap_at) {
      at = ImVec2(0, at.y + size);
      wrap_at = nullptr;
      while (s < end && (*s == ' ' || *s == '\t')) ++s;
      if (s < end && *s == '\n') ++s;
      continue;
    }
    unsigned int c = static_cast<unsigned char>(*s);
    s += c < 0x80 ? 1 : ImTextCharFromUtf8(&c, s, end);
    if (c == '\n') {
      at = ImVec2(0, at.y + size);
      continue;
    }
    at.x += font->GetCharAdvance(static_cast<ImWchar>(c)) * scale;
  }
  return at;
}

// A real keyboard's typing, into the focused field. Returns whether it changed.
bool take_typing(std::string& value) {
  ImGuiIO& io = ImGui::GetIO();
  const std::string typed = typed_text(io.InputQueueCharacters.Data, io.InputQueueCharacters.Size);
  io.InputQueueCharacters.resize(0);  // taken: nothing else may type them again
  value += typed;
  bool changed = !typed.empty();
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace)) && !value.empty()) {
    erase_last_character(value);
    changed = true;
  }
  return changed;
}

// Characters, not bytes: one dot for each.
std::size_t utf8_length(const std::string& text) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

void draw_box(const std::string& value, bool multiline, bool focused) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  draw->AddRectFilled(min, max, theme::palette().background);
  // GOV.UK's focus: a yellow ring and a thicker black border inside it,
  // both inside the box so a full-width field's ring is not clipped.
  const float ring = focused ? 5.0f : 0.0f;
  if (focused) draw->AddRect(min, max, theme::palette().focus, 0, 0, ring * 2);
  const ImVec2 border_min(min.x + ring, min.y + ring), border_max(max.x - ring, max.y - ring);
  draw->AddRect(border_min, border_max, theme::palette().border, 0, 0, focused ? kBorderWidth * 2 : kBorderWidth);

  const ImVec2 padding = ImGui::GetStyle().FramePadding;
  const ImVec2 inner_min(min.x + padding.x, min.y + padding.y), inner_max(max.x - padding.x, max.y - padding.y);
  const float inner_width = inner_max.x - inner_min.x - kCaretWidth;
  const float font_size = ImGui::GetFontSize();
  ImVec2 text_pos = inner_min;
  ImVec2 caret;
  if (multiline) {
    caret = end_of_text(value, inner_width);
  } else {
    // One line: slide the text left so its end (where typing goes) shows.
    const float text_width = ImGui::CalcTextSize(value.c_str(), value.c_str() + value.size()).x;
    text_pos.x -= std::max(0.0f, text_width - inner_width);
    text_pos.y = (min.y + max.y - font_size) / 2;
    caret = ImVec2(text_width, 0);
  }
  ClipScope clip(draw, ImVec2(border_min.x + kBorderWidth, border_min.y + kBorderWidth),
                 ImVec2(border_max.x - kBorderWidth, border_max.y - kBorderWidth));
  draw->AddText(ImGui::GetFont(), font_size, text_pos, theme::palette().text, value.c_str(), value.c_str() + value.size(),
                multiline ? inner_width : 0.0f);
  // A steady caret: a blinking one would need frames drawn all the time.
  if (focused) {
    const ImVec2 top(text_pos.x + caret.x + 1, text_pos.y + caret.y);
    draw->AddRectFilled(top, ImVec2(top.x + kCaretWidth, top.y + font_size), theme::palette().text);
  }
}

}  // namespace

bool text_field(Context& ui, const std::string& probe_label, std::string* value, bool multiline, float width,
                FieldKind kind) {
  IdScope id(probe_label);
  const ImVec2 padding = ImGui::GetStyle().FramePadding;
  const float font_size = ImGui::GetFontSize();
  float text_height = font_size;
  if (multiline) {
    const float wrap_width = width - padding.x * 2 - kCaretWidth;
    text_height = ImGui::CalcTextSize(value->c_str(), value->c_str() + value->size(), false, wrap_width).y;
    text_height = std::max(font_size * kMultilineRows, text_height + font_size);  // room to go on typing
  }
  const ImVec2 size(std::max(width, theme::kMinTarget), std::max(text_height + padding.y * 2, theme::kMinTarget));
  const bool tapped = ImGui::InvisibleButton("##field", size);

  FieldFocus* focus = ui.focus;
  // The error summary's link names the question ("field:last_seen"); of a
  // date's boxes, the first one takes it.
  if (focus && focus->label + ".Day" == probe_label) focus->label = probe_label;
  if (tapped && focus && focus->label != probe_label) {
    *focus = FieldFocus{};
    focus->label = probe_label;
    focus->reveal();
  }
  const bool focused = focus && focus->label == probe_label;
  bool changed = false;
  if (focused) {
    focus->value = value;
    focus->kind = kind;
    changed = take_typing(*value);
    if (changed) focus->reveal();
    if (focus->reveal_frames > 0) {
      --focus->reveal_frames;
      ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleEdgeY);
    }
    // Tells the platform layer to turn on a real keyboard's text input.
    GImGui->WantTextInputNextFrame = 1;
  }
  if (is_masked(kind)) {
    std::string dots;
    for (std::size_t i = 0, n = utf8_length(*value); i < n; ++i) dots += "\u2022";
    draw_box(dots, multiline, focused);
  } else {
    draw_box(*value, multiline, focused);
  }
  record(ui, probe_label);
  if (!value->empty() && !is_masked(kind)) ui.probe.texts.push_back(*value);
  return changed;
}

void erase_last_character(std::string& text) {
  // Drop continuation bytes (10xxxxxx), then the byte that leads them.
  while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
  if (!text.empty()) text.pop_back();
}

std::string typed_text(const ImWchar* characters, int count) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    const unsigned int c = characters[i];
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == IM_UNICODE_CODEPOINT_INVALID) continue;
    char utf8[5];
    text += ImTextCharToUtf8(utf8, c);
  }
  return text;
}

}  // namespace oneservice::kiosk::ui
