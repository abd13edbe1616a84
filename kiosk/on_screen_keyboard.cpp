#include "kiosk/on_screen_keyboard.h"

#include <algorithm>
#include <sstream>

#include "kiosk/theme.h"
#include "shared/wording.h"

namespace oneservice::kiosk::ui {
namespace {

constexpr float kKeyHeight = 64.0f;  // well above the 44 px floor: keys are tapped quickly
constexpr float kMaxKeyWidth = 112.0f;
constexpr float kGap = 10.0f;
constexpr float kPadding = 14.0f;
constexpr int kRows = 4;  // every layout has four rows, so the page never jumps

// A row of letters as typed, and as typed with shift. ß has no everyday capital.
struct LetterRow {
  const char* lower;
  const char* upper;
};
constexpr LetterRow kLetters[] = {
    {"q w e r t y u i o p", "Q W E R T Y U I O P"},
    {"a s d f g h j k l", "A S D F G H J K L"},
    {"z x c v b n m", "Z X C V B N M"},
};
// Welsh circumflexes first (to bach), then acute, grave, diaeresis, and
// letters common in names from elsewhere in Europe.
constexpr LetterRow kAccents[] = {
    {"â ê î ô û ŵ ŷ á é í ó ú ẃ ý", "Â Ê Î Ô Û Ŵ Ŷ Á É Í Ó Ú Ẃ Ý"},
    {"à è ì ò ù ẁ ỳ ä ë ï ö ü ẅ ÿ", "À È Ì Ò Ù Ẁ Ỳ Ä Ë Ï Ö Ü Ẅ Ÿ"},
    {"ç ñ ã õ ø å æ œ ł ś ß", "Ç Ñ Ã Õ Ø Å Æ Œ Ł Ś ß"},
};
constexpr const char* kSymbols[] = {"1 2 3 4 5 6 7 8 9 0", "- ' , . ? ! & ( ) /", "£ @ # % + : ; \" _"};

Key action_key(KeyAction action, const std::string& name, const std::string& caption, float units) {
  Key key;
  key.action = action;
  key.name = name;
  key.caption = caption;
  key.units = units;
  return key;
}

Key type_key(const std::string& text, float units = 1.0f) {
  Key key = action_key(KeyAction::Type, text, text, units);
  key.text = text;
  return key;
}

Key space_key(float units) {
  Key key = action_key(KeyAction::Type, "space", gettext_noop("space"), units);
  key.text = " ";
  return key;
}

Key page_key(KeyboardPage page, const std::string& name, const std::string& caption) {
  Key key = action_key(KeyAction::ShowPage, name, caption, 1.5f);
  key.page = page;
  return key;
}

KeyRow typing_row(const char* spaced) {
  KeyRow row;
  std::istringstream words(spaced);
  for (std::string word; words >> word;) row.push_back(type_key(word));
  return row;
}

KeyRow number_pad_row(const char* digits, Key last) {
  KeyRow row = typing_row(digits);
  row.push_back(std::move(last));
  return row;
}

std::vector<KeyRow> number_pad(FieldKind kind) {
  const bool phone = kind == FieldKind::Phone;
  return {
      number_pad_row("1 2 3", action_key(KeyAction::Backspace, "backspace", "", 1.0f)),
      number_pad_row("4 5 6", type_key(phone ? "+" : "-")),
      number_pad_row("7 8 9", phone ? space_key(1.0f) : type_key(".")),
      {type_key("0", 2.0f), action_key(KeyAction::Done, "done", gettext_noop("Done"), 2.0f)},
  };
}

// References ("OS-7K3M-Q9TX", a council's "WC-2026-000123"): capitals,
// digits and the dash on one page, so each character is one tap, with no
// shift and no page to change.
std::vector<KeyRow> reference_pad() {
  std::vector<KeyRow> rows;
  for (const char* row : {"1 2 3 4 5 6 7 8 9 0", "Q W E R T Y U I O P", "A S D F G H J K L -", "Z X C V B N M"})
    rows.push_back(typing_row(row));
  rows.back().push_back(action_key(KeyAction::Backspace, "backspace", "", 1.5f));
  rows.back().push_back(action_key(KeyAction::Done, "done", gettext_noop("Done"), 2.0f));
  return rows;
}

// The last row: the other pages, space (or what email addresses need), Done.
KeyRow bottom_row(KeyboardPage page, FieldKind kind) {
  KeyRow row;
  if (page != KeyboardPage::Letters) row.push_back(page_key(KeyboardPage::Letters, "letters", "ABC"));
  if (page != KeyboardPage::Symbols) row.push_back(page_key(KeyboardPage::Symbols, "symbols", "123"));
  if (page != KeyboardPage::Accents) row.push_back(page_key(KeyboardPage::Accents, "accents", "âŵ"));
  if (kind == FieldKind::Email) {
    for (const char* text : {"@", "."}) row.push_back(type_key(text));
    for (const char* text : {".com", ".co.uk"}) row.push_back(type_key(text, 1.5f));
  } else {
    row.push_back(space_key(page == KeyboardPage::Letters ? 4.0f : 5.0f));
    if (page == KeyboardPage::Letters) row.push_back(type_key("."));
  }
  row.push_back(action_key(KeyAction::Done, "done", gettext_noop("Done"), 2.0f));
  return row;
}

std::vector<KeyRow> typing_page(const LetterRow (&rows)[3], bool shift) {
  std::vector<KeyRow> keys;
  for (const auto& row : rows) keys.push_back(typing_row(shift ? row.upper : row.lower));
  keys.back().insert(keys.back().begin(), action_key(KeyAction::Shift, "shift", "", 1.5f));
  return keys;
}

// Arrows drawn with lines: Andika has no ⇧ or ⌫.
void draw_shift_arrow(ImDrawList* draw, ImVec2 centre, float size, bool on) {
  const float half_stem = size * 0.45f;
  const ImVec2 points[] = {
      {centre.x, centre.y - size},          {centre.x + size, centre.y},
      {centre.x + half_stem, centre.y},     {centre.x + half_stem, centre.y + size * 0.8f},
      {centre.x - half_stem, centre.y + size * 0.8f}, {centre.x - half_stem, centre.y},
      {centre.x - size, centre.y},
  };
  if (on) {  // the outline is not convex: fill its head and stem apart
    draw->AddTriangleFilled(points[0], points[1], points[6], theme::palette().text);
    draw->AddRectFilled(points[5], points[3], theme::palette().text);
  }
  draw->AddPolyline(points, 7, theme::palette().text, ImDrawFlags_Closed, 3.0f);
}

void draw_backspace_arrow(ImDrawList* draw, ImVec2 centre, float size) {
  const float half_height = size * 0.7f;
  const ImVec2 points[] = {
      {centre.x - size * 1.3f, centre.y},
      {centre.x - size * 0.6f, centre.y - half_height},
      {centre.x + size, centre.y - half_height},
      {centre.x + size, centre.y + half_height},
      {centre.x - size * 0.6f, centre.y + half_height},
  };
  draw->AddPolyline(points, 5, theme::palette().text, ImDrawFlags_Closed, 3.0f);
  const ImVec2 cross(centre.x + size * 0.2f, centre.y);
  const float arm = half_height * 0.5f;
  draw->AddLine(ImVec2(cross.x - arm, cross.y - arm), ImVec2(cross.x + arm, cross.y + arm), theme::palette().text, 3.0f);
  draw->AddLine(ImVec2(cross.x - arm, cross.y + arm), ImVec2(cross.x + arm, cross.y - arm), theme::palette().text, 3.0f);
}

bool single_character(const std::string& text) {
  return !text.empty() && std::count_if(text.begin(), text.end(), [](char c) {
                            return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
                          }) == 1;
}

bool draw_key(Context& ui, const Key& key, ImVec2 pos, ImVec2 size, bool lit) {
  ImGui::SetCursorScreenPos(pos);
  const bool pressed = ImGui::InvisibleButton("##key", size);
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, ImGui::IsItemActive() || lit ? theme::palette().selected : theme::palette().background);
  draw->AddRect(min, max, theme::palette().border, 0, 0, 2.0f);
  draw->AddRectFilled(ImVec2(min.x, max.y - 4), max, theme::palette().border);
  const ImVec2 centre((min.x + max.x) / 2, (min.y + max.y - 4) / 2);
  if (key.action == KeyAction::Shift) {
    draw_shift_arrow(draw, centre, 16.0f, lit);
  } else if (key.action == KeyAction::Backspace) {
    draw_backspace_arrow(draw, centre, 16.0f);
  } else {
    // One character reads best large and bold; words ("space") in the body font.
    FontScope font(single_character(key.caption) ? ui.fonts.heading : ui.fonts.body);
    // Word captions ("Done") are translated; characters are what they type.
    const bool word = key.action != KeyAction::Type || key.name == "space";
    const std::string caption = word ? ui.tr(key.caption.c_str()) : key.caption;
    const ImVec2 text = ImGui::CalcTextSize(caption.c_str());
    draw->AddText(ImVec2(centre.x - text.x / 2, centre.y - text.y / 2), theme::palette().text, caption.c_str());
  }
  record(ui, "key:" + key.name);
  return pressed;
}

// Key width for one unit: as wide as allowed, with the widest row fitting.
float unit_width(const std::vector<KeyRow>& rows, float width) {
  float unit = kMaxKeyWidth;
  for (const auto& row : rows) {
    float units = 0;
    for (const auto& key : row) units += key.units;
    const float gaps = kGap * static_cast<float>(row.size() - 1);
    unit = std::min(unit, (width - 2 * kPadding - gaps) / units);
  }
  return unit;
}

}  // namespace

