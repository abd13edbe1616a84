#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "central/case_store.h"
#include "shared/identity.h"
#include "shared/request_json.h"
#include "status_update.h"
#include "support.h"

using namespace oneservice;
using namespace oneservice::central;
using test::client_id_for;
using test::RawDb;
using test::sample_case;
using test::SetClock;
using test::TempFolder;

TEST(CaseStoreStatus, KnownAndOpenStatuses) {
  ASSERT_EQ(all_case_statuses().size(), 13u);
  for (const auto status : all_case_statuses()) EXPECT_EQ(parse_case_status(to_string(status)), status);
  EXPECT_EQ(to_string(CaseStatus::NotCouncilsResponsibility), "NOT_COUNCILS_RESPONSIBILITY");
  EXPECT_EQ(parse_case_status("open"), std::nullopt);
  EXPECT_EQ(parse_case_status("fixed"), std::nullopt);
  EXPECT_EQ(parse_case_status(""), std::nullopt);
  EXPECT_EQ(case_status_names().substr(0, 20), "OPEN, INVESTIGATING,");
  EXPECT_NE(case_status_names().find("REOPEN or CLOSED"), std::string::npos);
  for (const auto* open : {"OPEN", "INVESTIGATING", "IN_PROGRESS", "ACTION_SCHEDULED", "INTERNAL_REFERRAL",
                           "FOR_TRIAGE", "REOPEN"})
    EXPECT_TRUE(is_open(*parse_case_status(open))) << open;
  for (const auto* closed : {"FIXED", "DUPLICATE", "NOT_COUNCILS_RESPONSIBILITY", "NO_FURTHER_ACTION", "CANCELLED",
                             "CLOSED"})
    EXPECT_FALSE(is_open(*parse_case_status(closed))) << closed;
}

TEST(CaseStoreCreate, EveryFieldSurvivesTheRoundTrip) {
  TempFolder folder;
  SetClock clock("2026-11-22T14:05:09Z");
  CaseStore store(folder.path(), clock.clock());
  EXPECT_EQ(store.path(), folder.path() + "/central.sqlite3");
  EXPECT_EQ(store.media_dir(), folder.path() + "/media");
  EXPECT_TRUE(std::filesystem::is_directory(store.media_dir()));

  Device device;
  store.add_key("Ashcombe Library kiosk 1", "kiosk", &device);
  auto new_case = sample_case(client_id_for(1));
  new_case.device_id = device.id;
  new_case.channel = "kiosk";
  new_case.request.channel = Channel::Kiosk;  // as the intake sets it from the key

  const auto created = store.create(new_case);
  EXPECT_EQ(created.outcome, CreateOutcome::Created);
  EXPECT_EQ(created.service_request_id, "1");
  EXPECT_EQ(created.token, "");

  const auto record = store.find("1");
  ASSERT_TRUE(record);
  EXPECT_EQ(record->service_request_id, "1");
  EXPECT_EQ(record->client_id, client_id_for(1));
  EXPECT_EQ(record->token, "");
  EXPECT_EQ(record->service_code, "pothole");
  EXPECT_EQ(record->status, CaseStatus::Open);
  EXPECT_EQ(record->status_notes, "Your request has been received.");
  EXPECT_EQ(record->agency_responsible, "Wealdshire County Council");
  EXPECT_EQ(record->responsible_area_id, "county-wealdshire");
  EXPECT_EQ(record->service_notice, "We aim to inspect within 5 working days.");
  // The server's receive time, not the device's created_at.
  EXPECT_EQ(record->requested_datetime, "2026-11-22T14:05:09Z");
  EXPECT_EQ(record->updated_datetime, "2026-11-22T14:05:09Z");
  EXPECT_EQ(record->address, "Outside 12 Mill Lane, Wealdbridge");
  ASSERT_TRUE(record->lat && record->lon);
  EXPECT_DOUBLE_EQ(*record->lat, 51.0625);
  EXPECT_DOUBLE_EQ(*record->lon, -0.3217);
  EXPECT_EQ(record->description, "Deep hole by the bus stop");
  EXPECT_EQ(record->channel, "kiosk");
  EXPECT_EQ(record->device_name, "Ashcombe Library kiosk 1");
  ASSERT_EQ(record->media.size(), 2u);
  EXPECT_EQ(record->media[0].file_name, "photo-a.jpg");
  EXPECT_EQ(record->media[0].content_type, "image/jpeg");
  EXPECT_EQ(record->media[1].file_name, "photo-b.png");
  EXPECT_EQ(record->media[1].content_type, "image/png");
  EXPECT_EQ(record->request_json, request_to_json(new_case.request));
  const auto request = request_from_json(record->request_json);
  EXPECT_EQ(request.contact.email, "jo.bloggs@example.com");
  EXPECT_EQ(request.answers, new_case.request.answers);

  // The device's own time is kept beside the receive time.
  RawDb raw(store.path());
  EXPECT_EQ(raw.text("SELECT device_created_at FROM cases WHERE id = 1"), "2026-11-22T14:03:00Z");

  // Creating a case is not an update: the feed stays empty, the history too.
  EXPECT_TRUE(store.updates({}).empty());
  EXPECT_TRUE(store.history("1").empty());
  EXPECT_EQ(record->version, 1);
  EXPECT_FALSE(record->needs_review);
}

