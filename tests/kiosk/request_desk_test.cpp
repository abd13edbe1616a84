// The request desk between the screens and the store: saving wakes the
// sender, a page's lookups are read once (not on every frame) and again
// when the worker reports a change, and a pulled catalogue is handed over
// without reading the store.
#include "kiosk/request_desk.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>

#include "kiosk/journey.h"
#include "pothole_journey.h"
#include "shared/catalogue_json.h"
#include "support/temp_folder.h"
#include "sync/delivery_queue.h"
#include "sync/outbox.h"

using namespace oneservice;
using namespace oneservice::kiosk;

namespace {

class RequestDeskTest : public ::testing::Test {
 protected:
  RequestDeskTest() {
    context_.clock.now = [this] { return now_; };
    links_.outbox = &outbox_;
    links_.wake_sender = [this] { ++wakes_; };
    links_.sender_generation = [this] { return generation_; };
    outbox_.set_clock(context_.clock);
  }

  // A pothole report through the journey, saved by `desk`; its reference.
  std::string send_pothole(RequestDesk& desk) {
    Journey journey;
    oneservice::kiosk::testing::answer_pothole(journey, context_);
    EXPECT_EQ(journey.page, Page::CheckAnswers);
    send(journey, context_, desk);
    EXPECT_EQ(journey.page, Page::Confirmation) << journey.save_problem;
    return journey.reference;
  }

  // What the worker does when the council takes the request.
  void council_accepts(const std::string& reference, const std::string& council_reference) {
    const auto entry = outbox_.find_by_reference(reference);
    ASSERT_TRUE(entry.has_value());
    sync::DeliveryQueue queue(outbox_);
    ASSERT_EQ(queue.settle_and_claim({}, format_utc(now_), 10).size(), 1u);
    queue.settle_and_claim({{entry->client_id, sync::Settlement::Kind::Accepted, council_reference, "", ""}},
                             format_utc(now_), 0);
  }

  test_support::TempFolder folder_;
  sync::Outbox outbox_ = sync::Outbox::open(sync::outbox_path(folder_.path()));
  Catalogue catalogue_ = load_catalogue_file(std::string(ONESERVICE_ASSETS_DIR) + "/demo-council/catalogue.json");
  TimePoint now_ = *parse_iso8601("2026-11-22T12:00:00Z");
  JourneyContext context_{catalogue_, {}, Channel::Kiosk, Wording::english()};
  DeskLinks links_;
  int wakes_ = 0;
  std::uint64_t generation_ = 1;
};

}  // namespace

TEST_F(RequestDeskTest, SavingARequestWakesTheSenderOnce) {
  RequestDesk desk(links_, context_.clock);
  const auto reference = send_pothole(desk);
  ASSERT_FALSE(reference.empty());
  EXPECT_EQ(wakes_, 1) << "the desk wakes the worker itself, not a page change";
  const auto entry = outbox_.find_by_reference(reference);
  ASSERT_TRUE(entry.has_value());
  EXPECT_EQ(entry->state, sync::RequestState::Queued);
}

