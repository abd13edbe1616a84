#pragma once
// The on-screen keyboard: a kiosk has no physical keyboard. It sits across
// the bottom of the screen while a text field has the focus and types into
// that field: letters with a one-shot shift, a page of digits and symbols,
// a page of accented letters (the Welsh â ê î ô û ŵ ŷ first), @ and . keys
// for email, a number pad for numbers and phone numbers, and capitals with
// digits for a request's reference. The layout is
// plain data from pure functions, so tests check it without drawing.
#include <imgui.h>

#include <string>
#include <vector>

#include "kiosk/text_field.h"
#include "kiosk/widgets.h"

namespace oneservice::kiosk::ui {

enum class KeyboardPage { Letters, Symbols, Accents };

// Plain state, owned by the App.
struct KeyboardState {
  KeyboardPage page = KeyboardPage::Letters;
  bool shift = false;  // one-shot: the next letter is a capital
  std::string field;   // the field this was set up for: a new field starts on letters
};

enum class KeyAction { Type, Backspace, Shift, ShowPage, Done };

struct Key {
  KeyAction action = KeyAction::Type;
  std::string text;     // what it types
  std::string caption;  // what it shows (Shift and Backspace draw an arrow instead)
  std::string name;     // the probe label is "key:" + name: the character, or "shift", "space"...
  KeyboardPage page = KeyboardPage::Letters;  // ShowPage: which page
  float units = 1.0f;   // width, in key widths
};
using KeyRow = std::vector<Key>;

// The rows of keys for this page and kind of field (number and phone
// fields always get the number pad, references their own capitals and
// digits, whatever the page).
std::vector<KeyRow> keyboard_rows(KeyboardPage page, FieldKind kind, bool shift);

// What a tap on `key` does to the keyboard and to the focused field's text.
void press_key(const Key& key, KeyboardState& keyboard, FieldFocus& focus);

// Pixels the keyboard takes at the bottom of the screen: 0 while no field
// has the focus. The page above is drawn that much shorter.
float keyboard_height(const FieldFocus& focus);

// Draws the keyboard along the bottom of the display. Call it once a frame
// after the page (the focused field has then said where its text is); when
// the focused field was not drawn, it drops the focus and draws nothing.
// Returns true when another frame is needed even without input (the field
// is still being scrolled into view above the keyboard).
bool draw_keyboard(Context& ui, KeyboardState& keyboard, ImVec2 display);

}  // namespace oneservice::kiosk::ui
