// The translation files themselves: every message of every language is
// translated and none is fuzzy, the templates hold every string the sources
// and the demo catalogue use, and Welsh has its six plural forms. So a new
// string a resident would read in English fails here until it is translated.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "i18n/po_support.h"
#include "kiosk/catalogue_translation.h"
#include "shared/catalogue_json.h"
#include "support/temp_folder.h"

using namespace oneservice;
using namespace oneservice::i18n_testing;

namespace {

const std::string kAssets = ONESERVICE_ASSETS_DIR;

// Lists what is in `wanted` but not in `have`, one per line, for a failure.
std::string missing_from(const std::vector<std::string>& wanted, const std::vector<std::string>& have) {
  const std::set<std::string> present(have.begin(), have.end());
  std::string out;
  for (const auto& id : wanted)
    if (!present.count(id)) out += "  \"" + id + "\"\n";
  return out;
}

}  // namespace

TEST(PoFiles, ThereAreKioskAndCatalogueTranslations) {
  const auto files = po_files();
  EXPECT_NE(std::find(files.begin(), files.end(), kAssets + "/po/cy.po"), files.end());
  EXPECT_NE(std::find(files.begin(), files.end(), kAssets + "/demo-council/po/cy.po"), files.end());
}

TEST(PoFiles, EveryMessageIsTranslated) {
  for (const auto& file : po_files()) {
    const auto untranslated = selected_msgids("--untranslated --no-obsolete", file);
    EXPECT_TRUE(untranslated.empty()) << file << " has messages with no translation:\n"
                                      << missing_from(untranslated, {});
  }
}

TEST(PoFiles, NoMessageIsFuzzy) {
  for (const auto& file : po_files()) {
    const auto fuzzy = selected_msgids("--only-fuzzy --no-obsolete", file);
    EXPECT_TRUE(fuzzy.empty()) << file << " has fuzzy messages (check the translation, then remove \"#, fuzzy\"):\n"
                               << missing_from(fuzzy, {});
  }
}

TEST(PoFiles, TheCheckerFindsUntranslatedAndFuzzyMessages) {
  test_support::TempFolder folder;
  const auto po = folder.file("xx.po");
  std::ofstream(po) << "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
                       "msgid \"Done\"\nmsgstr \"Wedi gorffen\"\n\n"
                       "msgid \"Not yet\"\nmsgstr \"\"\n\n"
                       "#, fuzzy\nmsgid \"Unsure \\\"quoted\\\"\"\nmsgstr \"Ansicr\"\n";
  EXPECT_EQ(selected_msgids("--untranslated --no-obsolete", po), std::vector<std::string>{"Not yet"});
  EXPECT_EQ(selected_msgids("--only-fuzzy --no-obsolete", po), std::vector<std::string>{"Unsure \"quoted\""});
}

TEST(PoFiles, WelshHasSixPluralForms) {
  for (const auto& file : po_files()) {
    if (file.size() < 6 || file.compare(file.size() - 6, 6, "/cy.po") != 0) continue;
    // Join the header's wrapped lines before looking.
    auto text = read_text(file);
    for (auto at = text.find("\"\n\""); at != std::string::npos; at = text.find("\"\n\"", at)) text.erase(at, 3);
    EXPECT_NE(text.find("Plural-Forms: nplurals=6; plural=(n==0) ? 0 : (n==1) ? 1 : (n==2) ? 2 : (n==3) ? 3 : "
                        "(n==6) ? 4 : 5;"),
              std::string::npos)
        << file;
  }
}

// xgettext over the sources now, compared with the committed template: a
// string wrapped in tr() but not yet in the template (and so in no PO file)
// fails, naming it. Run scripts/update-translations.sh to fix.
TEST(PoFiles, KioskTemplateHoldsEveryStringTheSourcesUse) {
  test_support::TempFolder folder;
  const auto made = folder.file("oneservice.pot");
  const auto result =
      run(quoted(std::string(ONESERVICE_SOURCE_DIR) + "/scripts/update-translations.sh") + " --kiosk-pot " + quoted(made));
  ASSERT_EQ(result.status, 0) << "xgettext failed";
  const auto from_sources = msgids(read_text(made));
  const auto committed = msgids(read_text(kAssets + "/po/oneservice.pot"));
  EXPECT_GE(from_sources.size(), 25u) << "the validation templates at least";
  EXPECT_EQ(missing_from(from_sources, committed), "")
      << "used in the sources but not in assets/po/oneservice.pot: run scripts/update-translations.sh";
  EXPECT_EQ(missing_from(committed, from_sources), "")
      << "in assets/po/oneservice.pot but no longer used: run scripts/update-translations.sh";
}

TEST(PoFiles, EveryTemplateMessageIsInEachLanguage) {
  const auto kiosk = msgids(read_text(kAssets + "/po/oneservice.pot"));
  const auto catalogue = msgids(read_text(kAssets + "/demo-council/po/catalogue.pot"));
  for (const auto& file : po_files()) {
    const bool is_kiosk = file.find("/demo-council/") == std::string::npos;
    EXPECT_EQ(missing_from(is_kiosk ? kiosk : catalogue, selected_msgids("--translated --no-fuzzy", file)), "")
        << file << " lacks these template messages: run scripts/update-translations.sh, then translate";
  }
}

TEST(PoFiles, CatalogueTemplateHoldsEveryCatalogueString) {
  test_support::TempFolder folder;
  const auto made = folder.file("catalogue.pot");
  ASSERT_EQ(run(quoted(ONESERVICE_CATALOGUE_STRINGS) + " " + quoted(kAssets + "/demo-council/catalogue.json") + " " +
                quoted(kAssets + "/demo-council/boundaries.geojson") + " > " + quoted(made))
                .status,
            0);
  EXPECT_EQ(run("msgfmt --check -o /dev/null " + quoted(made)).status, 0) << "the tool's POT must be valid";
  const auto from_catalogue = msgids(read_text(made));
  const auto committed = msgids(read_text(kAssets + "/demo-council/po/catalogue.pot"));
  EXPECT_NE(std::find(from_catalogue.begin(), from_catalogue.end(), "Parish Clerk"), from_catalogue.end())
      << "a contact's role, from the boundary data";
  EXPECT_EQ(from_catalogue, committed) << "assets/demo-council/po/catalogue.pot is out of date with catalogue.json "
                                          "or boundaries.geojson: "
                                          "run scripts/update-translations.sh";
}

// Every string a resident can read in the demo catalogue and its boundary
// data, whatever the template says, has a Welsh translation.
TEST(PoFiles, EveryCatalogueStringHasAWelshTranslation) {
  const auto catalogue = load_catalogue_file(kAssets + "/demo-council/catalogue.json");
  const auto welsh = selected_msgids("--translated --no-fuzzy", kAssets + "/demo-council/po/cy.po");
  const std::set<std::string> translated(welsh.begin(), welsh.end());
  auto texts = kiosk::catalogue_texts(catalogue);
  EXPECT_GT(texts.size(), 200u);
  const auto areas = kiosk::area_texts(Boundaries::load_file(kAssets + "/demo-council/boundaries.geojson"));
  EXPECT_GT(areas.size(), 30u) << "each body's name, its contact's name and role";
  texts.insert(texts.end(), areas.begin(), areas.end());
  for (const auto& text : texts)
    EXPECT_TRUE(translated.count(text.text)) << text.where << " " << text.field << ": \"" << text.text
                                             << "\" has no Welsh translation";
}