TEST_F(RequestDeskTest, ARefusedSaveIsWordsForStaffAndWakesNothing) {
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(outbox_.path().c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "CREATE TRIGGER refuse BEFORE INSERT ON requests BEGIN SELECT RAISE(ABORT, 'full'); END;",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  RequestDesk desk(links_, context_.clock);
  ServiceRequest request;
  request.client_id = "5f0c6b7e-3a52-4c1e-9d6e-2b8f4a1c7d90";
  request.service_code = "pothole";
  request.catalogue_version = catalogue_.changeset;
  request.created_at = format_utc(now_);
  const auto saved = desk.save(request);
  EXPECT_TRUE(saved.reference.empty());
  EXPECT_FALSE(saved.problem.empty());
  EXPECT_EQ(wakes_, 0);
}

TEST_F(RequestDeskTest, WithNoStoreTheDeskIsClosedAndSavesNothing) {
  RequestDesk desk(DeskLinks{}, context_.clock);
  EXPECT_FALSE(desk.open());
  EXPECT_TRUE(desk.save(ServiceRequest{}).reference.empty());
  EXPECT_EQ(desk.council_reference("OS-AAAA-BBBB"), "");
  EXPECT_FALSE(desk.track("OS-AAAA-BBBB").has_value());
  EXPECT_FALSE(desk.read_queue(now_).read);
  EXPECT_FALSE(desk.sender().configured);
}

TEST_F(RequestDeskTest, TheCouncilReferenceIsReadOnceAndAgainWhenTheWorkerReportsAChange) {
  RequestDesk desk(links_, context_.clock);
  const auto reference = send_pothole(desk);
  EXPECT_EQ(desk.council_reference(reference), "");
  council_accepts(reference, "WC-2026-000123");
  EXPECT_EQ(desk.council_reference(reference), "") << "the next frame draws what was read, without a query";
  ++generation_;  // the worker published its pass
  EXPECT_EQ(desk.council_reference(reference), "WC-2026-000123");
}

TEST_F(RequestDeskTest, TheCouncilReferenceIsReadAgainAfterAWhileWithoutAWorker) {
  links_.sender_generation = nullptr;  // e.g. oneservice-sync sends from another process
  RequestDesk desk(links_, context_.clock);
  const auto reference = send_pothole(desk);
  EXPECT_EQ(desk.council_reference(reference), "");
  council_accepts(reference, "WC-2026-000124");
  now_ += RequestDesk::recheck_every - std::chrono::seconds(1);
  EXPECT_EQ(desk.council_reference(reference), "");
  now_ += std::chrono::seconds(1);
  EXPECT_EQ(desk.council_reference(reference), "WC-2026-000124");
}

TEST_F(RequestDeskTest, TrackingReadsOncePerLookUpWithTheCouncilsUpdates) {
  RequestDesk desk(links_, context_.clock);
  const auto reference = send_pothole(desk);
  ASSERT_TRUE(desk.track(reference).has_value());
  EXPECT_EQ(desk.track(reference)->progress, Progress::OnThisKiosk);
  EXPECT_EQ(desk.track(reference)->service_code, "pothole");
  council_accepts(reference, "WC-2026-000125");
  outbox_.store_updates({{"u-1", "WC-2026-000125", "open", "2026-11-23T09:00:00Z", "A crew is on its way."}});
  EXPECT_EQ(desk.track(reference)->progress, Progress::OnThisKiosk) << "read once, not on every frame";
  desk.forget();  // a new page, or Check pressed again
  const auto& found = desk.track("WC-2026-000125");
  ASSERT_TRUE(found.has_value()) << "the council's reference finds it too";
  EXPECT_EQ(found->reference, reference);
  EXPECT_EQ(found->progress, Progress::WithTheCouncil);
  EXPECT_EQ(found->council_reference, "WC-2026-000125");
  ASSERT_EQ(found->updates.size(), 1u);
  EXPECT_EQ(found->updates[0].description, "A crew is on its way.");
  EXPECT_FALSE(desk.track("OS-NONE-HERE").has_value());
}

TEST_F(RequestDeskTest, APulledCatalogueIsHandedOverOnlyWhenItIsNew) {
  auto pulled = std::make_shared<Catalogue>(catalogue_);
  links_.pulled_catalogue = [&] { return std::shared_ptr<const Catalogue>(pulled); };
  RequestDesk desk(links_, context_.clock);
  EXPECT_EQ(desk.new_catalogue(catalogue_.changeset), nullptr) << "the one in use";
  pulled->changeset = "2027-01-04T09:00:00Z";
  const auto fresh = desk.new_catalogue(catalogue_.changeset);
  ASSERT_NE(fresh, nullptr);
  EXPECT_EQ(fresh->changeset, "2027-01-04T09:00:00Z");
  EXPECT_EQ(RequestDesk(DeskLinks{}, context_.clock).new_catalogue(catalogue_.changeset), nullptr);
}

TEST_F(RequestDeskTest, TheOperatorsQueueFiguresComeFromTheStore) {
  RequestDesk desk(links_, context_.clock);
  send_pothole(desk);
  send_pothole(desk);
  const auto reading = desk.read_queue(now_);
  ASSERT_TRUE(reading.read);
  EXPECT_EQ(reading.counts.queued, 2);
  EXPECT_EQ(reading.counts.sending, 0);
  ASSERT_TRUE(reading.chart.has_value());
  EXPECT_EQ(reading.chart->waiting_now, 2);
}

// A quiet day: two requests the council took within the second they were
// made never waited, yet the chart's hours show them as made.
TEST_F(RequestDeskTest, TheChartCountsRequestsMadeEachHourEvenWhenTakenAtOnce) {
  RequestDesk desk(links_, context_.clock);
  const TimePoint noon = now_;
  now_ = noon - std::chrono::minutes(150);  // in the hour 2-3 hours ago
  council_accepts(send_pothole(desk), "1");
  now_ = noon - std::chrono::minutes(20);  // in the last hour
  council_accepts(send_pothole(desk), "2");
  now_ = noon;
  const auto reading = desk.read_queue(now_);
  ASSERT_TRUE(reading.read);
  ASSERT_TRUE(reading.chart.has_value());
  const auto& chart = *reading.chart;
  ASSERT_EQ(chart.made.size(), 24u);
  ASSERT_EQ(chart.peaks.size(), 24u);
  EXPECT_EQ(chart.made[23], 1);
  EXPECT_EQ(chart.made[21], 1);
  EXPECT_EQ(std::count(chart.made.begin(), chart.made.end(), 0), 22);
  EXPECT_EQ(chart.waiting_now, 0);
}
