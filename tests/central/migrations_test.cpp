#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "central/case_store.h"
#include "central/store/password_hash.h"
#include "central/store/schema.h"
#include "status_update.h"
#include "support.h"

using namespace oneservice;
using namespace oneservice::central;
using test::client_id_for;
using test::RawDb;
using test::sample_case;
using test::TempFolder;

TEST(CaseStoreMigrations, AFreshFileHasTheLatestLayoutInWalMode) {
  TempFolder folder;
  const auto data = folder.path() + "/not/yet/there";
  CaseStore store(data);
  EXPECT_TRUE(std::filesystem::exists(data + "/central.sqlite3"));
  RawDb raw(store.path());
  EXPECT_EQ(raw.integer("PRAGMA user_version"), store::latest_schema_version());
  EXPECT_GE(store::latest_schema_version(), 1);
  EXPECT_EQ(raw.text("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(raw.integer("SELECT count(*) FROM sqlite_schema WHERE name IN "
                        "('cases', 'case_updates', 'case_media', 'devices')"),
            4);
}

// Step 3 (staff) on a file written before it: cases and keys stay, the
// cases gain "nobody said" provenance, staff can be added at once.
TEST(CaseStoreMigrations, AVersion1FileGainsStaffKeepingItsCases) {
  TempFolder folder;
  const auto path = folder.path() + "/central.sqlite3";
  {
    RawDb raw(path);
    ASSERT_EQ(raw.exec(std::string(store::migrations().front().sql)), SQLITE_OK) << raw.last_error();
    ASSERT_EQ(raw.exec("PRAGMA user_version = 1"), SQLITE_OK);
    ASSERT_EQ(raw.exec("INSERT INTO devices (name, channel, key_sha256, created_at) "
                       "VALUES ('Desk', 'assisted', '" + std::string(64, 'a') + "', '2026-11-01T09:00:00Z')"),
              SQLITE_OK);
    ASSERT_EQ(raw.exec("INSERT INTO cases (client_id, canonical_body, service_code, status, is_open, status_notes, "
                       "agency_responsible, responsible_area_id, service_notice, requested_datetime, "
                       "updated_datetime, device_created_at, address, description, channel, device_id, request_json) "
                       "VALUES ('c1', '{}', 'pothole', 'OPEN', 1, '', 'County', '', '', '2026-11-01T09:00:00Z', "
                       "'2026-11-01T09:00:00Z', '', '', 'Hole', 'assisted', 1, '{}')"),
              SQLITE_OK)
        << raw.last_error();
  }
  CaseStore store(folder.path());
  RawDb raw(path);
  EXPECT_EQ(raw.integer("PRAGMA user_version"), store::latest_schema_version());
  EXPECT_EQ(raw.integer("SELECT count(*) FROM cases"), 1);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM cases WHERE staff_id IS NULL AND reported_for = '' "
                        "AND assisted_via = ''"),
            1);
  EXPECT_EQ(store.list_keys().at(0).name, "Desk");
  EXPECT_EQ(store.find("1")->description, "Hole");
  store.use_hash_limits(store::smallest_hash_limits(), store::smallest_hash_limits());
  EXPECT_EQ(store.add_staff("Ann Smith", StaffRole::Helper, "", "a long enough secret").id, 1);
  EXPECT_NE(raw.exec("UPDATE cases SET reported_for = 'someone'"), SQLITE_OK) << "the step's checks hold";
}

TEST(CaseStoreMigrations, ANewerLayoutIsRefusedAndLeftAlone) {
  TempFolder folder;
  std::string path;
  {
    CaseStore store(folder.path());
    store.create(sample_case(client_id_for(1)));
    path = store.path();
  }
  const auto newer = store::latest_schema_version() + 1;
  {
    RawDb raw(path);
    ASSERT_EQ(raw.exec("PRAGMA user_version = " + std::to_string(newer)), SQLITE_OK);
  }
  try {
    CaseStore store(folder.path());
    FAIL() << "expected CentralStoreError";
  } catch (const CentralStoreError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_NE(message.find("version " + std::to_string(newer)), std::string::npos) << message;
    EXPECT_NE(message.find("newer than this server knows"), std::string::npos) << message;
  }
  RawDb raw(path);
  EXPECT_EQ(raw.integer("PRAGMA user_version"), newer);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM cases"), 1);
}

TEST(CaseStoreMigrations, AFileThatIsNotADatabaseIsRefused) {
  TempFolder folder;
  {
    std::ofstream out(folder.path() + "/central.sqlite3", std::ios::binary);
    out << std::string(8192, 'x');
  }
  EXPECT_THROW(CaseStore store(folder.path()), CentralStoreError);
}

TEST(CaseStoreMigrations, UpdatesCannotBeRewritten) {
  TempFolder folder;
  CaseStore store(folder.path());
  const auto id = store.create(sample_case(client_id_for(1))).service_request_id;
  store.add_update(test::status_update(id, CaseStatus::Investigating, "An inspector will visit."));
  RawDb raw(store.path());
  EXPECT_NE(raw.exec("UPDATE case_updates SET description = 'changed'"), SQLITE_OK);
  EXPECT_NE(raw.exec("DELETE FROM case_updates"), SQLITE_OK);
  EXPECT_EQ(store.updates({}).at(0).description, "An inspector will visit.");
}

