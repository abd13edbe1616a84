#pragma once
// The kiosk's own text box, in place of ImGui's InputText. It draws the
// std::string it is given and edits that string in place, so what a resident
// types lives in one place only: the journey, which the 120 s clearing
// wipes. ImGui's InputText keeps copies of the text in its own state, out of
// reach of that clearing. Typing comes from a real keyboard (ImGui's
// character queue and Backspace) and from the on-screen keyboard.
#include <imgui.h>

#include <string>

#include "kiosk/widgets.h"

namespace oneservice::kiosk::ui {

// What a field takes, so the on-screen keyboard shows the keys it needs.
// Reference: a request's reference ("OS-7K3M-Q9TX"), typed in capitals.
// Secret and Pin (an officer's sign-in) are drawn as dots and never put in
// the probe's texts: a secret on a screen is read over a shoulder.
enum class FieldKind { Text, Number, Email, Phone, Reference, Secret, Pin };

inline bool is_masked(FieldKind kind) { return kind == FieldKind::Secret || kind == FieldKind::Pin; }

// Which field has the focus: plain state owned by the App. It names the
// field (its probe label, made from a question code) but never holds what
// was typed.
struct FieldFocus {
  std::string label;  // empty: no field focused, no keyboard
  FieldKind kind = FieldKind::Text;
  // The focused field's text, pointed at while the field is drawn this
  // frame, so the keyboard (drawn after the page) types into it; the
  // keyboard resets it each frame and drops the focus when it stays unset
  // (the field left the screen).
  std::string* value = nullptr;
  // Frames left to scroll the field into view. A scroll asked for lands a
  // frame later, and the page shrinks for the keyboard a frame after the
  // tap: three frames see it through.
  int reveal_frames = 0;

  bool has_field() const { return !label.empty(); }
  // Focused or typed into: the field must show where typing goes.
  void reveal() { reveal_frames = 3; }
};

// A large text box; tapping it gives it the focus (and the keyboard).
// Returns true when its text changed this frame. A multiline box wraps and
// grows with its text.
bool text_field(Context& ui, const std::string& probe_label, std::string* value, bool multiline, float width,
                FieldKind kind = FieldKind::Text);

// Removes the last character: one whole UTF-8 code point, never a byte of one.
void erase_last_character(std::string& text);
// ImGui's queued characters as UTF-8, without control characters and
// without U+FFFD (ImGui 1.86 holds 16-bit characters and puts U+FFFD in
// place of any above U+FFFF, such as emoji).
std::string typed_text(const ImWchar* characters, int count);

}  // namespace oneservice::kiosk::ui