TEST(CaseStoreCreate, IdsCountUpAndUnknownIdsAreNotFound) {
  TempFolder folder;
  CaseStore store(folder.path());
  EXPECT_EQ(store.create(sample_case(client_id_for(1))).service_request_id, "1");
  EXPECT_EQ(store.create(sample_case(client_id_for(2))).service_request_id, "2");
  EXPECT_EQ(store.create(sample_case(client_id_for(3))).service_request_id, "3");
  EXPECT_TRUE(store.find("3"));
  EXPECT_FALSE(store.find("4"));
  EXPECT_FALSE(store.find("03"));
  EXPECT_FALSE(store.find("0"));
  EXPECT_FALSE(store.find("abc"));
  EXPECT_FALSE(store.find(""));
}

TEST(CaseStoreCreate, NoPointAndNoDeviceAreStoredAsAbsent) {
  TempFolder folder;
  CaseStore store(folder.path());
  auto new_case = sample_case(client_id_for(1));
  new_case.request.location.lat.reset();
  new_case.request.location.lon.reset();
  new_case.media.clear();
  new_case.channel.clear();  // falls back to the request's own channel
  const auto id = store.create(new_case).service_request_id;
  const auto record = store.find(id);
  ASSERT_TRUE(record);
  EXPECT_FALSE(record->lat);
  EXPECT_FALSE(record->lon);
  EXPECT_TRUE(record->media.empty());
  EXPECT_EQ(record->device_name, "");
  EXPECT_EQ(record->channel, "assisted");
}

TEST(CaseStoreCreate, TheDevicesChannelIsStoredInTheColumnAndTheRequestAlike) {
  TempFolder folder;
  CaseStore store(folder.path());
  auto new_case = sample_case(client_id_for(1));
  new_case.request.channel = Channel::Kiosk;  // what the request claims
  new_case.channel = "web";                   // what its key says
  const auto record = store.find(store.create(new_case).service_request_id);
  ASSERT_TRUE(record);
  EXPECT_EQ(record->channel, "web");
  EXPECT_EQ(nlohmann::json::parse(record->request_json).at("channel"), "web");

  auto unknown = sample_case(client_id_for(2));
  unknown.channel = "bus";
  EXPECT_THROW(store.create(unknown), CentralStoreError);
}

TEST(CaseStoreCreate, BatchServicesGetATokenThatResolves) {
  TempFolder folder;
  CaseStore store(folder.path());
  const auto created = store.create(sample_case(client_id_for(1), "pothole", true));
  EXPECT_TRUE(is_uuid(created.token));
  EXPECT_EQ(store.resolve_token(created.token), created.service_request_id);
  EXPECT_EQ(store.find(created.service_request_id)->token, created.token);
  EXPECT_FALSE(store.resolve_token(make_uuid_v4()));
  EXPECT_FALSE(store.resolve_token(""));
}