// A file written by a version 1 server (its own SQL, as released) with one
// case, its "received" row and one real update.
TEST(CaseStoreMigrations, AVersion1FileKeepsItsRowsAndLosesTheReceivedRowFromTheFeed) {
  TempFolder folder;
  const auto path = folder.path() + "/central.sqlite3";
  {
    RawDb raw(path);
    ASSERT_EQ(raw.exec(std::string(store::migrations().at(0).sql)), SQLITE_OK) << raw.last_error();
    ASSERT_EQ(raw.exec("PRAGMA user_version = 1"), SQLITE_OK);
    ASSERT_EQ(raw.exec("INSERT INTO cases (client_id, canonical_body, service_code, status, is_open, status_notes, "
                       "agency_responsible, responsible_area_id, service_notice, requested_datetime, "
                       "updated_datetime, device_created_at, address, description, channel, request_json) VALUES "
                       "('c1', '{}', 'pothole', 'INVESTIGATING', 1, 'Looking', 'County', '', '', "
                       "'2026-11-20T10:00:00Z', '2026-11-21T10:00:00Z', '', '', 'Hole', 'kiosk', '{}')"),
              SQLITE_OK)
        << raw.last_error();
    ASSERT_EQ(raw.exec("INSERT INTO case_updates (case_id, status, updated_datetime, description) VALUES "
                       "(1, 'OPEN', '2026-11-20T10:00:00Z', 'Your request has been received.'), "
                       "(1, 'INVESTIGATING', '2026-11-21T10:00:00Z', 'Looking')"),
              SQLITE_OK)
        << raw.last_error();
  }
  CaseStore store(folder.path());
  RawDb raw(path);
  EXPECT_EQ(raw.integer("PRAGMA user_version"), store::latest_schema_version());
  EXPECT_EQ(raw.integer("SELECT count(*) FROM case_updates"), 2) << "history is kept";
  const auto feed = store.updates({});
  ASSERT_EQ(feed.size(), 1u);
  EXPECT_EQ(feed[0].description, "Looking");
  EXPECT_EQ(store.history("1").size(), 2u);
  const auto record = store.find("1");
  ASSERT_TRUE(record);
  EXPECT_EQ(record->status, CaseStatus::Investigating);
  EXPECT_EQ(record->version, 1);
  EXPECT_FALSE(record->needs_review);
  EXPECT_TRUE(record->media_urls.empty());
  // The append-only rule is back after the migration.
  EXPECT_NE(raw.exec("UPDATE case_updates SET description = 'changed'"), SQLITE_OK);
  // And the new layout works on the old rows.
  EXPECT_EQ(store.add_update(test::status_update("1", CaseStatus::Fixed, "Done.")).outcome, UpdateOutcome::Added);
  EXPECT_EQ(store.find("1")->version, 2);
}

// A file written by a version 3 server (steps 1 to 3 as released) with a
// case and an officer: step 4 adds assignments and the jobs log, keeps the
// rows, and the triggers work on them at once.
TEST(CaseStoreMigrations, AVersion3FileKeepsItsRowsAndTakesAssignments) {
  TempFolder folder;
  {
    CaseStore store(folder.path());
    store.create(sample_case(client_id_for(1)));
  }
  const auto path = folder.path() + "/central.sqlite3";
  {
    // Back to version 3: steps 5's and 4's objects go, as if never made.
    RawDb raw(path);
    for (const auto* drop : {"DROP TRIGGER mail_on_status", "DROP TRIGGER mail_on_receipt",
                             "DROP TRIGGER case_reference_kept", "DROP TABLE resident_sessions",
                             "DROP TABLE resident_links", "DROP TABLE mail_queue", "DROP TABLE mail_subscriptions",
                             "DROP INDEX cases_by_email", "DROP INDEX cases_by_reference",
                             "ALTER TABLE cases DROP COLUMN reference", "ALTER TABLE cases DROP COLUMN language",
                             "DROP TRIGGER job_assigned", "DROP TRIGGER job_reassigned", "DROP TRIGGER job_unassigned",
                             "DROP TRIGGER job_case_changed", "DROP TRIGGER job_case_updated",
                             "DROP TRIGGER update_version_kept", "DROP TABLE update_versions", "DROP TABLE job_changes",
                             "DROP TABLE assignments", "PRAGMA user_version = 3"})
      ASSERT_EQ(raw.exec(drop), SQLITE_OK) << drop << ": " << raw.last_error();
    ASSERT_EQ(raw.exec("INSERT INTO staff (name, role, secret_hash, created_at, secret_set_at) VALUES "
                       "('Ann Officer', 'officer', '$argon2id$v=19$m=8,t=1,p=1$c2FsdA$aGFzaA', "
                       "'2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z')"),
              SQLITE_OK)
        << raw.last_error();
  }
  CaseStore store(folder.path());
  RawDb raw(path);
  EXPECT_EQ(raw.integer("PRAGMA user_version"), store::latest_schema_version());
  EXPECT_EQ(raw.integer("SELECT count(*) FROM cases"), 1);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM staff"), 1);
  EXPECT_EQ(store.assign("1", "Ann Officer").outcome, AssignOutcome::Assigned);
  const auto officer = store.find_staff("Ann Officer");
  ASSERT_TRUE(officer);
  EXPECT_EQ(store.jobs(officer->id, 0, 10).jobs.size(), 1u);
}
