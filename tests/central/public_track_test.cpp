// Track a request (issue 16): the page the kiosk's QR code opens, found by
// the device's reference or the council's id, in English and Welsh, with
// nothing personal on it and a helpful page for a reference that is not
// there.
#include <gtest/gtest.h>

#include <gmock/gmock.h>

#include "central/public/reference.h"
#include "central/public/words.h"
#include "public_fixture.h"
#include "shared/catalogue_json.h"
#include "shared/identity.h"

using namespace oneservice;
using namespace oneservice::central;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

namespace {

constexpr const char* kClientId = "6f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f";

httplib::Result get(const test::PublicServer& server, const std::string& path, const std::string& language = "") {
  auto client = server.client();
  httplib::Headers headers;
  if (!language.empty()) headers.emplace("Accept-Language", language);
  return client.Get(path, headers);
}

TEST(PublicTrack, TheDevicesReferenceFindsTheCaseWithNothingPersonalOnIt) {
  test::PublicServer server;
  const auto id = server.report(kClientId);
  const auto reference = local_reference(kClientId);
  const auto res = get(server, "/track/" + reference);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_THAT(res->get_header_value("Content-Type"), HasSubstr("text/html"));
  EXPECT_THAT(res->body, HasSubstr(reference));
  EXPECT_THAT(res->body, HasSubstr("Report a pothole"));
  EXPECT_THAT(res->body, HasSubstr("Received by the council"));
  EXPECT_THAT(res->body, HasSubstr("22 November 2026"));
  EXPECT_THAT(res->body, HasSubstr("Wealdshire County Council"));
  EXPECT_THAT(res->body, HasSubstr("customer.services@wealdshire.example")) << "who deals with it, and how";
  EXPECT_THAT(res->body, HasSubstr("Ashcombe District Council")) << "the area the report is in";
  EXPECT_THAT(test::personal_data_in(res->body), IsEmpty());
  EXPECT_THAT(res->body, Not(HasSubstr("<script")));
}

TEST(PublicTrack, TheCouncilsIdAndAReferenceTypedAnyHowFindTheSameCase) {
  test::PublicServer server;
  const auto id = server.report(kClientId);
  const auto reference = local_reference(kClientId);  // OS-XXXX-XXXX
  EXPECT_EQ(get(server, "/track/" + id)->status, 200);
  std::string typed;  // "os xxxx xxxx", lower case, spaces
  for (const char c : reference) typed += c == '-' ? ' ' : static_cast<char>(std::tolower(c));
  const auto res = get(server, "/track?ref=" + httplib::detail::encode_query_param(typed));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_THAT(res->body, HasSubstr(reference));
}

TEST(PublicTrack, EveryPublicUpdateShowsWithItsDateInWordsAndPrivateNotesNever) {
  test::PublicServer server;
  const auto id = server.report(kClientId);
  server.clock().set("2026-12-03T10:30:00Z");
  server.update(id, CaseStatus::Investigating, "An inspector will visit this week.");
  server.clock().set("2026-12-05T16:00:00Z");
  server.update(id, CaseStatus::Fixed, "Filled and sealed.");
  const auto res = get(server, "/track/" + local_reference(kClientId));
  ASSERT_TRUE(res);
  EXPECT_THAT(res->body, HasSubstr("Being looked into"));
  EXPECT_THAT(res->body, HasSubstr("An inspector will visit this week."));
  EXPECT_THAT(res->body, HasSubstr("3 December 2026 at 10:30"));
  EXPECT_THAT(res->body, HasSubstr("Filled and sealed."));
  EXPECT_THAT(res->body, HasSubstr("Fixed"));
  EXPECT_LT(res->body.find("Filled and sealed."), res->body.find("An inspector")) << "newest first";
  EXPECT_THAT(test::personal_data_in(res->body), IsEmpty()) << "the private note names the resident";
}

TEST(PublicTrack, AnUnknownReferenceGetsAHelpfulPageWithTheFormToTryAgain) {
  test::PublicServer server;
  const auto res = get(server, "/track/OS-ZZZZ-ZZZZ");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_THAT(res->get_header_value("Content-Type"), HasSubstr("text/html"));
  EXPECT_THAT(res->body, HasSubstr("We cannot find that reference"));
  EXPECT_THAT(res->body, HasSubstr("<form"));
  EXPECT_THAT(res->body, HasSubstr("01632 960000")) << "the council's phone number";
  const auto hostile = get(server, "/track/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  ASSERT_TRUE(hostile);
  EXPECT_EQ(hostile->status, 404);
  EXPECT_THAT(hostile->body, Not(HasSubstr("<script>")));
  EXPECT_THAT(hostile->body, HasSubstr("&lt;script&gt;"));
}

TEST(PublicTrack, AnEmptyOrUnreadableReferenceIsAnErrorMessageOnTheForm) {
  test::PublicServer server;
  const auto blank = get(server, "/track?ref=+");
  ASSERT_TRUE(blank);
  EXPECT_EQ(blank->status, 400);
  EXPECT_THAT(blank->body, HasSubstr("There is a problem"));
  EXPECT_THAT(blank->body, HasSubstr("Enter your reference"));
  EXPECT_THAT(blank->body, HasSubstr("<title>Error:"));
  EXPECT_THAT(blank->body, HasSubstr("href=\"#ref\""));
  const auto odd = get(server, "/track?ref=hello");
  ASSERT_TRUE(odd);
  EXPECT_EQ(odd->status, 400);
  EXPECT_THAT(odd->body, HasSubstr("as it was given to you"));
  const auto form = get(server, "/track");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->status, 200);
  EXPECT_THAT(form->body, Not(HasSubstr("There is a problem")));
}

TEST(PublicTrack, WelshFromAcceptLanguageOrTheSwitchLinkWithWelshErrors) {
  test::PublicServer server;
  const auto id = server.report(kClientId);
  server.update(id, CaseStatus::Investigating, "An inspector will visit.");
  const auto reference = local_reference(kClientId);
  const auto welsh = get(server, "/track/" + reference, "cy-GB,cy;q=0.9,en;q=0.5");
  ASSERT_TRUE(welsh);
  EXPECT_THAT(welsh->body, HasSubstr("<html lang=\"cy\""));
  EXPECT_THAT(welsh->body, HasSubstr("Yn cael ei ymchwilio"));
  EXPECT_THAT(welsh->body, HasSubstr("Tachwedd 2026"));
  EXPECT_THAT(welsh->body, HasSubstr("hreflang=\"en\"")) << "a link back to English";
  EXPECT_THAT(welsh->body, HasSubstr("An inspector will visit.")) << "the council's note as written";
  const auto switched = get(server, "/track/" + reference + "?lang=cy", "en");
  ASSERT_TRUE(switched);
  EXPECT_THAT(switched->body, HasSubstr("<html lang=\"cy\""));
  const auto english = get(server, "/track/" + reference);
  EXPECT_THAT(english->body, HasSubstr("href=\"/track/" + reference + "?lang=cy\""));
  const auto error = get(server, "/track?ref=&lang=cy");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->status, 400);
  EXPECT_THAT(error->body, HasSubstr("Mae problem"));
  EXPECT_THAT(error->body, HasSubstr("Rhowch eich cyfeirnod"));
  const auto missing = get(server, "/track/OS-ZZZZ-ZZZZ?lang=cy");
  EXPECT_EQ(missing->status, 404);
  EXPECT_THAT(missing->body, HasSubstr("Ni allwn ddod o hyd i’r cyfeirnod hwnnw"));
}

