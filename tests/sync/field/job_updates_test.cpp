// Jobs and officers' updates against the real central: the jobs come to the
// tablet with their thumbnails; updates queued offline go one after another
// through a link that loses answers and connections, each exactly once and
// chained so they never flag each other; an office change in between makes
// a conflict kept on the job; a job taken away with unsent work leaves a
// notice and the work is still sent.
#include <gtest/gtest.h>

#include "field_support.h"
#include "support/fault_proxy.h"
#include "sync/job_book.h"
#include "sync/staff_store.h"
#include "sync/sync_log.h"

using namespace oneservice;
using namespace oneservice::sync;
using namespace oneservice::sync::field_test;
using oneservice::test::Fault;
using oneservice::test::FaultProxy;

namespace {

class JobUpdates : public ::testing::Test {
 protected:
  void SetUp() override {
    secret = central.add_staff("Ann Smith");
    sign_in(outbox, central.server(), "Ann Smith", secret);
    token = StaffStore(outbox).session("Ann Smith")->token;
  }

  // The officer's updates in central's history of the case.
  std::vector<nlohmann::json> officer_updates(const std::string& id) {
    std::vector<nlohmann::json> out;
    const auto job = job_at_central(central, token, id);
    if (!job.is_object()) return out;
    for (const auto& update : job.at("updates"))
      if (update.at("staff") == "Ann Smith") out.push_back(update);
    return out;
  }

  FieldCentral central;
  TempDir folder;
  Outbox outbox = Outbox::open(outbox_path(folder.path()));
  std::string secret, token;
};

}  // namespace

TEST_F(JobUpdates, JobsAndThumbnailsComeToTheTabletAndStayThereOffline) {
  const auto id = central.report_pothole(51.2, -1.82, {jpeg(400, 300)});
  central.assign(id, "Ann Smith");
  field_sync(outbox, central.server()).pull();
  const auto jobs = JobBook(outbox).jobs_of("Ann Smith");
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(jobs[0].service_request_id, id);
  EXPECT_EQ(jobs[0].service_code, "pothole");
  ASSERT_TRUE(jobs[0].lat);
  EXPECT_NEAR(*jobs[0].lat, 51.2, 1e-6);
  EXPECT_FALSE(jobs[0].answers.empty());
  ASSERT_EQ(jobs[0].photos.size(), 1u);
  EXPECT_EQ(jobs[0].photos[0].thumbnail.substr(0, 2), "\xFF\xD8") << "the thumbnail's JPEG bytes are kept";
  EXPECT_LT(jobs[0].photos[0].thumbnail.size(), jpeg(400, 300).size());
}

TEST_F(JobUpdates, UpdatesGoExactlyOnceInOrderThroughALinkThatLosesAnswers) {
  const auto id = central.report_pothole(51.2, -1.82);
  central.assign(id, "Ann Smith");
  FaultProxy proxy("127.0.0.1", central.port());
  const auto via_proxy = central.server_via(proxy.port());
  field_sync(outbox, via_proxy).pull();
  JobBook book(outbox);
  const auto first = book.queue_job_update("Ann Smith", id, {"IN_PROGRESS", "On site", "Cones needed", {}});
  const auto second = book.queue_job_update("Ann Smith", id, {"", "Cones placed", "", {{"c.jpg", "image/jpeg", jpeg()}}});
  const auto third = book.queue_job_update("Ann Smith", id, {"ACTION_SCHEDULED", "Filling on Monday", "", {}});
  // Central keeps the first, its answer is lost; the connection for the
  // resend resets; a 503; the second's answer is cut in half.
  proxy.set_plan({{Fault::DropResponse, 1}, {Fault::ResetBeforeForward, 1}, {Fault::Respond503, 1},
                  {Fault::None, 1}, {Fault::TruncateResponse, 1}});
  proxy.set_retry_after_seconds(0);
  drain(outbox, via_proxy, "Ann Smith");

  const auto states = book.updates_of("Ann Smith", id);
  ASSERT_EQ(states.size(), 3u);
  for (const auto& u : states) EXPECT_EQ(u.state, UpdateState::Sent) << u.update_id << " " << u.council_words;
  const auto updates = officer_updates(id);
  ASSERT_EQ(updates.size(), 3u);
  for (const auto& u : updates) EXPECT_TRUE(u.at("applied").get<bool>()) << "its own updates never flag each other";
  EXPECT_EQ(updates[0].at("status"), "IN_PROGRESS");
  EXPECT_EQ(updates[0].at("private_note"), "Cones needed");
  EXPECT_EQ(updates[1].at("photos").size(), 1u);
  EXPECT_EQ(updates[2].at("status"), "ACTION_SCHEDULED");
  EXPECT_EQ(job_at_central(central, token, id).at("status"), "ACTION_SCHEDULED");
  EXPECT_EQ(proxy.faults_applied(), 4);
  (void)first, (void)second, (void)third;
}

