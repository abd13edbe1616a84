// The catalogue model's rules: which questions are shown and asked given the
// answers so far, and which answers survive a changed earlier answer.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "shared/answers.h"
#include "shared/catalogue.h"
#include "test_support.h"

using namespace oneservice;
using namespace oneservice::testing;

namespace {

std::vector<std::string> codes(const std::vector<const Attribute*>& attributes) {
  std::vector<std::string> out;
  for (const auto* attribute : attributes) out.push_back(attribute->code);
  return out;
}

bool shown(const Service& service, const Answers& answers, const std::string& code) {
  const auto visible = codes(visible_attributes(service, answers));
  return std::find(visible.begin(), visible.end(), code) != visible.end();
}

}  // namespace

TEST(DemoCatalogue, Loads) {
  const auto catalogue = load_catalogue_file(demo_catalogue_path());
  EXPECT_GE(catalogue.services.size(), 6u);
}

TEST(Answers, EmptyAnswers) {
  EXPECT_TRUE(answer_is_empty(AnswerValue{std::string{}}));
  EXPECT_TRUE(answer_is_empty(AnswerValue{std::string{" \t\n "}}));
  EXPECT_TRUE(answer_is_empty(AnswerValue{std::vector<std::string>{}}));
  EXPECT_TRUE(answer_is_empty(AnswerValue{std::vector<std::string>{"", "  "}}));
  EXPECT_FALSE(answer_is_empty(AnswerValue{std::string{"x"}}));
  EXPECT_FALSE(answer_is_empty(AnswerValue{std::string{" 0 "}}));
  EXPECT_FALSE(answer_is_empty(AnswerValue{std::vector<std::string>{"", "a"}}));
}

TEST(Answers, AsList) {
  EXPECT_EQ(answer_as_list(AnswerValue{std::string{"a"}}), (std::vector<std::string>{"a"}));
  EXPECT_TRUE(answer_as_list(AnswerValue{std::string{"   "}}).empty());
  EXPECT_EQ(answer_as_list(AnswerValue{std::vector<std::string>{"a", "b"}}),
            (std::vector<std::string>{"a", "b"}));
}

TEST(Catalogue, FindersReturnNullForUnknownCodes) {
  const auto& service = demo_service("pothole");
  EXPECT_EQ(service.find_attribute("depth_cm")->code, "depth_cm");
  EXPECT_EQ(service.find_attribute("nope"), nullptr);
  EXPECT_EQ(demo_catalogue().find_service(""), nullptr);
}

TEST(Catalogue, LabelFallsBackToDescription) {
  Attribute attribute;
  attribute.description = "What is it?";
  EXPECT_EQ(attribute.label(), "What is it?");
  attribute.summary = "Thing";
  EXPECT_EQ(attribute.label(), "Thing");
}

TEST(Catalogue, ConditionsHold) {
  const std::vector<Condition> conditions = {{"speed_limit", {"20", "30"}}, {"road_type", {"village"}}};
  EXPECT_TRUE(conditions_hold({}, {}));
  EXPECT_FALSE(conditions_hold(conditions, {}));
  EXPECT_FALSE(conditions_hold(conditions, {{"speed_limit", std::string("20")}}));
  EXPECT_TRUE(conditions_hold(conditions, {{"speed_limit", std::string("20")}, {"road_type", std::string("village")}}));
  EXPECT_TRUE(conditions_hold(conditions, {{"speed_limit", std::string("30")}, {"road_type", std::string("village")}}));
  EXPECT_FALSE(conditions_hold(conditions, {{"speed_limit", std::string("40")}, {"road_type", std::string("village")}}));
  EXPECT_FALSE(conditions_hold(conditions, {{"speed_limit", std::string("20")}, {"road_type", std::string("main_road")}}));
  EXPECT_FALSE(conditions_hold(conditions, {{"speed_limit", std::string("")}, {"road_type", std::string("village")}}));
  // A list answer satisfies a condition when any of its items does.
  EXPECT_TRUE(conditions_hold({{"kinds", {"b"}}}, {{"kinds", std::vector<std::string>{"a", "b"}}}));
  EXPECT_FALSE(conditions_hold({{"kinds", {"c"}}}, {{"kinds", std::vector<std::string>{"a", "b"}}}));
  EXPECT_FALSE(conditions_hold({{"kinds", {"c"}}}, {{"kinds", std::vector<std::string>{}}}));
}

