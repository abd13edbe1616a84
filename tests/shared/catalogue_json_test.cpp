// parse_catalogue / load_catalogue_file: the demo catalogue, and every way a
// catalogue document can be wrong, each with a message that names the place.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "shared/catalogue_json.h"
#include "test_support.h"

using namespace oneservice;
using namespace oneservice::testing;
using ::testing::HasSubstr;
using nlohmann::json;

namespace {

// A small, valid catalogue the error tests break one piece at a time.
json minimal_catalogue() {
  return json::parse(R"({
    "changeset": "2026-01-01T00:00:00Z",
    "council": {"name": "Testshire", "tracking_url": "https://t.example/{reference}"},
    "services": [{
      "service_code": "svc",
      "service_name": "A service",
      "group": "Group A",
      "attributes": [
        {"code": "colour", "datatype": "singlevaluelist", "required": true, "order": 1,
         "description": "What colour?", "values": [{"key": "red", "name": "Red"}, {"key": "blue", "name": "Blue"}]},
        {"code": "shade", "datatype": "string", "order": 2, "description": "Which shade?",
         "shown_when": [{"code": "colour", "any_of": ["red"]}]}
      ]
    }]
  })");
}

// The FormatError message for a document, or "" when it parses.
std::string error_for(const json& document) {
  try {
    parse_catalogue(document.dump());
  } catch (const FormatError& e) {
    return e.what();
  }
  return "";
}

std::string error_for_text(const std::string& text) {
  try {
    parse_catalogue(text);
  } catch (const FormatError& e) {
    return e.what();
  }
  return "";
}

json& first_attributes(json& document) { return document["services"][0]["attributes"]; }

}  // namespace

TEST(DemoCatalogue, LoadsWithChangesetAndCouncil) {
  const auto& catalogue = demo_catalogue();
  EXPECT_EQ(catalogue.changeset, "2026-11-01T09:00:00Z");
  EXPECT_EQ(catalogue.council_name, "Wealdshire County Council");
  EXPECT_THAT(catalogue.tracking_url, HasSubstr("{reference}"));
  EXPECT_GE(catalogue.services.size(), 6u);
}

TEST(DemoCatalogue, HasTheServicesTheReadmeLists) {
  const auto& catalogue = demo_catalogue();
  for (const char* code : {"pothole", "speeding_traffic", "missed_bin", "fly_tipping", "street_light",
                           "graffiti", "parking_permit"})
    EXPECT_NE(catalogue.find_service(code), nullptr) << code;
  EXPECT_EQ(catalogue.find_service("no_such_service"), nullptr);
  EXPECT_EQ(demo_service("parking_permit").type, ServiceType::Batch);
  EXPECT_EQ(demo_service("parking_permit").submit_label, "Send application");
  EXPECT_EQ(demo_service("pothole").type, ServiceType::Realtime);
  EXPECT_EQ(demo_service("pothole").responsible, ResponsibleLevel::County);
  EXPECT_EQ(demo_service("missed_bin").responsible, ResponsibleLevel::District);
}

TEST(DemoCatalogue, GroupsInFirstSeenOrder) {
  const auto groups = demo_catalogue().groups();
  EXPECT_EQ(groups, (std::vector<std::string>{"Roads and pavements", "Bins and recycling",
                                              "Streets and environment", "Parking"}));
}

TEST(DemoCatalogue, EverySixDatatypeAppears) {
  std::set<Datatype> seen;
  for (const auto& service : demo_catalogue().services)
    for (const auto& attribute : service.attributes) seen.insert(attribute.datatype);
  for (const auto datatype : {Datatype::String, Datatype::Number, Datatype::Datetime, Datatype::Text,
                              Datatype::SingleValueList, Datatype::MultiValueList})
    EXPECT_TRUE(seen.count(datatype)) << to_string(datatype);
}

TEST(DemoCatalogue, AttributesAreSortedByOrder) {
  for (const auto& service : demo_catalogue().services)
    for (std::size_t i = 1; i < service.attributes.size(); ++i)
      EXPECT_LT(service.attributes[i - 1].order, service.attributes[i].order) << service.service_code;
}