TEST_F(JobUpdates, AnOfficeChangeInBetweenMakesAConflictKeptOnTheJob) {
  const auto id = central.report_pothole(51.2, -1.82);
  central.assign(id, "Ann Smith");
  auto field = field_sync(outbox, central.server());
  field.pull();
  JobBook book(outbox);
  book.queue_job_update("Ann Smith", id, {"IN_PROGRESS", "On my way", "", {}});
  central.run({"case", "update", id, "--status", "INVESTIGATING", "--note", "An inspector will visit."});
  field.push();

  const auto states = book.updates_of("Ann Smith", id);
  ASSERT_EQ(states.size(), 1u);
  EXPECT_EQ(states[0].state, UpdateState::Conflict);
  field.pull();  // the refreshed job still shows it
  const auto job = book.job("Ann Smith", id);
  ASSERT_TRUE(job);
  EXPECT_TRUE(job->conflict);
  EXPECT_EQ(job->status, "INVESTIGATING") << "the office's change stands";
  const auto updates = officer_updates(id);
  ASSERT_EQ(updates.size(), 1u);
  EXPECT_FALSE(updates[0].at("applied").get<bool>());
  EXPECT_NE(central.run({"case", "flagged"}).out.find(id), std::string::npos);
  bool logged = false;
  for (const auto& entry : sync_log(outbox, "Ann Smith")) logged = logged || entry.state == "conflict";
  EXPECT_TRUE(logged);
}

TEST_F(JobUpdates, AJobTakenAwayWithUnsentWorkLeavesANoticeAndTheWorkIsStillSent) {
  const auto kept = central.report_pothole(51.2, -1.82);
  const auto taken = central.report_pothole(51.21, -1.82);
  const auto untouched = central.report_pothole(51.22, -1.82);
  for (const auto& id : {kept, taken, untouched}) central.assign(id, "Ann Smith");
  auto field = field_sync(outbox, central.server());
  field.pull();
  ASSERT_EQ(JobBook(outbox).jobs_of("Ann Smith").size(), 3u);
  JobBook(outbox).queue_job_update("Ann Smith", taken, {"", "Photographed the hole", "Needs a road closure", {}});
  central.run({"case", "unassign", taken});
  central.run({"case", "unassign", untouched});
  field.pull();

  const auto jobs = JobBook(outbox).jobs_of("Ann Smith");
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(jobs[0].service_request_id, kept);
  const auto notices = JobBook(outbox).notices_of("Ann Smith");
  ASSERT_EQ(notices.size(), 2u);
  for (const auto& notice : notices) {
    EXPECT_EQ(notice.reason, "unassigned");
    EXPECT_EQ(notice.had_unsent_work, notice.service_request_id == taken) << notice.service_request_id;
  }
  field.push();
  const auto states = JobBook(outbox).updates_of("Ann Smith", taken);
  ASSERT_EQ(states.size(), 1u);
  EXPECT_NE(states[0].state, UpdateState::Waiting) << "sent, never dropped";
  central.assign(taken, "Ann Smith");  // to read its history as hers again
  const auto updates = officer_updates(taken);
  ASSERT_EQ(updates.size(), 1u);
  EXPECT_EQ(updates[0].at("private_note"), "Needs a road closure");
  JobBook(outbox).dismiss_notice("Ann Smith", notices[0].id);
  EXPECT_EQ(JobBook(outbox).notices_of("Ann Smith").size(), 1u);
}

TEST_F(JobUpdates, AnUpdateWaitsForASignInWhenTheSessionHasEndedAndGoesAfterIt) {
  const auto id = central.report_pothole(51.2, -1.82);
  central.assign(id, "Ann Smith");
  auto field = field_sync(outbox, central.server());
  field.pull();
  JobBook book(outbox);
  book.queue_job_update("Ann Smith", id, {"IN_PROGRESS", "", "Private words", {}});
  const auto new_secret = central.run({"staff", "reset", "Ann Smith"}).out;  // ends her sessions
  field.push();  // central answers 401 and stores nothing
  ASSERT_EQ(book.updates_of("Ann Smith", id).at(0).state, UpdateState::WaitingForSignIn);
  const auto log = sync_log(outbox, "Ann Smith");
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].state, "waiting");
  EXPECT_EQ(log[0].reason, "sign_in");

  sign_in(outbox, central.server(), "Ann Smith", new_secret.substr(0, new_secret.find('\n')));
  token = StaffStore(outbox).session("Ann Smith")->token;
  field.push();
  EXPECT_EQ(book.updates_of("Ann Smith", id).at(0).state, UpdateState::Sent);
  const auto updates = officer_updates(id);
  ASSERT_EQ(updates.size(), 1u);
  EXPECT_EQ(updates[0].at("private_note"), "Private words") << "never quietly dropped";
}