TEST(Catalogue, SpeedwatchShownOnlyForSlowVillageRoads) {
  const auto& service = demo_service("speeding_traffic");
  for (const char* limit : {"20", "30", "40", "50", "60", "70", "not_sure"})
    for (const char* road : {"village", "main_road"}) {
      const Answers answers = {{"speed_limit", std::string(limit)}, {"road_type", std::string(road)}};
      const bool expected = (std::string(limit) == "20" || std::string(limit) == "30") && std::string(road) == "village";
      EXPECT_EQ(shown(service, answers, "speedwatch"), expected) << limit << " " << road;
      EXPECT_EQ(asks_resident(*service.find_attribute("speedwatch"), answers), expected) << limit << " " << road;
    }
  EXPECT_FALSE(shown(service, {}, "speedwatch"));
  EXPECT_FALSE(shown(service, {{"speed_limit", std::string("20")}}, "speedwatch"));
  EXPECT_FALSE(shown(service, {{"road_type", std::string("village")}}, "speedwatch"));
}

TEST(Catalogue, VisibleAttributesInQuestionOrder) {
  const auto& service = demo_service("speeding_traffic");
  EXPECT_EQ(codes(visible_attributes(service, {})),
            (std::vector<std::string>{"danger_now", "speed_limit", "road_type", "time_of_day", "vehicles_per_hour",
                                      "last_seen"}));
  EXPECT_EQ(codes(visible_attributes(service, {{"speed_limit", std::string("30")}, {"road_type", std::string("village")}})),
            (std::vector<std::string>{"danger_now", "speed_limit", "road_type", "speedwatch", "time_of_day",
                                      "vehicles_per_hour", "last_seen"}));
}

TEST(Catalogue, InformationOnlyIsShownButNotAsked) {
  const auto& service = demo_service("speeding_traffic");
  const auto& danger = *service.find_attribute("danger_now");
  EXPECT_FALSE(danger.variable);
  EXPECT_TRUE(shown(service, {}, "danger_now"));
  EXPECT_FALSE(asks_resident(danger, {}));
  EXPECT_TRUE(asks_resident(*service.find_attribute("speed_limit"), {}));
}

TEST(Catalogue, ServerSetIsNeitherShownNorAsked) {
  const auto& service = demo_service("fly_tipping");
  const auto& enforcement = *service.find_attribute("enforcement_case");
  EXPECT_FALSE(shown(service, {}, "enforcement_case"));
  EXPECT_FALSE(asks_resident(enforcement, {}));
}

TEST(Catalogue, FlyTippingAsbestosWarningFollowsTheMultiValueAnswer) {
  const auto& service = demo_service("fly_tipping");
  EXPECT_FALSE(shown(service, {}, "do_not_touch"));
  EXPECT_FALSE(shown(service, {{"waste_types", std::vector<std::string>{"household", "tyres"}}}, "do_not_touch"));
  EXPECT_TRUE(shown(service, {{"waste_types", std::vector<std::string>{"household", "asbestos_chemicals"}}},
                    "do_not_touch"));
  EXPECT_TRUE(shown(service, {{"waste_types", std::vector<std::string>{"asbestos_chemicals"}}}, "do_not_touch"));
  // A single string is taken as a list of one.
  EXPECT_TRUE(shown(service, {{"waste_types", std::string("asbestos_chemicals")}}, "do_not_touch"));
  // Shown, but information only: never asked.
  EXPECT_FALSE(asks_resident(*service.find_attribute("do_not_touch"),
                             {{"waste_types", std::vector<std::string>{"asbestos_chemicals"}}}));
}