TEST(DemoCatalogue, SpeedingTrafficHasTheDecidingQuestionsAndRouting) {
  const auto& service = demo_service("speeding_traffic");
  for (const char* code : {"speed_limit", "road_type", "speedwatch"})
    ASSERT_NE(service.find_attribute(code), nullptr) << code;
  EXPECT_EQ(service.responsible, ResponsibleLevel::District);
  ASSERT_EQ(service.routing.size(), 1u);
  const auto& rule = service.routing[0];
  EXPECT_EQ(rule.responsible, ResponsibleLevel::Parish);
  ASSERT_EQ(rule.when.size(), 3u);
  EXPECT_EQ(rule.when[0].code, "speed_limit");
  EXPECT_EQ(rule.when[0].any_of, (std::vector<std::string>{"20", "30"}));
  EXPECT_EQ(rule.when[1].code, "road_type");
  EXPECT_EQ(rule.when[1].any_of, (std::vector<std::string>{"village"}));
  EXPECT_EQ(rule.when[2].code, "speedwatch");
  EXPECT_EQ(rule.when[2].any_of, (std::vector<std::string>{"yes"}));

  const auto& speedwatch = *service.find_attribute("speedwatch");
  ASSERT_EQ(speedwatch.shown_when.size(), 2u);
  EXPECT_EQ(speedwatch.shown_when[0].code, "speed_limit");
  EXPECT_EQ(speedwatch.shown_when[1].code, "road_type");
}

TEST(DemoCatalogue, ExtensionsAreRead) {
  const auto& vehicles = demo_attribute("speeding_traffic", "vehicles_per_hour");
  EXPECT_EQ(vehicles.datatype, Datatype::Number);
  EXPECT_TRUE(vehicles.integer);
  EXPECT_EQ(vehicles.min, 1.0);
  EXPECT_EQ(vehicles.max, 1000.0);
  EXPECT_EQ(vehicles.hint, "A rough guess is fine.");

  EXPECT_TRUE(demo_attribute("speeding_traffic", "last_seen").not_in_future);
  EXPECT_FALSE(demo_attribute("speeding_traffic", "danger_now").variable);
  EXPECT_EQ(demo_attribute("fly_tipping", "enforcement_case").automated, Automation::ServerSet);
  EXPECT_EQ(demo_attribute("parking_permit", "email").input, InputKind::Email);
  EXPECT_EQ(demo_attribute("parking_permit", "phone").input, InputKind::Phone);
  EXPECT_EQ(demo_attribute("parking_permit", "vehicle_registration").max_length, 8u);
  EXPECT_EQ(demo_attribute("pothole", "more_details").max_length, 4000u);
  const auto& size = demo_attribute("pothole", "pothole_size");
  ASSERT_NE(size.find_value("about_plate"), nullptr);
  EXPECT_EQ(size.find_value("about_plate")->name, "About the size of a dinner plate");
  EXPECT_EQ(size.find_value("huge"), nullptr);
}

TEST(DemoCatalogue, EveryRequiredVisibleQuestionHasSummaryAndErrorNoun) {
  int checked = 0;
  for (const auto& service : demo_catalogue().services) {
    EXPECT_FALSE(service.service_name.empty()) << service.service_code;
    EXPECT_FALSE(service.location_question.empty()) << service.service_code;
    EXPECT_FALSE(service.next_steps.empty()) << service.service_code;
    for (const auto& attribute : service.attributes) {
      if (!attribute.required || !attribute.variable || attribute.automated != Automation::None) continue;
      ++checked;
      EXPECT_FALSE(attribute.summary.empty()) << service.service_code << "." << attribute.code;
      EXPECT_FALSE(attribute.error_noun.empty()) << service.service_code << "." << attribute.code;
      // error_noun completes "Enter ..." / "Select ...", so it starts lower case.
      EXPECT_TRUE(std::islower(static_cast<unsigned char>(attribute.error_noun.front())))
          << service.service_code << "." << attribute.code;
    }
  }
  EXPECT_GT(checked, 20);
}

TEST(DemoCatalogue, EveryListQuestionHasDistinctValues) {
  for (const auto& service : demo_catalogue().services)
    for (const auto& attribute : service.attributes) {
      if (attribute.datatype != Datatype::SingleValueList && attribute.datatype != Datatype::MultiValueList)
        continue;
      EXPECT_GE(attribute.values.size(), 2u) << attribute.code;
      std::set<std::string> keys;
      for (const auto& value : attribute.values) {
        EXPECT_TRUE(keys.insert(value.key).second) << attribute.code << " repeats " << value.key;
        EXPECT_FALSE(value.name.empty()) << attribute.code;
      }
    }
}

