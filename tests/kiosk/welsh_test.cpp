// A resident who chooses Cymraeg reads Welsh on every page: the kiosk's own
// words, the council's catalogue and the validation messages; and the
// request they send is the same request an English speaker would send.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <string>

#include "i18n/po_support.h"
#include "kiosk/catalogue_translation.h"
#include "kiosk/translator.h"
#include "kiosk_driver.h"
#include "shared/catalogue_json.h"
#include "support/temp_folder.h"
#include "sync/outbox.h"

namespace oneservice::kiosk::testing {
namespace {

// The kiosk's own English that must not show once Welsh is chosen.
void expect_no_english(const KioskDriver& kiosk, const std::string& where) {
  for (const char* english : {"What do you want to do?", "There is a problem", "Check your answers", "Continue",
                              "(optional)", "Select ", "Enter ", "What happens next", "Your reference is"})
    EXPECT_FALSE(kiosk.shows(english)) << "\"" << english << "\" on " << where;
}

TEST(Welsh, AGraffitiReportInWelshFromStartToOutbox) {
  test_support::TempFolder data;
  KioskDriver kiosk(data.path(), std::string(ONESERVICE_SCREENSHOT_DIR) + "/Welsh", fixed_clock());
  kiosk.start("cy");
  EXPECT_EQ(kiosk.preferences().language, "cy");
  EXPECT_TRUE(kiosk.shows("Beth ydych chi eisiau ei wneud?"));
  EXPECT_TRUE(kiosk.shows("Cyngor Sir Wealdshire")) << "the council's name too";
  expect_no_english(kiosk, "the start page");
  kiosk.screenshot("choose-service");

  ASSERT_TRUE(kiosk.tap("Rhoi gwybod am graffiti"));
  EXPECT_TRUE(kiosk.shows("Ydy’r graffiti’n sarhaus?"));
  ASSERT_TRUE(kiosk.tap("Continue"));  // the probe knows "Parhau" by its English name
  EXPECT_TRUE(kiosk.shows("Mae problem"));
  ASSERT_EQ(kiosk.journey().errors.size(), 1u);
  EXPECT_EQ(kiosk.journey().errors.front().message.rfind("Dewiswch", 0), 0u) << kiosk.journey().errors.front().message;
  expect_no_english(kiosk, "the error");
  kiosk.screenshot("error");

  ASSERT_TRUE(kiosk.tap("Ie"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.tap("Cysgodfan bws"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.tap("Hyd at 1 metr sgwâr"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_EQ(kiosk.journey().page, Page::Location);
  EXPECT_TRUE(kiosk.shows("Disgrifiwch yr union fan (dewisol)"));
  expect_no_english(kiosk, "the location page");
  kiosk.screenshot("location");
  ASSERT_TRUE(kiosk.fill("field:location", "Y gysgodfan ger y llyfrgell"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  EXPECT_TRUE(kiosk.shows("A gaiff y cyngor gysylltu â chi am hyn? (dewisol)"));
  expect_no_english(kiosk, "the contact page");
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_EQ(kiosk.journey().page, Page::CheckAnswers);
  EXPECT_TRUE(kiosk.shows("Gwiriwch eich atebion cyn anfon"));
  EXPECT_TRUE(kiosk.shows("Cysgodfan bws"));
  EXPECT_TRUE(kiosk.shows("Heb ei roi")) << "no contact details";
  expect_no_english(kiosk, "check answers");
  kiosk.screenshot("check-answers");
  ASSERT_TRUE(kiosk.tap("Send report"));
  ASSERT_EQ(kiosk.journey().page, Page::Confirmation);
  EXPECT_TRUE(kiosk.shows("Adroddiad wedi’i gadw"));
  EXPECT_TRUE(kiosk.shows("fydd yn delio â hyn")) << "who deals with it, in Welsh";
  expect_no_english(kiosk, "the confirmation");
  kiosk.screenshot("confirmation");

  // The same request as in English: codes and keys, never Welsh words.
  const auto entry = kiosk.outbox().find_by_reference(kiosk.journey().reference);
  ASSERT_TRUE(entry.has_value());
  EXPECT_EQ(std::get<std::string>(entry->request.answers.at("offensive")), "yes");
  const auto catalogue = load_catalogue_file(std::string(ONESERVICE_ASSETS_DIR) + "/demo-council/catalogue.json");
  EXPECT_EQ(entry->request.catalogue_version, catalogue.changeset);
  EXPECT_NE(catalogue.find_service("graffiti")->find_attribute("surface")->find_value(
                std::get<std::string>(entry->request.answers.at("surface"))),
            nullptr);
}

TEST(Welsh, TheLanguageCanBeSwitchedOnAnyPage) {
  test_support::TempFolder data;
  KioskDriver kiosk(data.path(), std::string(ONESERVICE_SCREENSHOT_DIR) + "/WelshSwitch");
  kiosk.start("en");
  ASSERT_TRUE(kiosk.tap("Report a pothole"));
  ASSERT_TRUE(kiosk.tap("Language"));
  EXPECT_TRUE(kiosk.probe().find("Yn y ffordd"));
  EXPECT_TRUE(kiosk.shows("Ydy’r twll yn y ffordd neu ar y palmant?"));
  EXPECT_FALSE(kiosk.shows("Is the pothole"));
  ASSERT_TRUE(kiosk.tap("Language"));
  EXPECT_TRUE(kiosk.probe().find("In the road"));
}

TEST(Welsh, ReadAloudSpeaksThePageWithTheWelshVoice) {
  test_support::TempFolder data;
  KioskDriver kiosk(data.path(), std::string(ONESERVICE_SCREENSHOT_DIR) + "/WelshReadAloud");
  kiosk.start("cy");
  ASSERT_TRUE(kiosk.tap("Rhoi gwybod am dwll yn y ffordd"));
  ASSERT_TRUE(kiosk.speech().available()) << kiosk.speech().last_error();
  ASSERT_TRUE(kiosk.tap("Read aloud"));
  EXPECT_EQ(kiosk.speech().voice_language(), "cy");
  EXPECT_GT(kiosk.speech().samples().size(), 10000u) << "a question and its choices take seconds to say";
  kiosk.screenshot("read-aloud");
}

// Every character a resident can be shown (the catalogue in both languages,
// every translation) or can type has a glyph in each baked font: none may
// come out as ImGui's fallback "?".
TEST(Glyphs, EveryStringInTheCatalogueAndTranslationsIsInTheAtlas) {
  test_support::TempFolder data;
  KioskDriver kiosk(data.path(), std::string(ONESERVICE_SCREENSHOT_DIR) + "/Glyphs");
  const auto english = load_catalogue_file(std::string(ONESERVICE_ASSETS_DIR) + "/demo-council/catalogue.json");
  const Translator welsh("cy", default_locale_dir(), "demo-council");
  std::vector<std::string> texts;
  for (const auto& text : catalogue_texts(english)) {
    texts.push_back(text.text);
    texts.push_back(welsh.catalogue(text.text));
  }
  // The kiosk's own words, from the template, in both languages.
  for (const auto& msgid :
       i18n_testing::msgids(i18n_testing::read_text(std::string(ONESERVICE_ASSETS_DIR) + "/po/oneservice.pot"))) {
    texts.push_back(msgid);
    texts.push_back(welsh.tr(msgid.c_str()));
  }
  ASSERT_GT(texts.size(), 400u);
  const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  ASSERT_GE(atlas.Fonts.Size, 2);
  for (const ImFont* font : atlas.Fonts) {
    for (const auto& text : texts) {
      const char* at = text.c_str();
      const char* end = at + text.size();
      while (at < end) {
        unsigned int c = 0;
        at += ImTextCharFromUtf8(&c, at, end);
        if (c == '\n') continue;
        EXPECT_NE(font->FindGlyphNoFallback(static_cast<ImWchar>(c)), nullptr)
            << "U+" << std::hex << c << " in \"" << text << "\"";
      }
    }
  }
}

}  // namespace
}  // namespace oneservice::kiosk::testing
