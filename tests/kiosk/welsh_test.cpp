// A resident who chooses Cymraeg reads Welsh on every page: the kiosk's own
// words, the council's catalogue and the validation messages; and the
// request they send is the same request an English speaker would send.
#include <SDL.h>
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "i18n/po_support.h"
#include "kiosk/catalogue_translation.h"
#include "kiosk/location_description.h"
#include "kiosk/on_screen_keyboard.h"
#include "kiosk/translator.h"
#include "kiosk_driver.h"
#include "shared/catalogue_json.h"
#include "support/temp_folder.h"
#include "sync/outbox.h"
#include "support/stored_request.h"

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
  const auto stored = oneservice::sync::test::stored_request(kiosk.outbox(), *entry);
  EXPECT_EQ(std::get<std::string>(stored.answers.at("offensive")), "yes");
  const auto catalogue = load_catalogue_file(std::string(ONESERVICE_ASSETS_DIR) + "/demo-council/catalogue.json");
  EXPECT_EQ(stored.catalogue_version, catalogue.changeset);
  EXPECT_NE(catalogue.find_service("graffiti")->find_attribute("surface")->find_value(
                std::get<std::string>(stored.answers.at("surface"))),
            nullptr);
  // But it says the resident used Welsh, so the council writes to them in it.
  EXPECT_EQ(stored.language, "cy");
}