TEST(DemoCatalogue, BoundariesFileHasTheAreasTheReadmeDescribes) {
  std::ifstream in(std::string(ONESERVICE_ASSETS_DIR) + "/demo-council/boundaries.geojson");
  ASSERT_TRUE(in);
  const auto document = json::parse(in);
  EXPECT_EQ(document.at("type"), "FeatureCollection");
  std::map<std::string, int> kinds;
  std::set<std::string> ids;
  for (const auto& feature : document.at("features")) {
    const auto& properties = feature.at("properties");
    ++kinds[properties.at("kind").get<std::string>()];
    EXPECT_TRUE(ids.insert(properties.at("id").get<std::string>()).second);
  }
  EXPECT_EQ(kinds["county"], 1);
  EXPECT_EQ(kinds["district"], 3);
  EXPECT_EQ(kinds["parish"], 10);
  EXPECT_EQ(kinds["road"], 4);
  EXPECT_EQ(kinds["landmark"], 5);
  EXPECT_TRUE(ids.count("parish-little-hembury"));
  EXPECT_TRUE(ids.count("district-kingsford"));
}

TEST(CatalogueJson, MinimalCatalogueParses) {
  const auto catalogue = parse_catalogue(minimal_catalogue().dump());
  EXPECT_EQ(catalogue.changeset, "2026-01-01T00:00:00Z");
  EXPECT_EQ(catalogue.council_name, "Testshire");
  ASSERT_EQ(catalogue.services.size(), 1u);
  const auto& service = catalogue.services[0];
  EXPECT_EQ(service.type, ServiceType::Realtime);  // the default
  ASSERT_EQ(service.attributes.size(), 2u);
  EXPECT_TRUE(service.attributes[1].variable);  // the default
  EXPECT_FALSE(service.attributes[1].required);
  EXPECT_EQ(service.attributes[1].input, InputKind::Text);
  EXPECT_EQ(service.attributes[1].automated, Automation::None);
}

TEST(CatalogueJson, AttributesAreSortedByOrderWhateverTheFileOrder) {
  auto document = minimal_catalogue();
  auto& attributes = first_attributes(document);
  std::swap(attributes[0], attributes[1]);
  const auto catalogue = parse_catalogue(document.dump());
  EXPECT_EQ(catalogue.services[0].attributes[0].code, "colour");
  EXPECT_EQ(catalogue.services[0].attributes[1].code, "shade");
}

TEST(CatalogueJson, NumericValueKeysBecomeText) {
  auto document = minimal_catalogue();
  first_attributes(document)[0]["values"] = json::parse(R"([{"key": 20, "name": "20mph"}, {"key": "30", "name": "30mph"}])");
  first_attributes(document)[1]["shown_when"][0]["any_of"] = {"20"};
  const auto catalogue = parse_catalogue(document.dump());
  ASSERT_NE(catalogue.services[0].attributes[0].find_value("20"), nullptr);
  EXPECT_NE(catalogue.services[0].attributes[0].find_value("30"), nullptr);
}

TEST(CatalogueJson, DatatypeNamesRoundTrip) {
  for (const auto datatype : {Datatype::String, Datatype::Number, Datatype::Datetime, Datatype::Text,
                              Datatype::SingleValueList, Datatype::MultiValueList}) {
    auto document = minimal_catalogue();
    auto& attribute = first_attributes(document)[1];
    attribute["datatype"] = to_string(datatype);
    if (datatype == Datatype::SingleValueList || datatype == Datatype::MultiValueList)
      attribute["values"] = json::parse(R"([{"key": "a", "name": "A"}])");
    const auto catalogue = parse_catalogue(document.dump());
    EXPECT_EQ(catalogue.services[0].attributes[1].datatype, datatype) << to_string(datatype);
  }
}

TEST(CatalogueJson, MalformedJsonNamesLineAndColumn) {
  const auto message = error_for_text("{\n  \"changeset\": \"x\",\n  \"services\": [\n    {,}\n  ]\n}");
  EXPECT_THAT(message, HasSubstr("not valid JSON"));
  EXPECT_THAT(message, HasSubstr("line 4"));
  EXPECT_THAT(message, HasSubstr("column"));
}

// Found by fuzz/catalogue_json: 1e400 escaped as nlohmann's out_of_range.
TEST(CatalogueJson, NumberTooLargeIsNotJson) {
  EXPECT_THAT(error_for_text(R"({"changeset": "x", "services": [], "n": 1e400})"), HasSubstr("not valid JSON"));
}

