// Language first, before any other words: each choice is written in its
// own language. A council that offers one language skips this page.
#include "kiosk/screens/screens.h"

namespace oneservice::kiosk::screens {
namespace {

void choose(ScreenContext& screen, const std::string& language) {
  screen.preferences.language = language;
  language_chosen(screen.journey);
}

// Each language's name in itself.
const char* own_name(const std::string& language) { return language == "cy" ? "Cymraeg" : "English"; }

}  // namespace

void draw_language(ScreenContext& screen) {
  static const std::vector<std::string> both = {"en", "cy"};
  const auto& languages = screen.settings ? screen.settings->languages : both;
  if (languages.size() == 1) {
    choose(screen, languages.front());
    return;
  }
  ui::heading(screen.ui, ui::verbatim("Choose your language"));
  ui::heading(screen.ui, ui::verbatim("Dewiswch eich iaith"));
  ImGui::Spacing();
  for (const auto& language : languages)
    if (ui::primary_button(screen.ui, own_name(language))) choose(screen, language);
  ImGui::Spacing();
  if (ui::secondary_button(screen.ui, ui::verbatim("Back / Yn ôl"), "Back")) go_back(screen.journey, screen.rules);
}

}  // namespace oneservice::kiosk::screens