// The kiosk's QR code is the catalogue's tracking_url with the reference
// the confirmation shows; for the demo council it is central's own page.
TEST(PublicTrack, TheDemoCataloguesTrackingUrlOpensTheCasesLatestUpdate) {
  test::PublicServer server;
  const auto id = server.report(kClientId);
  server.update(id, CaseStatus::ActionScheduled, "Booked for Tuesday.");
  const auto catalogue = load_catalogue_file(std::string(ONESERVICE_ASSETS_DIR) + "/demo-council/catalogue.json");
  auto url = catalogue.tracking_url;
  const auto marker = url.find("{reference}");
  ASSERT_NE(marker, std::string::npos);
  url.replace(marker, 11, local_reference(kClientId));
  const std::string prefix = "http://127.0.0.1:8311";
  ASSERT_EQ(url.rfind(prefix, 0), 0u) << "the demo's central, as scripts/kiosk.sh starts it: " << url;
  const auto res = get(server, url.substr(prefix.size()));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_THAT(res->body, HasSubstr("Work has been planned"));
  EXPECT_THAT(res->body, HasSubstr("Booked for Tuesday."));
}

TEST(PublicTrack, AStoreThatCannotBeReadIsAnApologyInTheVisitorsLanguage) {
  test::PublicServer server;
  server.report(kClientId);
  {
    test::RawDb raw(server.store().path());
    ASSERT_EQ(raw.exec("ALTER TABLE cases RENAME TO cases_gone"), SQLITE_OK) << raw.last_error();
  }
  const auto res = get(server, "/track/" + local_reference(kClientId) + "?lang=cy");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 503);
  EXPECT_THAT(res->get_header_value("Content-Type"), HasSubstr("text/html"));
  EXPECT_THAT(res->body, HasSubstr("Mae’n ddrwg gennym, mae problem gyda’r gwasanaeth"));
}