TEST(CatalogueJson, EmptyTextIsNotJson) {
  EXPECT_THAT(error_for_text(""), HasSubstr("not valid JSON"));
}

TEST(CatalogueJson, DocumentMustBeAnObject) {
  EXPECT_THAT(error_for_text("[1, 2]"), HasSubstr("document must be a JSON object"));
}

TEST(CatalogueJson, MissingChangeset) {
  auto document = minimal_catalogue();
  document.erase("changeset");
  EXPECT_THAT(error_for(document), HasSubstr("document has no \"changeset\""));
}

TEST(CatalogueJson, ChangesetMustBeText) {
  auto document = minimal_catalogue();
  document["changeset"] = 7;
  EXPECT_THAT(error_for(document), HasSubstr("document.changeset must be text"));
}

TEST(CatalogueJson, NoServices) {
  auto document = minimal_catalogue();
  document["services"] = json::array();
  EXPECT_THAT(error_for(document), HasSubstr("has no services"));
  document["services"] = "pothole";
  EXPECT_THAT(error_for(document), HasSubstr("document.services must be a list"));
}

TEST(CatalogueJson, UnknownDatatype) {
  auto document = minimal_catalogue();
  first_attributes(document)[1]["datatype"] = "colour";
  const auto message = error_for(document);
  EXPECT_THAT(message, HasSubstr("service \"svc\".attributes[1]"));
  EXPECT_THAT(message, HasSubstr("has datatype \"colour\""));
  EXPECT_THAT(message, HasSubstr("use string, number, datetime, text, singlevaluelist or multivaluelist"));
}

TEST(CatalogueJson, DuplicateServiceCodes) {
  auto document = minimal_catalogue();
  document["services"].push_back(document["services"][0]);
  EXPECT_THAT(error_for(document), HasSubstr("has two services with the code \"svc\""));
}

TEST(CatalogueJson, DuplicateQuestionCodes) {
  auto document = minimal_catalogue();
  auto copy = first_attributes(document)[0];
  copy["order"] = 3;
  first_attributes(document).push_back(copy);
  EXPECT_THAT(error_for(document), HasSubstr("service \"svc\" has two questions with the code \"colour\""));
}

TEST(CatalogueJson, ShownWhenReferringToALaterQuestion) {
  auto document = minimal_catalogue();
  first_attributes(document)[0]["order"] = 5;  // colour now comes after shade
  const auto message = error_for(document);
  EXPECT_THAT(message, HasSubstr("question \"shade\" shown_when"));
  EXPECT_THAT(message, HasSubstr("refers to \"colour\", which is not asked earlier"));
}

TEST(CatalogueJson, ShownWhenReferringToItself) {
  auto document = minimal_catalogue();
  first_attributes(document)[1]["shown_when"][0]["code"] = "shade";
  EXPECT_THAT(error_for(document), HasSubstr("refers to \"shade\", which is not asked earlier"));
}

TEST(CatalogueJson, ShownWhenReferringToAnUnknownQuestion) {
  auto document = minimal_catalogue();
  first_attributes(document)[1]["shown_when"][0]["code"] = "flavour";
  EXPECT_THAT(error_for(document), HasSubstr("refers to \"flavour\", which is not a question of this service"));
}

TEST(CatalogueJson, ShownWhenReferringToAnUnknownValue) {
  auto document = minimal_catalogue();
  first_attributes(document)[1]["shown_when"][0]["any_of"] = {"red", "green"};
  EXPECT_THAT(error_for(document), HasSubstr("refers to \"green\", which is not a value of \"colour\""));
}

TEST(CatalogueJson, ShownWhenMustHoldObjects) {
  auto document = minimal_catalogue();
  first_attributes(document)[1]["shown_when"] = {"colour"};
  EXPECT_THAT(error_for(document), HasSubstr("shown_when[0] must be an object with code and any_of"));
  document = minimal_catalogue();
  first_attributes(document)[1]["shown_when"][0].erase("code");
  EXPECT_THAT(error_for(document), HasSubstr("shown_when[0] has no \"code\""));
  document = minimal_catalogue();
  first_attributes(document)[1]["shown_when"][0]["any_of"] = {1};
  EXPECT_THAT(error_for(document), HasSubstr("any_of must list text values"));
}