std::vector<KeyRow> keyboard_rows(KeyboardPage page, FieldKind kind, bool shift) {
  if (kind == FieldKind::Number || kind == FieldKind::Phone || kind == FieldKind::Pin) return number_pad(kind);
  if (kind == FieldKind::Reference) return reference_pad();
  std::vector<KeyRow> rows;
  switch (page) {
    case KeyboardPage::Letters: rows = typing_page(kLetters, shift); break;
    case KeyboardPage::Accents: rows = typing_page(kAccents, shift); break;
    case KeyboardPage::Symbols:
      for (const char* row : kSymbols) rows.push_back(typing_row(row));
      break;
  }
  rows.back().push_back(action_key(KeyAction::Backspace, "backspace", "", 1.5f));
  rows.push_back(bottom_row(page, kind));
  return rows;
}

void press_key(const Key& key, KeyboardState& keyboard, FieldFocus& focus) {
  switch (key.action) {
    case KeyAction::Type:
      if (focus.value) *focus.value += key.text;
      keyboard.shift = false;
      focus.reveal();
      return;
    case KeyAction::Backspace:
      if (focus.value) erase_last_character(*focus.value);
      focus.reveal();
      return;
    case KeyAction::Shift:
      keyboard.shift = !keyboard.shift;
      return;
    case KeyAction::ShowPage:
      keyboard.page = key.page;
      keyboard.shift = false;
      return;
    case KeyAction::Done:
      focus = FieldFocus{};
      return;
  }
}

