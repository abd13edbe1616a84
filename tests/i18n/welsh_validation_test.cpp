// Validation messages in Welsh: the kiosk's Wording hook translates the
// templates, the translated catalogue fills in its labels and nouns.
#include <gtest/gtest.h>

#include "i18n/welsh.h"
#include "kiosk/catalogue_translation.h"
#include "kiosk/journey.h"
#include "shared/validation.h"

using namespace oneservice;
using namespace oneservice::kiosk;
using oneservice::i18n_testing::demo_catalogue;
using oneservice::i18n_testing::fixed_now;
using oneservice::i18n_testing::welsh;

namespace {

const Catalogue& welsh_catalogue() {
  static const Catalogue catalogue = translated(demo_catalogue(), welsh());
  return catalogue;
}

const Attribute& attribute(const Catalogue& catalogue, const std::string& service, const std::string& code) {
  return *catalogue.find_service(service)->find_attribute(code);
}

std::string message(const std::vector<FieldError>& errors) {
  EXPECT_EQ(errors.size(), 1u);
  return errors.empty() ? "" : errors.front().message;
}

std::string welsh_message(const std::string& service, const std::string& code, const AnswerValue* value) {
  return message(validate_answer(attribute(welsh_catalogue(), service, code), value, fixed_now(), welsh().wording()));
}

std::string welsh_message(const std::string& service, const std::string& code, const std::string& text) {
  const AnswerValue value = text;
  return welsh_message(service, code, &value);
}

ServiceRequest speeding_request() {
  ServiceRequest r;
  r.client_id = "3f2b8c1e-9d4a-4f6b-8e2d-1a2b3c4d5e6f";
  r.service_code = "speeding_traffic";
  r.answers = {{"speed_limit", std::string("60")},
               {"road_type", std::string("main_road")},
               {"time_of_day", std::vector<std::string>{"night"}},
               {"last_seen", std::string("2026-11-21")}};
  r.location.address_string = "Heol y Bont";
  r.created_at = "2026-11-22T14:00:00Z";
  return r;
}

}  // namespace

TEST(WelshValidation, MissingAnswer) {
  EXPECT_EQ(welsh_message("pothole", "depth_cm", nullptr), "Rhowch ddyfnder y twll mewn centimetrau");
  EXPECT_EQ(welsh_message("pothole", "road_or_pavement", nullptr),
            "Dewiswch a yw’r twll yn y ffordd neu ar y palmant");
  EXPECT_EQ(welsh_message("parking_permit", "email", ""), "Rhowch eich cyfeiriad e-bost");
}

TEST(WelshValidation, NumbersOutOfRangeAndNotWhole) {
  EXPECT_EQ(welsh_message("speeding_traffic", "vehicles_per_hour", "1001"),
            "Cerbydau’n goryrru mewn awr: rhaid i’r ateb fod rhwng 1 a 1,000");
  EXPECT_EQ(welsh_message("speeding_traffic", "vehicles_per_hour", "2.5"),
            "Cerbydau’n goryrru mewn awr: rhaid i’r ateb fod yn rhif cyfan");
  EXPECT_EQ(welsh_message("pothole", "depth_cm", "dwfn"), "Dyfnder mewn centimetrau: rhaid i’r ateb fod yn rhif");
  auto only_min = attribute(welsh_catalogue(), "pothole", "depth_cm");
  only_min.max.reset();
  const AnswerValue zero = std::string("0");
  EXPECT_EQ(message(validate_answer(only_min, &zero, fixed_now(), welsh().wording())),
            "Dyfnder mewn centimetrau: rhaid i’r ateb fod yn 1 neu fwy");
}

TEST(WelshValidation, DatesChoicesAndText) {
  EXPECT_EQ(welsh_message("speeding_traffic", "last_seen", "2027-01-01"),
            "Gwelwyd ddiwethaf: rhaid i’r dyddiad fod heddiw neu yn y gorffennol");
  EXPECT_EQ(welsh_message("speeding_traffic", "last_seen", "2026-02-30"),
            "Gwelwyd ddiwethaf: rhaid i’r ateb fod yn ddyddiad go iawn");
  EXPECT_EQ(welsh_message("speeding_traffic", "speed_limit", "90"),
            "Dewiswch y terfyn cyflymder o’r dewisiadau a roddir");
  EXPECT_EQ(welsh_message("parking_permit", "vehicle_registration", "CU57 ABCD"),
            "Rhif cofrestru’r cerbyd: rhaid i’r ateb fod yn 8 nod neu lai");
  EXPECT_EQ(welsh_message("parking_permit", "phone", "ffoniwch fi"),
            "Rhowch rif ffôn, fel 01632 960 001 neu 07700 900 982");
}

TEST(WelshValidation, TheRequestsOwnFields) {
  auto request = speeding_request();
  request.location = {};
  request.description = std::string(4001, 'a');
  request.contact.first_name = "Siân\x01";
  const auto errors = validate_request(welsh_catalogue(), request, fixed_now(), welsh().wording());
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].message, "Rhowch ble mae: cyfeiriad, lle neu bwynt ar y map");
  EXPECT_EQ(errors[1].message, "Disgrifiad: rhaid i’r ateb fod yn 4,000 nod neu lai");
  EXPECT_EQ(errors[2].message, "Enw: defnyddiwch lythrennau, bylchau, cysylltnodau a chollnodau yn unig");

  request = speeding_request();
  request.answers["colour"] = std::string("red");
  EXPECT_EQ(message(validate_request(welsh_catalogue(), request, fixed_now(), welsh().wording())),
            "Tynnwch yr ateb i “colour”: does gan y gwasanaeth ‘Rhoi gwybod am draffig sy’n goryrru’ ddim "
            "cwestiwn â’r cod hwnnw");
}

// Every message the demo catalogue can give, provoked in both languages: the
// Welsh one is never the English one.
TEST(WelshValidation, NoMessageIsLeftInEnglish) {
  const std::vector<AnswerValue> inputs = {
      std::string(""),     std::string("abc"),        std::string("2.5"),        std::string("99999"),
      std::string("0"),    std::string("2026-02-30"), std::string("2099-01-01"), std::string("\x01"),
      std::string(5000, 'x'), std::string("x@"),     std::vector<std::string>{"nope"}};
  int compared = 0;
  for (std::size_t s = 0; s < demo_catalogue().services.size(); ++s) {
    const auto& english = demo_catalogue().services[s];
    const auto& cy = welsh_catalogue().services[s];
    for (std::size_t a = 0; a < english.attributes.size(); ++a) {
      for (const auto& input : inputs) {
        const auto in_english = validate_answer(english.attributes[a], &input, fixed_now(), Wording::english());
        const auto in_welsh = validate_answer(cy.attributes[a], &input, fixed_now(), welsh().wording());
        ASSERT_EQ(in_welsh.size(), in_english.size());
        for (std::size_t i = 0; i < in_english.size(); ++i, ++compared)
          EXPECT_NE(in_welsh[i].message, in_english[i].message) << english.service_code << "." << english.attributes[a].code;
      }
    }
  }
  EXPECT_GT(compared, 100);
}

TEST(WelshValidation, TheJourneyShowsWelshMessages) {
  const JourneyContext context{welsh_catalogue(), {[] { return fixed_now(); }}, Channel::Kiosk, welsh().wording()};
  Journey journey;
  start_service(journey, context, "pothole");
  continue_page(journey, context);  // nothing chosen
  ASSERT_EQ(journey.errors.size(), 1u);
  EXPECT_EQ(journey.errors[0].message, "Dewiswch a yw’r twll yn y ffordd neu ar y palmant");
}
