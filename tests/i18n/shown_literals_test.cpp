// No words reach a kiosk screen untranslated: every literal with letters
// that a drawing call shows goes through tr(), trn() or gettext_noop() (so
// it is in the PO files and has its Welsh), or is marked verbatim() (names,
// the bilingual start page). The out-of-order page once said its two
// sentences in English only and nothing noticed; this finds such a page.
#include <gtest/gtest.h>

#include <filesystem>

#include "i18n/po_support.h"
#include "i18n/shown_literals.h"

using namespace oneservice::i18n_testing;

namespace {

std::vector<std::string> found_in(const std::string& source) {
  std::vector<std::string> out;
  for (const auto& literal : untranslated_shown_literals(source)) out.push_back(literal.call + " " + literal.literal);
  return out;
}

}  // namespace

TEST(ShownLiterals, TheCheckFindsWordsThatSkipTranslation) {
  EXPECT_EQ(found_in("ui::heading(ui, \"Sorry, this kiosk cannot take requests\");"),
            std::vector<std::string>{"ui::heading \"Sorry, this kiosk cannot take requests\""});
  EXPECT_EQ(found_in("ImGui::TextUnformatted(\"Day\");\ndraw->AddText(at, colour, \"Pin\");"),
            (std::vector<std::string>{"ImGui::TextUnformatted \"Day\"", "->AddText \"Pin\""}));
  EXPECT_EQ(found_in("ui::paragraph(ui, ui.tr(\"Your reference is\") + \"\\n\" + reference + \" (optional)\");"),
            std::vector<std::string>{"ui::paragraph \" (optional)\""});
  EXPECT_EQ(found_in("if (ui::secondary_button(\n    ui,\n    flag ? \"Yes\" : label, \"Probe\")) {}"),
            std::vector<std::string>{"ui::secondary_button \"Yes\""});
  EXPECT_EQ(untranslated_shown_literals("\n\nui::hint(ui, \"Tap\");").front().line, 3);
}

TEST(ShownLiterals, TranslatedVerbatimAndProbeLabelsPass) {
  EXPECT_TRUE(found_in("ui::heading(ui, ui.tr(\"What happens next\"));").empty());
  EXPECT_TRUE(found_in("ui::paragraph(ui, format(ui.trn(\"{count} thing\", \"{count} things\", n), {{\"count\", s}}));")
                  .empty())
      << "a placeholder's name is not shown";
  EXPECT_TRUE(found_in("ui::heading(ui, ui::verbatim(\"Dewiswch eich iaith\"));").empty());
  EXPECT_TRUE(found_in("ui::primary_button(ui, ui.tr(\"Continue\"), \"Continue\");").empty()) << "a probe label";
  EXPECT_TRUE(found_in("ui::paragraph(ui, \"\\n\" + name);").empty()) << "no letters, no words";
  EXPECT_TRUE(found_in("// ui::heading(ui, \"In a comment\");\n/* ui::hint(ui, \"Nor here\"); */").empty());
  EXPECT_TRUE(found_in("const char* k = \"ui::heading(ui, \\\"quoted\\\")\";").empty()) << "inside a literal";
}

TEST(ShownLiterals, NoKioskSourceShowsUntranslatedWords) {
  namespace fs = std::filesystem;
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(ONESERVICE_SOURCE_DIR) / "kiosk")) {
    const auto ext = entry.path().extension();
    if (ext != ".cpp" && ext != ".h") continue;
    ++files;
    for (const auto& literal : untranslated_shown_literals(read_text(entry.path().string())))
      ADD_FAILURE() << entry.path().lexically_relative(ONESERVICE_SOURCE_DIR).string() << ":" << literal.line << ": "
                    << literal.call << "(... " << literal.literal
                    << " ...) is shown untranslated: wrap it in tr()/trn(), or verbatim() for a name";
  }
  EXPECT_GT(files, 40u);
}
