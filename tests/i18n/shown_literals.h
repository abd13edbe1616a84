#pragma once
// Finds words in the kiosk's sources that would reach the screen without
// being translated: a string literal with letters in it, given as the shown
// text of a drawing call (ui::heading, ui::paragraph, a button's label,
// ImGui::TextUnformatted, ImDrawList::AddText...) other than inside tr(),
// trn(), gettext_noop() or verbatim(). A button's probe label (its English
// name for tests) is not shown and is not judged.
#include <string>
#include <vector>

namespace oneservice::i18n_testing {

struct ShownLiteral {
  int line = 0;
  std::string call;     // "ui::heading"
  std::string literal;  // as written, quotes included
};

std::vector<ShownLiteral> untranslated_shown_literals(const std::string& source);

}  // namespace oneservice::i18n_testing