float keyboard_height(const FieldFocus& focus) {
  return focus.has_field() ? kRows * kKeyHeight + (kRows - 1) * kGap + 2 * kPadding : 0.0f;
}

bool draw_keyboard(Context& ui, KeyboardState& keyboard, ImVec2 display) {
  if (!ui.focus) return false;
  FieldFocus& focus = *ui.focus;
  if (!focus.value) {  // its field is no longer on the screen
    focus = FieldFocus{};
    return false;
  }
  if (keyboard.field != focus.label) {
    keyboard = KeyboardState{};
    keyboard.field = focus.label;
  }
  const float height = keyboard_height(focus);
  const ImVec2 origin(0, display.y - height);
  const auto rows = keyboard_rows(keyboard.page, focus.kind, keyboard.shift);
  const Key* tapped = nullptr;
  {
    WindowScope window("##keyboard", origin, ImVec2(display.x, height));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(display.x, display.y), theme::palette().secondary);
    draw->AddRectFilled(origin, ImVec2(display.x, origin.y + 3), theme::palette().border);
    const float unit = unit_width(rows, display.x);
    float y = origin.y + kPadding;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const auto& row = rows[r];
      float row_width = kGap * static_cast<float>(row.size() - 1);
      for (const auto& key : row) row_width += key.units * unit;
      float x = (display.x - row_width) / 2;
      for (std::size_t k = 0; k < row.size(); ++k) {
        IdScope id(std::to_string(r) + "." + std::to_string(k));
        const Key& key = row[k];
        const bool lit = key.action == KeyAction::Shift && keyboard.shift;
        if (draw_key(ui, key, ImVec2(x, y), ImVec2(key.units * unit, kKeyHeight), lit)) tapped = &key;
        x += key.units * unit + kGap;
      }
      y += kKeyHeight + kGap;
    }
  }
  if (tapped) press_key(*tapped, keyboard, focus);
  focus.value = nullptr;  // the field points it at its text again next frame
  return focus.reveal_frames > 0;
}

}  // namespace oneservice::kiosk::ui