TEST(Catalogue, PruneKeepsAnswersToAskedQuestions) {
  const auto& service = demo_service("speeding_traffic");
  const Answers answers = {{"speed_limit", std::string("20")},
                           {"road_type", std::string("village")},
                           {"speedwatch", std::string("yes")},
                           {"time_of_day", std::vector<std::string>{"night", "weekends"}},
                           {"last_seen", std::string("2026-11-20")}};
  EXPECT_EQ(prune_answers(service, answers), answers);
}

TEST(Catalogue, ChangingAnEarlierAnswerPrunesTheDependentOne) {
  const auto& service = demo_service("speeding_traffic");
  Answers answers = {{"speed_limit", std::string("20")},
                     {"road_type", std::string("village")},
                     {"speedwatch", std::string("yes")}};
  EXPECT_EQ(prune_answers(service, answers).count("speedwatch"), 1u);

  answers["speed_limit"] = std::string("60");
  auto pruned = prune_answers(service, answers);
  EXPECT_EQ(pruned.count("speedwatch"), 0u);
  EXPECT_EQ(pruned.count("speed_limit"), 1u);
  EXPECT_EQ(pruned.count("road_type"), 1u);

  answers["speed_limit"] = std::string("30");
  answers["road_type"] = std::string("main_road");
  pruned = prune_answers(service, answers);
  EXPECT_EQ(pruned.count("speedwatch"), 0u);
  EXPECT_EQ(pruned.size(), 2u);
}

TEST(Catalogue, PruneDropsUnknownInformationAndServerSetAnswers) {
  const auto& service = demo_service("fly_tipping");
  const Answers answers = {{"waste_types", std::vector<std::string>{"asbestos_chemicals"}},
                           {"do_not_touch", std::string("ok")},
                           {"enforcement_case", std::string("EC-1")},
                           {"made_up", std::string("x")},
                           {"amount", std::string("lorry")}};
  const auto pruned = prune_answers(service, answers);
  EXPECT_EQ(pruned, (Answers{{"waste_types", std::vector<std::string>{"asbestos_chemicals"}},
                             {"amount", std::string("lorry")}}));
}

TEST(Catalogue, PruneKeepsHiddenFields) {
  Service service;
  service.service_code = "svc";
  Attribute visible;
  visible.code = "visible";
  visible.order = 1;
  Attribute hidden;
  hidden.code = "device_id";
  hidden.order = 2;
  hidden.automated = Automation::HiddenField;
  hidden.shown_when = {{"visible", {"never"}}};  // hidden fields are the device's whatever is shown
  Attribute server;
  server.code = "server";
  server.order = 3;
  server.automated = Automation::ServerSet;
  service.attributes = {visible, hidden, server};
  const Answers answers = {{"visible", std::string("a")}, {"device_id", std::string("K-17")}, {"server", std::string("x")}};
  EXPECT_EQ(prune_answers(service, answers),
            (Answers{{"visible", std::string("a")}, {"device_id", std::string("K-17")}}));
  EXPECT_TRUE(codes(visible_attributes(service, answers)) == std::vector<std::string>{"visible"});
  EXPECT_FALSE(asks_resident(hidden, answers));
}

TEST(Catalogue, PruneCascadesThroughAChainOfConditions) {
  // c depends on b, b on a: changing a hides b, which must hide c too even
  // though c's own condition still matches the stale answer to b.
  Service service;
  Attribute a, b, c;
  a.code = "a";
  a.order = 1;
  b.code = "b";
  b.order = 2;
  b.shown_when = {{"a", {"yes"}}};
  c.code = "c";
  c.order = 3;
  c.shown_when = {{"b", {"yes"}}};
  service.attributes = {a, b, c};
  const Answers all_yes = {{"a", std::string("yes")}, {"b", std::string("yes")}, {"c", std::string("yes")}};
  EXPECT_EQ(prune_answers(service, all_yes), all_yes);
  Answers changed = all_yes;
  changed["a"] = std::string("no");
  EXPECT_EQ(prune_answers(service, changed), (Answers{{"a", std::string("no")}}));
}
