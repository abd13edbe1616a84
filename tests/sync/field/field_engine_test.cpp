// The kiosk's SyncEngine in field mode: the same worker, with the field
// passes on, delivers an officer's report, its photos and an update on
// their job by itself, and pulls their jobs.
#include <gtest/gtest.h>

#include "field_support.h"
#include "support/deadline.h"
#include "sync/job_book.h"
#include "sync/staff_reports.h"
#include "sync/sync_engine.h"
#include "sync/sync_log.h"


using namespace oneservice;
using namespace oneservice::sync;
using namespace oneservice::sync::field_test;

TEST(FieldEngine, TheWorkerInFieldModeSendsReportsPhotosAndUpdatesAndPullsJobs) {
  FieldCentral central;
  const auto secret = central.add_staff("Ann Smith");
  const auto id = central.report_pothole(51.2, -1.82);
  central.assign(id, "Ann Smith");
  TempDir folder;
  auto outbox = Outbox::open(outbox_path(folder.path()));
  sign_in(outbox, central.server(), "Ann Smith", secret);
  enqueue_for_staff(outbox, prepared_pothole(outbox), {{"a.jpg", "image/jpeg", jpeg()}}, "Ann Smith");

  EngineOptions options;
  options.push = fast_options();
  options.field_mode = true;
  SyncEngine engine(folder.path(), central.server(), options);
  engine.start();
  JobBook book(outbox);
  ASSERT_TRUE(oneservice::test_support::wait_until([&] { return !book.jobs_of("Ann Smith").empty(); },
                                           std::chrono::seconds(20)));
  book.queue_job_update("Ann Smith", id, {"IN_PROGRESS", "On my way", "", {}});
  engine.wake();
  ASSERT_TRUE(oneservice::test_support::wait_until(
      [&] {
        const auto log = sync_log(outbox, "Ann Smith");
        return log.size() == 3 && std::all_of(log.begin(), log.end(), [](const auto& e) { return e.state == "sent"; });
      },
      std::chrono::seconds(20)));
  EXPECT_TRUE(engine.snapshot().online);
}
