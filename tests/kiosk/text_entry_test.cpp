// The text field's editing, the on-screen keyboard's layout and keys, and
// the drag-to-scroll decisions, as plain functions (no window needed).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "kiosk/drag_scroll.h"
#include "kiosk/on_screen_keyboard.h"
#include "kiosk/text_field.h"

using namespace oneservice::kiosk::ui;

namespace {

std::vector<std::string> key_names(const std::vector<KeyRow>& rows) {
  std::vector<std::string> names;
  for (const auto& row : rows)
    for (const auto& key : row) names.push_back(key.name);
  return names;
}

bool has_key(const std::vector<KeyRow>& rows, const std::string& name) {
  const auto names = key_names(rows);
  return std::find(names.begin(), names.end(), name) != names.end();
}

const Key& find_key(const std::vector<KeyRow>& rows, const std::string& name) {
  for (const auto& row : rows)
    for (const auto& key : row)
      if (key.name == name) return key;
  throw std::runtime_error("no key " + name);
}

}  // namespace

TEST(TextEntry, BackspaceRemovesOneWholeCharacter) {
  std::string text = "dŵr ẃ";  // ẃ is three bytes, ŵ two
  erase_last_character(text);
  EXPECT_EQ(text, "dŵr ");
  erase_last_character(text);
  erase_last_character(text);
  EXPECT_EQ(text, "dŵ");
  erase_last_character(text);
  EXPECT_EQ(text, "d");
  erase_last_character(text);
  erase_last_character(text);
  EXPECT_EQ(text, "");
}

TEST(TextEntry, TypedCharactersBecomeUtf8WithoutControlsOrReplacements) {
  const ImWchar typed[] = {'a', 0x0175, '\n', 0x1E83, IM_UNICODE_CODEPOINT_INVALID, 0x08, 0x00A3};
  EXPECT_EQ(typed_text(typed, 7), "aŵẃ£");
  EXPECT_EQ(typed_text(typed, 0), "");
}

TEST(OnScreenKeyboard, EveryLayoutHasFourRowsAndADoneKey) {
  for (const auto kind :
       {FieldKind::Text, FieldKind::Number, FieldKind::Email, FieldKind::Phone, FieldKind::Reference})
    for (const auto page : {KeyboardPage::Letters, KeyboardPage::Symbols, KeyboardPage::Accents})
      for (const bool shift : {false, true}) {
        const auto rows = keyboard_rows(page, kind, shift);
        EXPECT_EQ(rows.size(), 4u);
        EXPECT_TRUE(has_key(rows, "done"));
        EXPECT_TRUE(has_key(rows, "backspace"));
      }
}

TEST(OnScreenKeyboard, AccentsPageHasTheWelshLettersAndTheirCapitals) {
  const auto lower = keyboard_rows(KeyboardPage::Accents, FieldKind::Text, false);
  const auto upper = keyboard_rows(KeyboardPage::Accents, FieldKind::Text, true);
  for (const char* letter : {"â", "ê", "î", "ô", "û", "ŵ", "ŷ", "ẁ", "ẃ", "ẅ", "ỳ", "á", "é", "ü", "ç", "ñ"})
    EXPECT_TRUE(has_key(lower, letter)) << letter;
  for (const char* letter : {"Â", "Ê", "Î", "Ô", "Û", "Ŵ", "Ŷ", "Ẁ", "Ỳ", "Ç"}) EXPECT_TRUE(has_key(upper, letter)) << letter;
  EXPECT_FALSE(has_key(upper, "ŵ"));
}

TEST(OnScreenKeyboard, EachKindOfFieldGetsTheKeysItNeeds) {
  const auto email = keyboard_rows(KeyboardPage::Letters, FieldKind::Email, false);
  EXPECT_TRUE(has_key(email, "@"));
  EXPECT_TRUE(has_key(email, "."));
  EXPECT_TRUE(has_key(email, ".co.uk"));
  EXPECT_FALSE(has_key(email, "space")) << "an email address has no spaces";

  const auto text = keyboard_rows(KeyboardPage::Letters, FieldKind::Text, false);
  EXPECT_TRUE(has_key(text, "space"));
  EXPECT_TRUE(has_key(text, "accents"));
  EXPECT_FALSE(has_key(text, "@"));

  const auto symbols = keyboard_rows(KeyboardPage::Symbols, FieldKind::Text, false);
  for (const char* symbol : {"1", "0", "-", "'", ",", ".", "?", "!", "&", "(", ")", "/", "£"})
    EXPECT_TRUE(has_key(symbols, symbol)) << symbol;

  const auto number = keyboard_rows(KeyboardPage::Letters, FieldKind::Number, false);
  EXPECT_TRUE(has_key(number, "7"));
  EXPECT_TRUE(has_key(number, "."));
  EXPECT_FALSE(has_key(number, "q")) << "a number field shows the number pad";
  const auto phone = keyboard_rows(KeyboardPage::Letters, FieldKind::Phone, false);
  EXPECT_TRUE(has_key(phone, "+"));
  EXPECT_TRUE(has_key(phone, "space"));
}

