// An officer's report on a weak link: the report goes first with their
// session, and each photo after it as its own request, exactly once each,
// through a proxy that cuts every large upload (where a report carrying its
// three photos never gets through) and loses an answer on the way.
#include <gtest/gtest.h>

#include "field_support.h"
#include "support/fault_proxy.h"
#include "sync/staff_reports.h"
#include "sync/staff_store.h"
#include "sync/sync_log.h"


using namespace oneservice;
using namespace oneservice::sync;
using namespace oneservice::sync::field_test;
using oneservice::test::Fault;
using oneservice::test::FaultProxy;

TEST(ReportPhotos, TheReportGoesFirstThenEachPhotoOnceThroughALinkThatCutsLargeUploads) {
  FieldCentral central;
  const auto secret = central.add_staff("Ann Smith");
  FaultProxy proxy("127.0.0.1", central.port());
  const auto via_proxy = central.server_via(proxy.port());
  std::vector<MediaAttachment> photos;
  std::size_t largest = 0, total = 0;
  for (int i = 0; i < 3; ++i) {
    photos.push_back({"p" + std::to_string(i) + ".jpg", "image/jpeg", jpeg(320, 240, i)});
    largest = std::max(largest, photos.back().bytes.size());
    total += photos.back().bytes.size();
  }
  const std::size_t limit = largest + 4096;  // one photo and its form fit, three never do
  ASSERT_GT(total, limit);
  proxy.set_max_request_body(limit);

  TempDir kiosk_folder, tablet_folder;
  {
    // The kiosk's way, photos in the report's own POST: cut every time.
    auto kiosk = Outbox::open(outbox_path(kiosk_folder.path()));
    kiosk.enqueue(prepared_pothole(kiosk), photos);
    Pusher pusher(kiosk, via_proxy, fast_options());
    pusher.push_due();
    EXPECT_EQ(kiosk.counts().at(RequestState::Queued), 1);
    EXPECT_GE(proxy.bodies_cut(), 1);
  }

  auto outbox = Outbox::open(outbox_path(tablet_folder.path()));
  sign_in(outbox, central.server(), "Ann Smith", secret);
  const auto token = StaffStore(outbox).session("Ann Smith")->token;
  const auto request = prepared_pothole(outbox);
  enqueue_for_staff(outbox, request, photos, "Ann Smith");
  const int seen_before = proxy.requests_seen();
  // The report, the look at its case's status, then the first photo's
  // answer is lost after central has kept it: the resend must not make a
  // second (and the next pass looks at the case again).
  proxy.set_plan({{Fault::None, 2}, {Fault::DropResponse, 1}});
  drain(outbox, via_proxy, "Ann Smith");

  const auto entry = outbox.find(request.client_id);
  ASSERT_EQ(entry->state, RequestState::Accepted);
  for (const auto& log : sync_log(outbox, "Ann Smith")) EXPECT_EQ(log.state, "sent") << log.kind << " " << log.what;
  const auto headers = proxy.request_header_values("Authorization");
  ASSERT_FALSE(headers.empty());
  EXPECT_EQ(headers.front(), "Bearer " + token) << "the report names its officer";
  EXPECT_EQ(proxy.requests_seen() - seen_before, 6) << "one report, a look at its case, three photos, one resend";

  central.assign(entry->server_ref, "Ann Smith");
  const auto job = job_at_central(central, token, entry->server_ref);
  ASSERT_TRUE(job.is_object());
  int photo_updates = 0;
  for (const auto& update : job.at("updates"))
    if (!update.at("photos").empty()) {
      ++photo_updates;
      EXPECT_EQ(update.at("photos").size(), 1u);
    }
  EXPECT_EQ(photo_updates, 3) << job.dump();
  EXPECT_TRUE(job.at("photos").empty()) << "the report itself went without them";
}

TEST(ReportPhotos, APhotoArrivingAfterTheCaseWasClosedLeavesItClosed) {
  FieldCentral central;
  const auto secret = central.add_staff("Ann Smith");
  TempDir folder;
  auto outbox = Outbox::open(outbox_path(folder.path()));
  sign_in(outbox, central.server(), "Ann Smith", secret);
  const auto request = prepared_pothole(outbox);
  enqueue_for_staff(outbox, request, {{"late.jpg", "image/jpeg", jpeg()}}, "Ann Smith");
  Pusher(outbox, central.server(), fast_options()).push_due();  // the report alone
  const auto id = outbox.find(request.client_id)->server_ref;
  ASSERT_FALSE(id.empty());
  central.run({"case", "update", id, "--status", "DUPLICATE", "--note", "Reported already."});
  field_sync(outbox, central.server()).push();
  for (const auto& log : sync_log(outbox, "Ann Smith")) EXPECT_EQ(log.state, "sent") << log.kind;
  const auto the_case = central.get("requests/" + id + ".json");
  EXPECT_EQ(the_case.at(0).at("status"), "closed");
  EXPECT_EQ(the_case.at(0).at("extended_status"), "DUPLICATE") << "a photo never reopens a case";
}