TEST(CaseStoreCreate, SameClientIdAndContentIsADuplicateOfTheFirst) {
  TempFolder folder;
  CaseStore store(folder.path());
  const auto first = store.create(sample_case(client_id_for(7), "pothole", true));
  ASSERT_EQ(first.outcome, CreateOutcome::Created);
  const auto again = store.create(sample_case(client_id_for(7), "pothole", true));
  EXPECT_EQ(again.outcome, CreateOutcome::Duplicate);
  EXPECT_EQ(again.service_request_id, first.service_request_id);
  EXPECT_EQ(again.token, first.token);
  EXPECT_EQ(store.search({}).size(), 1u);
  EXPECT_TRUE(store.updates({}).empty());  // creating a case is not an update
}

TEST(CaseStoreCreate, SameClientIdWithOtherContentIsAConflict) {
  TempFolder folder;
  CaseStore store(folder.path());
  const auto first = store.create(sample_case(client_id_for(7)));
  auto changed = sample_case(client_id_for(7));
  changed.request.description = "Something else";
  changed.canonical_body = request_to_json(changed.request);
  const auto conflict = store.create(changed);
  EXPECT_EQ(conflict.outcome, CreateOutcome::Conflict);
  EXPECT_EQ(conflict.service_request_id, "");
  const auto kept = store.find(first.service_request_id);
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->description, "Deep hole by the bus stop");
  EXPECT_EQ(store.search({}).size(), 1u);
}

TEST(CaseStoreCreate, ACaseNeedsAClientIdAndAServiceCode) {
  TempFolder folder;
  CaseStore store(folder.path());
  EXPECT_THROW(store.create(sample_case("")), CentralStoreError);
  EXPECT_THROW(store.create(sample_case(client_id_for(1), "")), CentralStoreError);
  EXPECT_TRUE(store.search({}).empty());
}

TEST(CaseStoreCreate, AnUnknownDeviceIsRefusedWithoutPersonalDetails) {
  TempFolder folder;
  CaseStore store(folder.path());
  auto new_case = sample_case(client_id_for(1));
  new_case.device_id = 999;  // the foreign key is enforced
  try {
    store.create(new_case);
    FAIL() << "expected CentralStoreError";
  } catch (const CentralStoreError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find(client_id_for(1)), std::string::npos) << message;
    EXPECT_EQ(message.find("Bloggs"), std::string::npos) << message;
    EXPECT_EQ(message.find("Mill Lane"), std::string::npos) << message;
  }
  EXPECT_TRUE(store.search({}).empty());
  EXPECT_TRUE(store.updates({}).empty());
}

TEST(CaseStoreReopen, EverythingIsThereAfterReopening) {
  TempFolder folder;
  std::string key;
  {
    CaseStore store(folder.path());
    for (int n = 1; n <= 3; ++n) store.create(sample_case(client_id_for(n)));
    store.add_update(test::status_update("2", CaseStatus::InProgress, "Booked for Tuesday."));
    key = store.add_key("Field tablet 3", "field");
  }
  CaseStore store(folder.path());
  for (const auto* id : {"1", "2", "3"}) {
    const auto record = store.find(id);
    ASSERT_TRUE(record) << id;
    EXPECT_EQ(record->media.size(), 2u);
  }
  EXPECT_EQ(store.find("2")->status, CaseStatus::InProgress);
  EXPECT_EQ(store.updates({}).size(), 1u);
  EXPECT_EQ(store.create(sample_case(client_id_for(4))).service_request_id, "4");
  EXPECT_EQ(store.create(sample_case(client_id_for(1))).outcome, CreateOutcome::Duplicate);
  const auto device = store.authenticate(key);
  ASSERT_TRUE(device);
  EXPECT_EQ(device->name, "Field tablet 3");
}