TEST(CatalogueJson, RoutingRulesAreChecked) {
  auto document = minimal_catalogue();
  document["services"][0]["routing"] = json::parse(R"([{"when": [{"code": "colour", "any_of": ["red"]}], "responsible": "parish"}])");
  const auto catalogue = parse_catalogue(document.dump());
  ASSERT_EQ(catalogue.services[0].routing.size(), 1u);
  EXPECT_EQ(catalogue.services[0].routing[0].responsible, ResponsibleLevel::Parish);

  document["services"][0]["routing"][0]["when"][0]["any_of"] = {"purple"};
  EXPECT_THAT(error_for(document), HasSubstr("routing[0] refers to \"purple\", which is not a value of \"colour\""));
  document["services"][0]["routing"][0]["when"][0]["code"] = "mood";
  EXPECT_THAT(error_for(document), HasSubstr("routing[0] refers to \"mood\", which is not a question of this service"));
  document["services"][0]["routing"][0].erase("responsible");
  EXPECT_THAT(error_for(document), HasSubstr("routing[0] has no \"responsible\""));
}

TEST(CatalogueJson, ListQuestionWithoutValues) {
  auto document = minimal_catalogue();
  first_attributes(document)[0]["values"] = json::array();
  first_attributes(document)[1].erase("shown_when");
  EXPECT_THAT(error_for(document), HasSubstr("service \"svc\".attributes[0] is a list question with no values"));

  document = minimal_catalogue();
  first_attributes(document)[1]["datatype"] = "multivaluelist";
  EXPECT_THAT(error_for(document), HasSubstr("attributes[1] is a list question with no values"));
}

TEST(CatalogueJson, InformationOnlyListNeedsNoValues) {
  auto document = minimal_catalogue();
  first_attributes(document)[1]["datatype"] = "singlevaluelist";
  first_attributes(document)[1]["variable"] = false;
  EXPECT_EQ(error_for(document), "");
}

TEST(CatalogueJson, ValuesMustHaveKeysAndNames) {
  auto document = minimal_catalogue();
  first_attributes(document)[0]["values"][0].erase("key");
  EXPECT_THAT(error_for(document), HasSubstr("has a value with no key"));
  document = minimal_catalogue();
  first_attributes(document)[0]["values"][0].erase("name");
  EXPECT_THAT(error_for(document), HasSubstr("values has no \"name\""));
  document = minimal_catalogue();
  first_attributes(document)[0]["values"] = {"red"};
  EXPECT_THAT(error_for(document), HasSubstr("must hold {key, name} objects"));
}

TEST(CatalogueJson, MissingRequiredFields) {
  auto document = minimal_catalogue();
  document["services"][0].erase("service_code");
  EXPECT_THAT(error_for(document), HasSubstr("services[0] has no \"service_code\""));
  document = minimal_catalogue();
  document["services"][0].erase("service_name");
  EXPECT_THAT(error_for(document), HasSubstr("service \"svc\" has no \"service_name\""));
  document = minimal_catalogue();
  first_attributes(document)[1].erase("code");
  EXPECT_THAT(error_for(document), HasSubstr("attributes[1] has no \"code\""));
  document = minimal_catalogue();
  first_attributes(document)[1].erase("description");
  EXPECT_THAT(error_for(document), HasSubstr("attributes[1] has no \"description\""));
  document = minimal_catalogue();
  first_attributes(document)[1].erase("datatype");
  EXPECT_THAT(error_for(document), HasSubstr("attributes[1] has no \"datatype\""));
}

// Found by fuzz/catalogue_json: 1e300 was cast to int and size_t (undefined
// behaviour) and 2.5 quietly became 2.
TEST(CatalogueJson, OrderAndMaxLengthAreWholeNumbers) {
  for (const char* key : {"order", "max_length"}) {
    for (const json& number : {json(1e300), json(-1e300), json(2.5), json(2147483648.0)}) {
      auto document = minimal_catalogue();
      first_attributes(document)[1][key] = number;
      EXPECT_THAT(error_for(document), HasSubstr(std::string("attributes[1].") + key + " must be a whole number"))
          << key << " " << number.dump();
    }
  }
  auto document = minimal_catalogue();
  first_attributes(document)[1]["max_length"] = 80.0;
  EXPECT_EQ(parse_catalogue(document.dump()).services[0].attributes[1].max_length, 80u);
}

