#include "kiosk/widgets.h"

#include <algorithm>

#include "kiosk/text_field.h"
#include "kiosk/theme.h"

namespace oneservice::kiosk::ui {

void record(Context& ui, const std::string& label) {
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 size = ImGui::GetItemRectSize();
  ui.probe.items.push_back({label, min.x, min.y, size.x, size.y});
}

namespace {

void wrapped_text(Context& ui, const std::string& text, ImU32 colour) {
  TextColourScope colour_scope(colour);
  TextWrapScope wrap(0.0f);
  ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
  ui.probe.texts.push_back(text);
}

// A flat rectangle button drawn by hand: ImGui's own button cannot take a
// thick bottom edge or a focus colour per state.
bool flat_button(Context& ui, const std::string& label, const std::string& probe_label, ImU32 fill,
                 ImU32 fill_active, ImU32 text_colour, bool full_width, ImVec2 min_size = ImVec2(0, 0)) {
  IdScope id(probe_label.empty() ? label : probe_label);
  const ImVec2 padding(32, 18);
  // Long labels (Welsh, 200% text) wrap inside the button rather than run
  // off the screen.
  const float wrap_width = std::max(ImGui::GetContentRegionAvail().x - padding.x * 2, 100.0f);
  const ImVec2 text_size = ImGui::CalcTextSize(label.c_str(), nullptr, false, wrap_width);
  ImVec2 size(text_size.x + padding.x * 2, std::max(text_size.y + padding.y * 2, theme::kMinTarget));
  if (full_width) size.x = std::max(size.x, ImGui::GetContentRegionAvail().x);
  size.x = std::max({size.x, theme::kMinTarget, min_size.x});
  size.y = std::max(size.y, min_size.y);
  const bool pressed = ImGui::InvisibleButton("##button", size);
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const bool active = ImGui::IsItemActive();
  draw->AddRectFilled(min, max, active ? fill_active : fill);
  draw->AddRectFilled(ImVec2(min.x, max.y - 4), max, theme::palette().border);  // GOV.UK's shadow edge
  if (ImGui::IsItemFocused() && ImGui::GetIO().NavVisible) draw->AddRect(min, max, theme::palette().focus, 0, 0, 4);
  // A key of a given size centres its label; other buttons start it at the padding.
  const float text_x = min_size.x > 0 ? (size.x - text_size.x) / 2 : padding.x;
  draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(min.x + text_x, min.y + (size.y - text_size.y) / 2),
                text_colour, label.c_str(), nullptr, wrap_width);
  record(ui, probe_label.empty() ? label : probe_label);
  return pressed;
}

}  // namespace

WindowScope::WindowScope(const char* name, ImVec2 pos, ImVec2 size, ImGuiWindowFlags flags, bool on_top) {
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowSize(size);
  if (on_top) ImGui::SetNextWindowFocus();
  flags |= ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings;
  if (!on_top) flags |= ImGuiWindowFlags_NoBringToFrontOnFocus;
  visible_ = ImGui::Begin(name, nullptr, flags);
}

WindowScope::~WindowScope() { ImGui::End(); }

ChildScope::ChildScope(const char* id, ImVec2 size, ImGuiWindowFlags flags) {
  ImGui::BeginChild(id, size, false, flags);
}

ChildScope::~ChildScope() { ImGui::EndChild(); }

LeftBorderScope::LeftBorderScope(ImU32 colour, float width, bool shown)
    : colour_(colour), width_(shown ? width : 0), indent_(shown ? width + 15 : 0), start_(ImGui::GetCursorScreenPos()) {
  if (indent_ > 0) ImGui::Indent(indent_);
  ImGui::BeginGroup();
}

LeftBorderScope::~LeftBorderScope() {
  ImGui::EndGroup();
  if (indent_ <= 0) return;
  ImGui::Unindent(indent_);
  ImGui::GetWindowDrawList()->AddRectFilled(start_, ImVec2(start_.x + width_, ImGui::GetItemRectMax().y), colour_);
}

ErrorBorderScope::ErrorBorderScope(bool has_error) : LeftBorderScope(theme::palette().error, 5, has_error) {}

void heading(Context& ui, const std::string& text) {
  FontScope font(ui.fonts.heading);
  wrapped_text(ui, text, theme::palette().text);
}

void paragraph(Context& ui, const std::string& text) { wrapped_text(ui, text, theme::palette().text); }

void hint(Context& ui, const std::string& text) {
  if (!text.empty()) wrapped_text(ui, text, theme::palette().hint);
}

void error_message(Context& ui, const std::string& text) { wrapped_text(ui, text, theme::palette().error); }

// Draws content() inside a box: the box is drawn after the content (its
// size is known only then) on a channel beneath it.
template <typename Content>
void boxed(ImVec2 padding, ImU32 colour, bool filled, Content content) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float wrap_at = ImGui::GetCursorPosX() + width - padding.x;  // wrap positions are window-local
  draw->ChannelsSplit(2);
  draw->ChannelsSetCurrent(1);
  ImGui::SetCursorScreenPos(ImVec2(start.x + padding.x, start.y + padding.y));
  {
    GroupScope group;
    TextWrapScope wrap(wrap_at);
    content();
  }
  const ImVec2 end(start.x + width, ImGui::GetItemRectMax().y + padding.y);
  draw->ChannelsSetCurrent(0);
  if (filled) draw->AddRectFilled(start, end, colour);
  else draw->AddRect(start, end, colour, 0, 0, 5);
  draw->ChannelsMerge();
  ImGui::SetCursorScreenPos(ImVec2(start.x, end.y));
  ImGui::Dummy(ImVec2(width, 16));
}

