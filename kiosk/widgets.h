#pragma once
// The kiosk's controls, drawn large for touch and for people who see
// poorly, and recorded in the UiProbe. ImGui Begin/End-style pairs are
// wrapped in small RAII scopes (as openMSX does) so no early return can leave
// one unbalanced.
#include <imgui.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/ui_probe.h"
#include "platform/fonts.h"
#include "shared/validation.h"
#include "shared/wording.h"  // format(), for patterns with placeholders

namespace oneservice::kiosk {
class Translator;
}

namespace oneservice::kiosk::ui {

struct FieldFocus;  // kiosk/text_field.h
struct DragScroll;  // kiosk/drag_scroll.h

// What every widget needs: the fonts, the probe to record into, the App's
// touch state (null in a context that has none), and the resident's
// language. Every word the kiosk shows goes through tr() or trn()
// (scripts/update-translations.sh extracts them into assets/po/).
struct Context {
  const platform::Fonts& fonts;
  UiProbe& probe;
  FieldFocus* focus = nullptr;  // the text field that typing goes into
  DragScroll* drag = nullptr;   // the finger's drag, for widgets that pan
  const Translator* translator = nullptr;  // null: English as written

  std::string tr(const char* msgid) const;
  std::string trn(const char* singular, const char* plural, long n) const;
  const std::string& language() const;
};

class WindowScope {
 public:
  // Page windows stay behind; an overlay (on_top) comes to the front.
  WindowScope(const char* name, ImVec2 pos, ImVec2 size, ImGuiWindowFlags flags = 0, bool on_top = false);
  ~WindowScope();
  WindowScope(const WindowScope&) = delete;
  WindowScope& operator=(const WindowScope&) = delete;
  bool visible() const { return visible_; }

 private:
  bool visible_;
};

class ChildScope {
 public:
  ChildScope(const char* id, ImVec2 size, ImGuiWindowFlags flags = 0);
  ~ChildScope();
  ChildScope(const ChildScope&) = delete;
  ChildScope& operator=(const ChildScope&) = delete;
};

class FontScope {
 public:
  explicit FontScope(ImFont* font) { ImGui::PushFont(font); }
  ~FontScope() { ImGui::PopFont(); }
  FontScope(const FontScope&) = delete;
  FontScope& operator=(const FontScope&) = delete;
};

class IdScope {
 public:
  explicit IdScope(const std::string& id) { ImGui::PushID(id.c_str()); }
  ~IdScope() { ImGui::PopID(); }
  IdScope(const IdScope&) = delete;
  IdScope& operator=(const IdScope&) = delete;
};

class TextColourScope {
 public:
  explicit TextColourScope(ImU32 colour) { ImGui::PushStyleColor(ImGuiCol_Text, colour); }
  ~TextColourScope() { ImGui::PopStyleColor(); }
  TextColourScope(const TextColourScope&) = delete;
  TextColourScope& operator=(const TextColourScope&) = delete;
};

// Items laid out as one (BeginGroup/EndGroup).
class GroupScope {
 public:
  GroupScope() { ImGui::BeginGroup(); }
  ~GroupScope() { ImGui::EndGroup(); }
  GroupScope(const GroupScope&) = delete;
  GroupScope& operator=(const GroupScope&) = delete;
};

// Text wraps at this window-local x (0: at the edge of the content region).
class TextWrapScope {
 public:
  explicit TextWrapScope(float wrap_at) { ImGui::PushTextWrapPos(wrap_at); }
  ~TextWrapScope() { ImGui::PopTextWrapPos(); }
  TextWrapScope(const TextWrapScope&) = delete;
  TextWrapScope& operator=(const TextWrapScope&) = delete;
};

class ItemWidthScope {
 public:
  explicit ItemWidthScope(float width) { ImGui::PushItemWidth(width); }
  ~ItemWidthScope() { ImGui::PopItemWidth(); }
  ItemWidthScope(const ItemWidthScope&) = delete;
  ItemWidthScope& operator=(const ItemWidthScope&) = delete;
};

// Drawing in a draw list is cut off outside min-max (intersected with the
// clip rectangle in force).
class ClipScope {
 public:
  ClipScope(ImDrawList* draw, ImVec2 min, ImVec2 max) : draw_(draw) { draw_->PushClipRect(min, max, true); }
  ~ClipScope() { draw_->PopClipRect(); }
  ClipScope(const ClipScope&) = delete;
  ClipScope& operator=(const ClipScope&) = delete;

 private:
  ImDrawList* draw_;
};

// A bar down the left of what is drawn inside, as GOV.UK marks a question
// in error (red, 5 px) and sets off quoted text (an inset). `shown` false
// draws everything as it would be without the scope.
class LeftBorderScope {
 public:
  LeftBorderScope(ImU32 colour, float width, bool shown = true);
  ~LeftBorderScope();
  LeftBorderScope(const LeftBorderScope&) = delete;
  LeftBorderScope& operator=(const LeftBorderScope&) = delete;

 private:
  ImU32 colour_;
  float width_, indent_;
  ImVec2 start_;
};

// GOV.UK's error mark on a question (or field) with a mistake.
class ErrorBorderScope : public LeftBorderScope {
 public:
  explicit ErrorBorderScope(bool has_error);
};

// Words shown as written, in no one language: the bilingual start page,
// each language's name in itself. Every other literal a drawing call shows
// goes through tr() or trn(); tests/i18n/shown_literals_test.cpp fails on
// any that does neither.
constexpr const char* verbatim(const char* text) { return text; }

void heading(Context& ui, const std::string& text);
void paragraph(Context& ui, const std::string& text);
void hint(Context& ui, const std::string& text);
void error_message(Context& ui, const std::string& text);
// GOV.UK error summary: "There is a problem" and each message.
void error_summary(Context& ui, const std::vector<FieldError>& errors);
// What someone else wrote, shown as they wrote it: a label in the
// resident's language ("The council wrote:") and the words set off in an
// inset.
void quoted(Context& ui, const std::string& label, const std::string& text);
// Brings the current position to the top of the page while `frames` last
// (Journey::reveal_frames), and closes the keyboard so the page has the
// whole screen: what a press has just put on the page is seen.
void reveal_here(Context& ui, int& frames);
// A panel with a large line inside (the confirmation's reference).
void panel(Context& ui, const std::string& title, const std::string& body);

// The main action on a page ("Continue", "Send report").
bool primary_button(Context& ui, const std::string& label, const std::string& probe_label = {});
// Lesser actions ("Back", "Change"). probe_label tells rows apart in tests
// when the visible words repeat ("Change" on every row).
bool secondary_button(Context& ui, const std::string& label, const std::string& probe_label = {});
// A key of a keypad: at least `size`, its label centred; primary for the
// key that acts ("Unlock").
bool key_button(Context& ui, const std::string& label, const std::string& probe_label, ImVec2 size,
                bool primary = false);
// A whole-row radio (single) or checkbox (multiple) choice.
bool choice(Context& ui, const std::string& label, bool selected, bool radio);
// Records the last item drawn in the probe under this label.
void record(Context& ui, const std::string& label);

}  // namespace oneservice::kiosk::ui