TEST(PublicReference, ReadsWhatResidentsTypeAsTheyMeantIt) {
  using public_pages::read_reference;
  using Kind = public_pages::Reference::Kind;
  EXPECT_EQ(read_reference("OS-5BCJ-N6Z1")->text, "OS-5BCJ-N6Z1");
  EXPECT_EQ(read_reference(" os 5bcj n6zi ")->text, "OS-5BCJ-N6Z1") << "I read as 1";
  EXPECT_EQ(read_reference("OS5BCJN6ZL")->text, "OS-5BCJ-N6Z1") << "L read as 1";
  EXPECT_EQ(read_reference("os-5bcj-n6zo")->text, "OS-5BCJ-N6Z0") << "O read as 0";
  EXPECT_EQ(read_reference("17")->kind, Kind::Council);
  EXPECT_FALSE(read_reference("017"));
  EXPECT_FALSE(read_reference("OS-5BCJ-N6Z"));
  EXPECT_FALSE(read_reference("OS-5BCJ-N6ZU")) << "U is not in Crockford's alphabet";
  EXPECT_FALSE(read_reference("<b>"));
  EXPECT_FALSE(read_reference(""));
}

TEST(PublicWords, DatesAreOnTheUksClockAndEveryStatusHasItsOwnWordsInBothLanguages) {
  const i18n::Translators translators(ONESERVICE_LOCALE_DIR, "demo-council");
  const auto& en = translators.get("en");
  const auto& cy = translators.get("cy");
  EXPECT_EQ(public_pages::date_in_words(en, "2026-12-03T23:30:00Z"), "3 December 2026") << "GMT in winter";
  EXPECT_EQ(public_pages::date_in_words(en, "2026-07-03T23:30:00Z"), "4 July 2026") << "BST in summer";
  EXPECT_EQ(public_pages::date_and_time_in_words(en, "2026-03-29T00:59:00Z"), "29 March 2026 at 00:59");
  EXPECT_EQ(public_pages::date_and_time_in_words(en, "2026-03-29T01:00:00Z"), "29 March 2026 at 02:00");
  EXPECT_EQ(public_pages::date_and_time_in_words(en, "2026-10-25T00:59:00Z"), "25 October 2026 at 01:59");
  EXPECT_EQ(public_pages::date_and_time_in_words(en, "2026-10-25T01:00:00Z"), "25 October 2026 at 01:00");
  EXPECT_EQ(public_pages::date_in_words(cy, "2026-12-03T10:00:00Z"), "3 Rhagfyr 2026");
  std::set<std::string> english, welsh;
  for (const auto status : all_case_statuses()) {
    english.insert(public_pages::status_words(en, status));
    welsh.insert(public_pages::status_words(cy, status));
    EXPECT_NE(public_pages::status_words(cy, status), public_pages::status_words(en, status)) << to_string(status);
  }
  EXPECT_EQ(english.size(), all_case_statuses().size());
  EXPECT_EQ(welsh.size(), all_case_statuses().size());
}

TEST(PublicLanguage, MissingTranslationsAnswerInEnglishAndSayWhy) {
  test::TempFolder empty;
  const i18n::Translators translators(empty.path(), "demo-council");
  ASSERT_EQ(translators.problems().size(), 1u);
  EXPECT_THAT(translators.problems()[0], HasSubstr("\"cy\" are in English"));
  EXPECT_EQ(translators.get("cy").tr("Track a request"), "Track a request");
}

TEST(PublicLanguage, QueryThenAcceptLanguageByWeightThenEnglish) {
  using i18n::choose_language;
  EXPECT_EQ(choose_language("", ""), "en");
  EXPECT_EQ(choose_language("", "cy"), "cy");
  EXPECT_EQ(choose_language("", "fr, cy;q=0.8, en;q=0.9"), "en");
  EXPECT_EQ(choose_language("", "en;q=0.3, CY-gb;q=0.7"), "cy");
  EXPECT_EQ(choose_language("en", "cy"), "en");
  EXPECT_EQ(choose_language("cy", ""), "cy");
  EXPECT_EQ(choose_language("de", "cy;q=0"), "en");
}

}  // namespace
