#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "central/case_store.h"
#include "central/store/password_hash.h"
#include "central/store/schema.h"
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
  store.create(sample_case(client_id_for(1)));
  RawDb raw(store.path());
  EXPECT_NE(raw.exec("UPDATE case_updates SET description = 'changed'"), SQLITE_OK);
  EXPECT_NE(raw.exec("DELETE FROM case_updates"), SQLITE_OK);
  EXPECT_EQ(store.updates({}).at(0).description, "Your request has been received.");
}