TEST(CatalogueJson, WrongTypesAreNamed) {
  auto document = minimal_catalogue();
  first_attributes(document)[1]["required"] = "yes";
  EXPECT_THAT(error_for(document), HasSubstr("attributes[1].required must be true or false"));
  document = minimal_catalogue();
  first_attributes(document)[1]["min"] = "1";
  EXPECT_THAT(error_for(document), HasSubstr("attributes[1].min must be a number"));
  document = minimal_catalogue();
  first_attributes(document)[1]["max_length"] = 0;
  EXPECT_THAT(error_for(document), HasSubstr("attributes[1].max_length must be 1 or more"));
  document = minimal_catalogue();
  first_attributes(document)[1]["automated"] = "robot";
  EXPECT_THAT(error_for(document), HasSubstr("attributes[1].automated must be server_set or hidden_field"));
  document = minimal_catalogue();
  first_attributes(document)[1]["input"] = "fax";
  EXPECT_THAT(error_for(document), HasSubstr("attributes[1].input must be text, email, phone or postcode"));
  document = minimal_catalogue();
  document["services"][0]["type"] = "sometimes";
  EXPECT_THAT(error_for(document), HasSubstr("service \"svc\".type must be realtime, batch or blackbox"));
  document = minimal_catalogue();
  document["services"][0]["responsible"] = "ward";
  EXPECT_THAT(error_for(document), HasSubstr("service \"svc\".responsible must be county, district or parish"));
  document = minimal_catalogue();
  document["services"][0]["routing"] = json::parse(R"([{"when": [], "responsible": "County"}])");
  EXPECT_THAT(error_for(document), HasSubstr("service \"svc\".routing[0].responsible must be county, district or parish"));
  document = minimal_catalogue();
  document["services"][0]["attributes"] = "colour";
  EXPECT_THAT(error_for(document), HasSubstr("service \"svc\".attributes must be a list"));
  document = minimal_catalogue();
  document["services"][0] = "svc";
  EXPECT_THAT(error_for(document), HasSubstr("services[0] must be an object"));
}

TEST(CatalogueJson, AutomationAndInputKindsAreRead) {
  auto document = minimal_catalogue();
  auto& attributes = first_attributes(document);
  attributes[1].erase("shown_when");
  for (const auto& [automated, input, order] :
       std::vector<std::tuple<const char*, const char*, int>>{
           {"server_set", "text", 3}, {"hidden_field", "email", 4}, {"", "phone", 5}, {"", "postcode", 6}}) {
    auto attribute = attributes[1];
    attribute["code"] = "a" + std::to_string(order);
    attribute["order"] = order;
    if (*automated) attribute["automated"] = automated;
    attribute["input"] = input;
    attributes.push_back(attribute);
  }
  const auto catalogue = parse_catalogue(document.dump());
  const auto& service = catalogue.services[0];
  EXPECT_EQ(service.find_attribute("a3")->automated, Automation::ServerSet);
  EXPECT_EQ(service.find_attribute("a4")->automated, Automation::HiddenField);
  EXPECT_EQ(service.find_attribute("a4")->input, InputKind::Email);
  EXPECT_EQ(service.find_attribute("a5")->input, InputKind::Phone);
  EXPECT_EQ(service.find_attribute("a6")->input, InputKind::Postcode);
  EXPECT_EQ(service.find_attribute("a6")->automated, Automation::None);
}

TEST(CatalogueJson, MissingFileIsNamed) {
  try {
    load_catalogue_file("/nonexistent/oneservice/catalogue.json");
    FAIL() << "expected FormatError";
  } catch (const FormatError& e) {
    EXPECT_THAT(e.what(), HasSubstr("Cannot open the catalogue file /nonexistent/oneservice/catalogue.json"));
  }
}

TEST(CatalogueJson, BadFileContentNamesTheFile) {
  const auto path = ::testing::TempDir() + "oneservice_bad_catalogue.json";
  {
    std::ofstream out(path, std::ios::binary);
    out << "{\"services\": []}";
  }
  try {
    load_catalogue_file(path);
    ADD_FAILURE() << "expected FormatError";
  } catch (const FormatError& e) {
    EXPECT_THAT(e.what(), HasSubstr(path + ": "));
    EXPECT_THAT(e.what(), HasSubstr("has no \"changeset\""));
  }
  std::remove(path.c_str());
}

TEST(CatalogueJson, InvalidUtf8IsRefused) {
  std::string text = minimal_catalogue().dump();
  const auto at = text.find("A service");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 1, "\xC3\x28");
  EXPECT_FALSE(error_for_text(text).empty());
}