// The words of a line as a reader picks them out: runs of letters, lower
// case. Digits, punctuation and apostrophes end a word (sy’n: "sy", "n").
std::vector<std::string> words_of(const std::string& line) {
  std::vector<std::string> words;
  std::string word;
  const char* at = line.c_str();
  const char* end = at + line.size();
  while (at < end) {
    unsigned int c = 0;
    const int length = ImTextCharFromUtf8(&c, at, end);
    const bool letter = (c < 0x80 && std::isalpha(static_cast<int>(c))) ||
                        (c >= 0xC0 && c != 0xD7 && c != 0xF7 && !(c >= 0x2000 && c <= 0x206F));
    if (letter) {
      word += c < 0x80 ? std::string(1, static_cast<char>(std::tolower(static_cast<int>(c)))) : std::string(at, length);
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
    at += length;
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

// Every word of the Welsh translations, the kiosk's and the council's: a
// Welsh page may say these (the names the translators kept among them).
const std::set<std::string>& welsh_words() {
  static const std::set<std::string> words = [] {
    std::set<std::string> out;
    for (const auto& file : i18n_testing::po_files()) {
      if (file.size() < 6 || file.compare(file.size() - 6, 6, "/cy.po") != 0) continue;
      for (auto text : i18n_testing::translations(i18n_testing::read_text(file))) {
        // A placeholder's name ("{council}") is no word of the page.
        for (auto open = text.find('{'); open != std::string::npos; open = text.find('{', open)) {
          const auto close = text.find('}', open);
          if (close == std::string::npos) break;
          text.erase(open, close - open + 1);
        }
        for (auto& word : words_of(text)) out.insert(std::move(word));
      }
    }
    return out;
  }();
  return words;
}

// Names on the map that are names in any language: the landmarks and roads
// of the council's boundary file, and the areas' short labels.
std::set<std::string> map_name_words() {
  std::ifstream in(std::string(ONESERVICE_ASSETS_DIR) + "/demo-council/boundaries.geojson");
  const auto boundaries = nlohmann::json::parse(in);
  std::set<std::string> out;
  for (const auto& feature : boundaries.at("features")) {
    const auto& properties = feature.at("properties");
    const std::string kind = properties.at("kind");
    std::string name = properties.at("name");
    if (kind != "landmark" && kind != "road") name = area_label(name);
    for (auto& word : words_of(name)) out.insert(std::move(word));
  }
  return out;
}

// Fails for each line drawn on the page (read top to bottom) holding a
// word no Welsh translation uses, that is not a name on the map, not in
// one of `quoted` (what the resident typed, a reference, the council's own
// words shown as such) and not part of an email address. Single letters
// (keyboard keys, initials) are left out.
void expect_every_word_welsh(KioskDriver& kiosk, const std::string& where, const std::vector<std::string>& quoted = {}) {
  static const std::set<std::string> names = map_name_words();
  std::set<std::string> allowed;
  for (const auto& text : quoted)
    for (auto& word : words_of(text)) allowed.insert(std::move(word));
  // The language switch names English in English, as each language is
  // named; the keyboard's page keys show letters ("ABC", "âŵ"), not words.
  for (const char* shown : {"english", "abc", "âŵ"}) allowed.insert(shown);
  const auto lines = kiosk.read_page();
  ASSERT_FALSE(lines.empty()) << where;
  std::set<std::string> reported;
  for (const auto& line : lines) {
    std::string english;
    std::istringstream chunks(line);
    for (std::string chunk; chunks >> chunk;) {
      if (chunk.find('@') != std::string::npos) continue;
      for (const auto& word : words_of(chunk))
        if (word.size() > 1 && !welsh_words().count(word) && !names.count(word) && !allowed.count(word))
          english += (english.empty() ? "" : ", ") + word;
    }
    if (!english.empty() && reported.insert(line).second)
      ADD_FAILURE() << "English on " << where << ": \"" << line << "\" (" << english << ")";
  }
}

constexpr const char* kWelshBadEmail = "Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@example.com";

// Taps a field holding `length` characters, rubs them out and types anew.
bool retype(KioskDriver& kiosk, const std::string& field, int length, const std::string& text) {
  if (!kiosk.tap(field)) return false;
  for (int i = 0; i < length; ++i) kiosk.press_key(SDL_SCANCODE_BACKSPACE);
  kiosk.type(text);
  return true;
}

// From the services page in Welsh to the pothole's last question (optional).
void reach_pothole_more_details_in_welsh(KioskDriver& kiosk) {
  ASSERT_TRUE(kiosk.tap("Rhoi gwybod am dwll yn y ffordd"));
  ASSERT_TRUE(kiosk.tap("Yn y ffordd"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.tap("Llai na phlât cinio"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.fill("field:depth_cm", "10"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_EQ(kiosk.journey().question_code, "more_details");
}

// The one error on the page, as the journey holds it and as it is shown.
void expect_error(const KioskDriver& kiosk, const std::string& field, const std::string& welsh,
                  const std::string& where) {
  ASSERT_EQ(kiosk.journey().errors.size(), 1u) << where;
  EXPECT_EQ(kiosk.journey().errors.front().field, field) << where;
  EXPECT_EQ(kiosk.journey().errors.front().message, welsh) << where;
  EXPECT_TRUE(kiosk.shows(welsh)) << where;
  EXPECT_TRUE(kiosk.shows("Mae problem")) << where;
  expect_no_english(kiosk, where);
}

// A mistake on every kind of page the kiosk has is answered in Welsh: the
// question pages of each datatype the catalogue uses (lists of one and of
// many, a line, a number, a date, long text, an email address and a phone
// number), the location, the contact details, tracking and the PIN pad.
// The messages are the Welsh PO files' words with the Welsh catalogue's
// labels, written out here so a page that words them in English fails.
TEST(Welsh, AMistakeOnEveryKindOfPageIsAnsweredInWelsh) {
  test_support::TempFolder data;
  auto now = std::make_shared<TimePoint>(*parse_iso8601("2026-11-22T12:00:00Z"));
  KioskDriver kiosk(data.path(), std::string(ONESERVICE_SCREENSHOT_DIR) + "/WelshErrors", clock_at(now), false,
                    std::nullopt, "", with_pin());
  kiosk.start("cy");

  // Tracking: a reference this kiosk never gave.
  ASSERT_TRUE(kiosk.tap("Check progress"));
  ASSERT_TRUE(kiosk.fill("field:reference", "OS-AAAA-BBBB"));
  ASSERT_TRUE(kiosk.tap("Check"));
  EXPECT_TRUE(kiosk.shows("Ni wnaed unrhyw gais gyda’r cyfeirnod hwnnw ar y ciosg hwn."));
  EXPECT_FALSE(kiosk.shows("No request with that reference"));
  kiosk.screenshot("tracking");
  ASSERT_TRUE(kiosk.tap("Back"));

  // The PIN pad: a wrong PIN.
  ASSERT_TRUE(kiosk.press_and_hold(40, 40, std::chrono::seconds(3), *now));
  for (const char digit : std::string("1111")) ASSERT_TRUE(kiosk.tap(std::string("pin:") + digit));
  ASSERT_TRUE(kiosk.tap("Unlock"));
  EXPECT_TRUE(kiosk.shows("Nid yw’r PIN yn gywir. 4 cynnig arall cyn aros."));
  EXPECT_FALSE(kiosk.shows("That PIN is not right"));
  kiosk.screenshot("pin-pad");
  ASSERT_TRUE(kiosk.tap("Cancel"));

  // A list of many, and long text.
  ASSERT_TRUE(kiosk.tap("Rhoi gwybod am dipio anghyfreithlon"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  expect_error(kiosk, "waste_types", "Dewiswch beth sydd wedi cael ei ddympio", "a list of many");
  ASSERT_TRUE(kiosk.tap("Finish"));
  kiosk.start("cy");
  reach_pothole_more_details_in_welsh(kiosk);
  ASSERT_TRUE(kiosk.fill("field:more_details", std::string(4001, 'a')));
  ASSERT_TRUE(kiosk.tap("Continue"));
  expect_error(kiosk, "more_details", "Rhagor o fanylion: rhaid i’r ateb fod yn 4,000 nod neu lai", "long text");
  ASSERT_TRUE(kiosk.tap("Finish"));

  // A list of one, a line, a number, a date, an email address, a phone number.
  kiosk.start("cy");
  ASSERT_TRUE(kiosk.tap("Gwneud cais am drwydded parcio i breswylwyr"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  expect_error(kiosk, "zone", "Dewiswch y parth parcio", "a list of one");
  kiosk.screenshot("question");
  ASSERT_TRUE(kiosk.tap("Parth B Millbrook"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  expect_error(kiosk, "vehicle_registration", "Rhowch rif cofrestru’r cerbyd", "a line");
  ASSERT_TRUE(kiosk.fill("field:vehicle_registration", "CU57 ABC"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.fill("field:vehicle_make", "Ford"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.fill("field:number_of_permits", "3"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  expect_error(kiosk, "number_of_permits", "Nifer y trwyddedau: rhaid i’r ateb fod rhwng 1 a 2", "a number");
  ASSERT_TRUE(retype(kiosk, "field:number_of_permits", 1, "1"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.fill("field:start_date.Day", "31"));
  ASSERT_TRUE(kiosk.fill("field:start_date.Month", "2"));
  ASSERT_TRUE(kiosk.fill("field:start_date.Year", "2027"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  expect_error(kiosk, "start_date", "Dyddiad dechrau: rhaid i’r ateb fod yn ddyddiad go iawn", "a date");
  ASSERT_TRUE(retype(kiosk, "field:start_date.Day", 2, "1"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.fill("field:email", "enw.example.com"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  expect_error(kiosk, "email", kWelshBadEmail, "an email address question");
  ASSERT_TRUE(retype(kiosk, "field:email", 15, "enw@example.com"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.fill("field:phone", "1234567"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  expect_error(kiosk, "phone", "Rhowch rif ffôn, fel 01632 960 001 neu 07700 900 982", "a phone number question");
  ASSERT_TRUE(retype(kiosk, "field:phone", 7, "01632 960 001"));
  ASSERT_TRUE(kiosk.tap("Continue"));

  // The location, left empty.
  ASSERT_EQ(kiosk.journey().page, Page::Location);
  ASSERT_TRUE(kiosk.tap("Continue"));
  expect_error(kiosk, "location", "Rhowch ble mae: cyfeiriad, lle neu bwynt ar y map", "the location page");
  kiosk.screenshot("location");
  ASSERT_TRUE(kiosk.fill("field:location", "12 Heol y Bont"));
  ASSERT_TRUE(kiosk.tap("Continue"));

  // The contact details: an email address without its @.
  ASSERT_EQ(kiosk.journey().page, Page::Contact);
  ASSERT_TRUE(kiosk.fill("field:contact.email", "enw.example.com"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  expect_error(kiosk, "contact.email", kWelshBadEmail, "the contact page");
  kiosk.screenshot("contact");
  ASSERT_TRUE(retype(kiosk, "field:contact.email", 15, "enw@example.com"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  EXPECT_EQ(kiosk.journey().page, Page::CheckAnswers) << "a corrected page moves on";
}

// The Done-when of issue 17: a Welsh journey through every kind of page,
// reading every line each page draws from its top to its bottom, finds no
// English but names: speeding traffic (an information page, lists of one
// and of many, a number, a date), a mistake, the map with who deals with
// it, contact, check, confirmation, and Check progress after the council
// has answered.
TEST(Welsh, EveryWordDrawnOnAWelshJourneyIsWelsh) {
  test_support::TempFolder data;
  KioskDriver kiosk(data.path(), std::string(ONESERVICE_SCREENSHOT_DIR) + "/WelshEveryWord", fixed_clock());
  const Translator welsh("cy", default_locale_dir(), "demo-council");
  const auto council = [&](const char* english) { return welsh.catalogue(english); };
  kiosk.start("cy");
  expect_every_word_welsh(kiosk, "the services page");

  ASSERT_TRUE(kiosk.tap(council("Report speeding traffic")));
  expect_every_word_welsh(kiosk, "the information page");
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  expect_every_word_welsh(kiosk, "a list of one with a mistake");
  kiosk.screenshot("mistake");
  ASSERT_TRUE(kiosk.tap(council("30mph")));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.tap(council("A road through a village or housing estate")));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.tap(council("Yes")));
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_EQ(kiosk.journey().question_code, "time_of_day");
  expect_every_word_welsh(kiosk, "a list of many");
  const auto& texts = kiosk.probe().texts;
  EXPECT_EQ(std::count(texts.begin(), texts.end(), council("Select all that apply.")), 1)
      << "the council's hint says it already: once, in Welsh";
  kiosk.screenshot("list-of-many");
  ASSERT_TRUE(kiosk.tap(council("Morning rush hour")));
  ASSERT_TRUE(kiosk.tap("Continue"));
  expect_every_word_welsh(kiosk, "a number");
  ASSERT_TRUE(kiosk.tap("Continue"));
  expect_every_word_welsh(kiosk, "a date");
  ASSERT_TRUE(kiosk.fill("field:last_seen.Day", "20"));
  ASSERT_TRUE(kiosk.fill("field:last_seen.Month", "11"));
  ASSERT_TRUE(kiosk.fill("field:last_seen.Year", "2026"));
  ASSERT_TRUE(kiosk.tap("Continue"));

  ASSERT_EQ(kiosk.journey().page, Page::Location);
  ASSERT_TRUE(kiosk.fill("field:place-search", "hemb"));
  expect_every_word_welsh(kiosk, "the place search's results", {"hemb"});
  ASSERT_TRUE(kiosk.tap("place:Little Hembury Parish Council"));
  expect_every_word_welsh(kiosk, "the map with a place chosen");
  kiosk.screenshot("location");
  ASSERT_TRUE(kiosk.tap("Continue"));
  expect_every_word_welsh(kiosk, "the contact page");
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_EQ(kiosk.journey().page, Page::CheckAnswers);
  expect_every_word_welsh(kiosk, "check answers");
  ASSERT_TRUE(kiosk.tap("Send report"));
  ASSERT_EQ(kiosk.journey().page, Page::Confirmation);
  const std::string reference = kiosk.journey().reference;
  expect_every_word_welsh(kiosk, "the confirmation", {reference});
  kiosk.screenshot("confirmation");
  ASSERT_TRUE(kiosk.tap("Finish"));

  // The council has it, is looking into it, and wrote a note in English.
  const std::string note = "Our traffic team will put a speed camera on Church Lane next week.";
  ASSERT_NO_FATAL_FAILURE(council_takes(kiosk.outbox(), reference, "77",
                                        {{"u-1", "77", "OPEN", "2026-11-22T12:00:00Z", ""},
                                         {"u-2", "77", "INVESTIGATING", "2026-12-03T09:30:00Z", note}}));
  kiosk.start("cy");
  ASSERT_TRUE(kiosk.tap("Check progress"));
  ASSERT_TRUE(kiosk.fill("field:reference", reference));
  ASSERT_TRUE(kiosk.tap("Check"));
  EXPECT_TRUE(kiosk.shows(note)) << "the council's words as it wrote them";
  EXPECT_TRUE(kiosk.shows("Ysgrifennodd y cyngor:")) << "and said to be the council's";
  EXPECT_TRUE(kiosk.shows("Yn cael ei ymchwilio")) << "INVESTIGATING in words";
  EXPECT_TRUE(kiosk.shows("3 Rhagfyr 2026")) << "dates in words";
  for (const auto& line : kiosk.drawn_lines()) EXPECT_EQ(line.find("2026-"), std::string::npos) << line;
  expect_every_word_welsh(kiosk, "Check progress", {reference, note});
  kiosk.screenshot("check-progress");
}

// An optional question says so in the resident's language, after the
// question as the council translated it.
TEST(Welsh, AnOptionalQuestionSaysSoInWelsh) {
  test_support::TempFolder data;
  KioskDriver kiosk(data.path(), std::string(ONESERVICE_SCREENSHOT_DIR) + "/WelshOptional", fixed_clock());
  kiosk.start("cy");
  reach_pothole_more_details_in_welsh(kiosk);
  EXPECT_TRUE(kiosk.shows("Unrhyw beth arall y dylen ni ei wybod? (dewisol)"));
  EXPECT_FALSE(kiosk.shows("(optional)"));
  kiosk.screenshot("optional-question");
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
// every translation with each of its plural forms) or can type (every key of
// every page of the on-screen keyboard) has a glyph in each baked font: none
// may come out as ImGui's fallback "?".
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
  // The kiosk's own words and the council's, every string of every PO file
  // (the template's English, singular and plural, and each Welsh form).
  std::vector<std::string> files = i18n_testing::po_files();
  files.push_back(std::string(ONESERVICE_ASSETS_DIR) + "/po/oneservice.pot");
  for (const auto& file : files)
    for (const auto& text : i18n_testing::all_strings(i18n_testing::read_text(file))) texts.push_back(text);
  const auto welsh_forms = [&] {
    std::vector<std::string> forms;
    for (const long n : {0L, 1L, 2L, 3L, 6L, 7L})
      forms.push_back(welsh.trn("{count} service matches", "{count} services match", n));
    return forms;
  }();
  for (const auto& form : welsh_forms)
    EXPECT_NE(std::find(texts.begin(), texts.end(), form), texts.end()) << "Welsh plural form \"" << form << "\"";
  // What the keyboard's keys show and type, on every page, for every kind of
  // field, with and without shift.
  std::size_t keys = 0;
  for (const auto page : {ui::KeyboardPage::Letters, ui::KeyboardPage::Symbols, ui::KeyboardPage::Accents})
    for (const auto kind : {ui::FieldKind::Text, ui::FieldKind::Email, ui::FieldKind::Number, ui::FieldKind::Phone})
      for (const bool shift : {false, true})
        for (const auto& row : ui::keyboard_rows(page, kind, shift))
          for (const auto& key : row) {
            texts.push_back(key.caption);
            texts.push_back(key.text);
            ++keys;
          }
  ASSERT_GT(keys, 100u);
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
