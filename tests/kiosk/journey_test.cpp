// The journey's rules without a screen: navigation, what is kept, what is
// wiped, and what happens when the outbox refuses a request.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "kiosk/journey.h"
#include "pothole_journey.h"
#include "shared/catalogue_json.h"
#include "support/temp_folder.h"
#include "sync/outbox.h"
#include "support/stored_request.h"

using namespace oneservice;
using namespace oneservice::kiosk;

namespace {

class JourneyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    context_.clock.now = [] { return *parse_iso8601("2026-11-22T12:00:00Z"); };
  }

  // Answers the pothole questions and reaches Check answers.
  void reach_check_answers() {
    oneservice::kiosk::testing::answer_pothole(journey_, context_);
    ASSERT_EQ(journey_.page, Page::CheckAnswers);
  }

  Catalogue catalogue_ = load_catalogue_file(std::string(ONESERVICE_ASSETS_DIR) + "/demo-council/catalogue.json");
  JourneyContext context_{catalogue_, {}, Channel::Assisted, Wording::english()};
  Journey journey_;
  test_support::TempFolder folder_;
};

}  // namespace

TEST_F(JourneyTest, StartingAServiceMakesAClientIdAndShowsTheFirstQuestion) {
  start_service(journey_, context_, "pothole");
  EXPECT_EQ(journey_.page, Page::Question);
  EXPECT_EQ(journey_.question_code, "road_or_pavement");
  EXPECT_EQ(journey_.client_id.size(), 36u);
  start_service(journey_, context_, "no_such_service");
  EXPECT_EQ(journey_.service_code, "pothole") << "an unknown service changes nothing";
}

TEST_F(JourneyTest, BackKeepsWhatWasTypedAndLeavesFromTheFirstPage) {
  start_service(journey_, context_, "pothole");
  journey_.fields.chosen = {"road"};
  continue_page(journey_, context_);
  journey_.fields.chosen = {"about_plate"};
  go_back(journey_, context_);
  EXPECT_EQ(journey_.question_code, "road_or_pavement");
  EXPECT_EQ(journey_.fields.chosen, std::vector<std::string>{"road"});
  continue_page(journey_, context_);
  EXPECT_EQ(journey_.fields.chosen, std::vector<std::string>{"about_plate"}) << "the choice made before Back";
  go_back(journey_, context_);
  go_back(journey_, context_);
  EXPECT_EQ(journey_.page, Page::ChooseService);
}

TEST_F(JourneyTest, AFailedContinueKeepsTheTextAndShowsTheMessage) {
  start_service(journey_, context_, "pothole");
  journey_.fields.chosen = {"road"};
  continue_page(journey_, context_);
  journey_.fields.chosen = {"about_plate"};
  continue_page(journey_, context_);
  journey_.fields.text = "500";
  continue_page(journey_, context_);
  ASSERT_EQ(journey_.errors.size(), 1u);
  EXPECT_EQ(journey_.errors[0].message, "Depth in centimetres must be between 1 and 100");
  EXPECT_EQ(journey_.fields.text, "500");
  EXPECT_EQ(journey_.question_code, "depth_cm");
}

TEST_F(JourneyTest, SendQueuesTheRequestWithTheChannelAndWipesTheAnswers) {
  auto outbox = sync::Outbox::open(sync::outbox_path(folder_.path()));
  DeskLinks links;
  links.outbox = &outbox;
  RequestDesk desk(links, context_.clock);
  reach_check_answers();
  const auto client_id = journey_.client_id;
  send(journey_, context_, desk);
  ASSERT_EQ(journey_.page, Page::Confirmation);
  EXPECT_TRUE(journey_.answers.empty());
  EXPECT_TRUE(journey_.location.address_string.empty());
  EXPECT_TRUE(journey_.client_id.empty());
  const auto entry = outbox.find(client_id);
  ASSERT_TRUE(entry.has_value());
  const auto stored = oneservice::sync::test::stored_request(outbox, *entry);
  EXPECT_EQ(entry->local_ref, journey_.reference);
  EXPECT_EQ(stored.channel, Channel::Assisted);
  EXPECT_EQ(stored.catalogue_version, catalogue_.changeset);
  finish(journey_);
  EXPECT_EQ(journey_.page, Page::Attract);
  EXPECT_TRUE(journey_.reference.empty());
}

TEST_F(JourneyTest, WhenTheOutboxRefusesNothingIsLostAndSendingAgainWorks) {
  auto outbox = sync::Outbox::open(sync::outbox_path(folder_.path()));
  // Make the store refuse inserts, as a full disk would.
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(outbox.path().c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw,
                         "CREATE TRIGGER refuse BEFORE INSERT ON requests "
                         "BEGIN SELECT RAISE(ABORT, 'refused by test'); END;",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  DeskLinks links;
  links.outbox = &outbox;
  RequestDesk desk(links, context_.clock);
  reach_check_answers();
  send(journey_, context_, desk);
  EXPECT_EQ(journey_.page, Page::CheckAnswers);
  EXPECT_FALSE(journey_.save_problem.empty());
  EXPECT_EQ(journey_.answers.size(), 3u) << "every answer is still there";
  EXPECT_EQ(journey_.location.address_string, "Outside the library");

  ASSERT_EQ(sqlite3_exec(raw, "DROP TRIGGER refuse", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(raw);
  send(journey_, context_, desk);
  EXPECT_EQ(journey_.page, Page::Confirmation);
  EXPECT_EQ(outbox.counts().at(sync::RequestState::Queued), 1);
}

TEST_F(JourneyTest, ComposeDatetimeMakesUtcOrSomethingValidationRefuses) {
  setenv("TZ", "Europe/London", 1);
  tzset();
  EXPECT_EQ(compose_datetime({"20", "11", "2026", "", ""}), "2026-11-20T00:00:00Z");
  EXPECT_EQ(compose_datetime({"1", "7", "2026", "9", "30"}), "2026-07-01T08:30:00Z") << "British Summer Time";
  EXPECT_EQ(compose_datetime({"", "", "", "", ""}), "");
  EXPECT_FALSE(parse_iso8601(compose_datetime({"30", "2", "2026", "", ""})));
  EXPECT_FALSE(parse_iso8601(compose_datetime({"12", "", "2026", "", ""})));
  EXPECT_FALSE(parse_iso8601(compose_datetime({"1", "1", "2026", "25", "00"})));
  EXPECT_FALSE(parse_iso8601(compose_datetime({"x", "1", "2026", "", ""})));
  const auto parts = split_datetime("2026-07-01T08:30:00Z");
  EXPECT_EQ(parts, (std::array<std::string, 5>{"1", "7", "2026", "9", "30"}));
  unsetenv("TZ");
  tzset();
}