// A reference is typed one tap a character: every capital, digit and the
// dash on the one page, which stays (no shift, no page keys to lose it).
TEST(OnScreenKeyboard, AReferenceIsOneTapACharacter) {
  std::string text;
  FieldFocus focus;
  focus.label = "field:reference";
  focus.kind = FieldKind::Reference;
  focus.value = &text;
  KeyboardState keyboard;
  const auto rows = keyboard_rows(keyboard.page, focus.kind, keyboard.shift);
  EXPECT_EQ(rows.size(), 4u);
  for (char c = 'A'; c <= 'Z'; ++c) EXPECT_TRUE(has_key(rows, std::string(1, c))) << c;
  for (char c = '0'; c <= '9'; ++c) EXPECT_TRUE(has_key(rows, std::string(1, c))) << c;
  EXPECT_TRUE(has_key(rows, "-"));
  for (const char* other : {"shift", "symbols", "accents", "letters", "a", "space"})
    EXPECT_FALSE(has_key(rows, other)) << other;
  int taps = 0;
  for (const char c : std::string("OS-7K3M-Q9TX")) {
    press_key(find_key(keyboard_rows(keyboard.page, focus.kind, keyboard.shift), std::string(1, c)), keyboard, focus);
    ++taps;
  }
  EXPECT_EQ(text, "OS-7K3M-Q9TX");
  EXPECT_EQ(taps, 12);
  EXPECT_EQ(keyboard_rows(keyboard.page, focus.kind, keyboard.shift).size(), 4u);
}

TEST(OnScreenKeyboard, KeysTypeAndShiftLastsOneLetter) {
  std::string text;
  FieldFocus focus;
  focus.label = "field:more_details";
  focus.value = &text;
  KeyboardState keyboard;
  // Taps the key with this name on the keyboard as it shows now.
  const auto tap = [&](const std::string& name) {
    press_key(find_key(keyboard_rows(keyboard.page, focus.kind, keyboard.shift), name), keyboard, focus);
  };
  tap("shift");
  EXPECT_TRUE(keyboard.shift);
  tap("T");
  EXPECT_FALSE(keyboard.shift) << "shift is one-shot";
  tap("accents");
  EXPECT_EQ(keyboard.page, KeyboardPage::Accents);
  tap("ŷ");
  tap("ŵ");
  EXPECT_EQ(text, "Tŷŵ");
  tap("backspace");
  EXPECT_EQ(text, "Tŷ");
  tap("space");
  EXPECT_EQ(text, "Tŷ ");
  tap("done");
  EXPECT_FALSE(focus.has_field()) << "Done puts the keyboard away";
  EXPECT_EQ(focus.value, nullptr);
  EXPECT_EQ(text, "Tŷ ") << "and keeps what was typed";
}

TEST(DragScroll, SmallWobblesAreTapsLargerMovesAreDrags) {
  EXPECT_FALSE(is_drag(ImVec2(100, 100), ImVec2(100, 100)));
  EXPECT_FALSE(is_drag(ImVec2(100, 100), ImVec2(105, 110)));
  EXPECT_FALSE(is_drag(ImVec2(100, 100), ImVec2(100, 112)));
  EXPECT_TRUE(is_drag(ImVec2(100, 100), ImVec2(100, 113)));
  EXPECT_TRUE(is_drag(ImVec2(100, 100), ImVec2(91, 91)));
}

TEST(DragScroll, TheContentFollowsTheFingerWithinItsRange) {
  EXPECT_EQ(follow_finger(100, 500, 450, 1000), 150) << "finger up 50: content up 50";
  EXPECT_EQ(follow_finger(100, 500, 560, 1000), 40);
  EXPECT_EQ(follow_finger(100, 500, 700, 1000), 0) << "not above the top";
  EXPECT_EQ(follow_finger(900, 500, 100, 1000), 1000) << "not below the end";
  EXPECT_EQ(follow_finger(0, 500, 100, 0), 0) << "nothing to scroll";
}
