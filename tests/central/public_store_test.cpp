// Schema step 5: every case keeps the reference its device showed (cases
// from before the step too), and the mail queue's triggers queue one email
// per event.
#include <gtest/gtest.h>

#include "central/store/schema.h"
#include "shared/identity.h"
#include "shared/request_json.h"
#include "support.h"

using namespace oneservice;
using namespace oneservice::central;

namespace {

TEST(CaseStorePublic, AVersion4FileGainsEachCasesDeviceReference) {
  test::TempFolder folder;
  const auto path = folder.path() + "/central.sqlite3";
  const std::string client_id = "9e8d7c6b-5a49-4838-a271-605f4e3d2c1b";
  {
    test::RawDb raw(path);
    for (const auto& step : store::migrations()) {
      if (step.version > 4) break;
      ASSERT_EQ(raw.exec(std::string(step.sql)), SQLITE_OK) << raw.last_error();
    }
    ASSERT_EQ(raw.exec("PRAGMA user_version = 4"), SQLITE_OK);
    ASSERT_EQ(raw.exec("INSERT INTO cases (client_id, canonical_body, service_code, status, is_open, status_notes, "
                       "agency_responsible, responsible_area_id, service_notice, requested_datetime, "
                       "updated_datetime, device_created_at, address, description, channel, request_json) VALUES ('" +
                       client_id +
                       "', '{}', 'pothole', 'OPEN', 1, '', 'County', '', '', '2026-11-20T10:00:00Z', "
                       "'2026-11-20T10:00:00Z', '', '', 'Hole', 'kiosk', "
                       "'{\"contact\": {\"email\": \"old@example.com\"}}')"),
              SQLITE_OK)
        << raw.last_error();
  }
  CaseStore store(folder.path());
  const auto found = store.find_by_reference(local_reference(client_id));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].service_request_id, "1");
  EXPECT_EQ(found[0].language, "en");
  EXPECT_TRUE(store.due_mail(10).empty()) << "an old case is not emailed about its receipt now";
}

TEST(CaseStorePublic, ANewCaseHasItsReferenceAndItsEmailsAreQueuedOncePerEvent) {
  test::TempFolder folder;
  test::SetClock clock;
  CaseStore store(folder.path(), clock.clock());
  auto new_case = test::sample_case(test::client_id_for(7));
  new_case.language = "cy";
  ASSERT_FALSE(new_case.request.contact.email.empty());
  const auto id = store.create(new_case).service_request_id;
  EXPECT_EQ(store.find(id)->reference, local_reference(test::client_id_for(7)));
  EXPECT_EQ(store.find(id)->language, "cy");
  EXPECT_EQ(store.create(new_case).outcome, CreateOutcome::Duplicate);
  auto due = store.due_mail(10);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].event, "received");
  EXPECT_EQ(due[0].address, new_case.request.contact.email);
  EXPECT_EQ(due[0].stop_token.size(), 32u);
  store.mail_sent(due[0].id);
  EXPECT_TRUE(store.due_mail(10).empty());

  NewUpdate moved;
  moved.service_request_id = id;
  moved.status = CaseStatus::InProgress;
  moved.public_note = "On its way.";
  store.add_update(moved);
  NewUpdate again = moved;  // the same status again: no change, no email
  store.add_update(again);
  due = store.due_mail(10);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].status, CaseStatus::InProgress);
  EXPECT_EQ(due[0].note, "On its way.");

  store.mail_failed(due[0].id, "relay down", std::chrono::seconds(60), false);
  EXPECT_TRUE(store.due_mail(10).empty()) << "not before its retry time";
  clock.set("2026-11-22T14:06:00Z");
  ASSERT_EQ(store.due_mail(10).size(), 1u);
  EXPECT_EQ(store.due_mail(10)[0].attempts, 1);
  EXPECT_EQ(store.stop_mail(due[0].stop_token).outcome, StopOutcome::Stopped);
  EXPECT_TRUE(store.due_mail(10).empty()) << "stopping drops what was queued";
  EXPECT_EQ(store.stop_mail(due[0].stop_token).outcome, StopOutcome::AlreadyStopped);
  EXPECT_EQ(store.stop_mail("nope").outcome, StopOutcome::Unknown);
}

}  // namespace