namespace {

// GOV.UK's summary entries are links to their question: tapping one puts
// the focus (and the keyboard) on its field, which scrolls into view.
void error_link(Context& ui, const FieldError& error) {
  IdScope id(error.field);
  const float wrap = ImGui::GetContentRegionAvail().x;
  const ImVec2 text = ImGui::CalcTextSize(error.message.c_str(), nullptr, false, wrap);
  const ImVec2 size(std::max(text.x, theme::kMinTarget), std::max(text.y, theme::kMinTarget));
  if (ImGui::InvisibleButton("##error-link", size) && ui.focus) {
    *ui.focus = FieldFocus{};
    ui.focus->label = "field:" + error.field;
    ui.focus->reveal();
  }
  const ImVec2 min = ImGui::GetItemRectMin();
  const float top = min.y + (size.y - text.y) / 2;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(min.x, top), theme::palette().error,
                error.message.c_str(), nullptr, wrap);
  // Underlined, as links are: one line under each wrapped line of text.
  for (float y = top + ImGui::GetFontSize(); y <= top + text.y + 1; y += ImGui::GetTextLineHeight())
    draw->AddLine(ImVec2(min.x, y), ImVec2(min.x + std::min(text.x, wrap), y), theme::palette().error, 2.0f);
  record(ui, "error:" + error.field);
  ui.probe.texts.push_back(error.message);
}

}  // namespace

void error_summary(Context& ui, const std::vector<FieldError>& errors) {
  if (errors.empty()) return;
  boxed(ImVec2(24, 20), theme::palette().error, false, [&] {
    {
      FontScope font(ui.fonts.heading);
      const std::string title = ui.tr("There is a problem");
      ImGui::TextUnformatted(title.c_str());
      ui.probe.texts.push_back(title);
    }
    for (const auto& error : errors) error_link(ui, error);
  });
}

void quoted(Context& ui, const std::string& label, const std::string& text) {
  hint(ui, label);
  LeftBorderScope inset(theme::palette().border, 10);
  paragraph(ui, text);
}

void reveal_here(Context& ui, int& frames) {
  if (frames <= 0) return;
  if (ui.focus) *ui.focus = FieldFocus{};
  ImGui::SetScrollHereY(0.0f);
  --frames;
}

void panel(Context& ui, const std::string& title, const std::string& body) {
  boxed(ImVec2(32, 28), theme::palette().primary, true, [&] {
    TextColourScope colour(theme::palette().primary_text);
    FontScope font(ui.fonts.heading);
    ImGui::TextUnformatted(title.c_str());
    ImGui::TextUnformatted(body.c_str());
    ui.probe.texts.push_back(title);
    ui.probe.texts.push_back(body);
  });
}

bool primary_button(Context& ui, const std::string& label, const std::string& probe_label) {
  return flat_button(ui, label, probe_label.empty() ? label : probe_label, theme::palette().primary, theme::palette().primary_active, theme::palette().primary_text, false);
}

bool secondary_button(Context& ui, const std::string& label, const std::string& probe_label) {
  return flat_button(ui, label, probe_label.empty() ? label : probe_label, theme::palette().secondary,
                     theme::palette().secondary_active, theme::palette().secondary_text, false);
}

bool key_button(Context& ui, const std::string& label, const std::string& probe_label, ImVec2 size, bool primary) {
  const auto& colours = theme::palette();
  if (primary)
    return flat_button(ui, label, probe_label, colours.primary, colours.primary_active, colours.primary_text, false, size);
  return flat_button(ui, label, probe_label, colours.secondary, colours.secondary_active, colours.secondary_text, false,
                     size);
}

bool choice(Context& ui, const std::string& label, bool selected, bool radio) {
  IdScope id(label);
  const float box = 44.0f;
  const float width = ImGui::GetContentRegionAvail().x;
  const float text_width = width - box - 40;
  const ImVec2 text_size = ImGui::CalcTextSize(label.c_str(), nullptr, false, text_width);
  const ImVec2 size(width, std::max(box, text_size.y) + 20);
  const bool pressed = ImGui::InvisibleButton("##choice", size);
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  if (selected || ImGui::IsItemActive()) draw->AddRectFilled(min, max, theme::palette().selected);
  const ImVec2 box_min(min.x + 10, min.y + (size.y - box) / 2);
  const ImVec2 box_max(box_min.x + box, box_min.y + box);
  const ImVec2 centre((box_min.x + box_max.x) / 2, (box_min.y + box_max.y) / 2);
  if (radio) {
    draw->AddCircleFilled(centre, box / 2, theme::palette().background);
    draw->AddCircle(centre, box / 2, theme::palette().border, 0, 3);
    if (selected) draw->AddCircleFilled(centre, box / 2 - 10, theme::palette().border);
  } else {
    draw->AddRectFilled(box_min, box_max, theme::palette().background);
    draw->AddRect(box_min, box_max, theme::palette().border, 0, 0, 3);
    if (selected) {  // a tick
      draw->AddLine(ImVec2(box_min.x + 9, centre.y), ImVec2(centre.x - 3, box_max.y - 11), theme::palette().border, 6);
      draw->AddLine(ImVec2(centre.x - 3, box_max.y - 11), ImVec2(box_max.x - 8, box_min.y + 10), theme::palette().border, 6);
    }
  }
  // A draw-list text wraps at its own width (text_width), not ImGui's wrap position.
  draw->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(box_max.x + 24, min.y + (size.y - text_size.y) / 2),
                theme::palette().text, label.c_str(), nullptr, text_width);
  record(ui, label);
  ui.probe.texts.push_back(label);  // words on the page: read aloud with the question
  return pressed;
}

}  // namespace oneservice::kiosk::ui
