#include <gtest/gtest.h>

#include "support.h"
#include "sync/migrations.h"
#include "sync/outbox.h"

using namespace oneservice::sync;
using oneservice::sync::test::RawDb;
using oneservice::sync::test::TempFolder;

TEST(Migrations, StepsAreNumberedFromOneWithoutGaps) {
  int expected = 1;
  for (const auto& step : migrations()) {
    EXPECT_EQ(step.version, expected++);
    EXPECT_FALSE(step.sql.empty());
  }
  EXPECT_EQ(latest_schema_version(), expected - 1);
}

TEST(Migrations, FreshFileGetsTheLatestVersion) {
  TempFolder folder;
  const auto path = outbox_path(folder.path());
  { auto outbox = Outbox::open(path); }
  RawDb raw(path);
  EXPECT_EQ(raw.integer("PRAGMA user_version"), latest_schema_version());
  EXPECT_EQ(raw.integer("SELECT count(*) FROM sqlite_schema WHERE name IN ('requests', 'catalogue_versions', "
                        "'sync_state', 'status_updates', 'request_media')"),
            5);
}

TEST(Migrations, ReopeningDoesNotRunThemAgain) {
  TempFolder folder;
  const auto path = outbox_path(folder.path());
  { auto outbox = Outbox::open(path); }
  long long schema_before = 0;
  {
    RawDb raw(path);
    schema_before = raw.integer("PRAGMA schema_version");
  }
  { auto outbox = Outbox::open(path, OpenMode::MustExist); }
  RawDb raw(path);
  // schema_version goes up with every CREATE/DROP: unchanged means no step ran.
  EXPECT_EQ(raw.integer("PRAGMA schema_version"), schema_before);
  EXPECT_EQ(raw.integer("PRAGMA user_version"), latest_schema_version());
}

TEST(Migrations, FileFromANewerVersionIsRefusedAndLeftAlone) {
  TempFolder folder;
  const auto path = outbox_path(folder.path());
  const auto future = latest_schema_version() + 1;
  {
    RawDb raw(path);
    ASSERT_EQ(raw.exec("CREATE TABLE future_things (x); PRAGMA user_version = " + std::to_string(future)), SQLITE_OK);
  }
  try {
    auto outbox = Outbox::open(path);
    FAIL() << "a store from a newer version was opened";
  } catch (const StoreError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find(path), std::string::npos) << message;
    EXPECT_NE(message.find("made by a newer version of oneservice"), std::string::npos) << message;
    EXPECT_NE(message.find("must not be opened by this one"), std::string::npos) << message;
  }
  RawDb raw(path);
  EXPECT_EQ(raw.integer("PRAGMA user_version"), future);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'requests'"), 0);
}

TEST(Migrations, VersionZeroFileWithAnotherTableIsMigratedKeepingIt) {
  TempFolder folder;
  const auto path = outbox_path(folder.path());
  {
    RawDb raw(path);
    ASSERT_EQ(raw.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('kept')"), SQLITE_OK);
    ASSERT_EQ(raw.integer("PRAGMA user_version"), 0);
  }
  {
    auto outbox = Outbox::open(path, OpenMode::MustExist);
    outbox.enqueue(test::sample_request());
    EXPECT_EQ(outbox.counts().at(RequestState::Queued), 1);
  }
  RawDb raw(path);
  EXPECT_EQ(raw.integer("PRAGMA user_version"), latest_schema_version());
  EXPECT_EQ(raw.text("SELECT text FROM notes"), "kept");
}

TEST(Migrations, VersionZeroFileWithAClashingTableIsRefusedUnchanged) {
  TempFolder folder;
  const auto path = outbox_path(folder.path());
  {
    RawDb raw(path);
    ASSERT_EQ(raw.exec("CREATE TABLE requests (who TEXT); INSERT INTO requests VALUES ('someone')"), SQLITE_OK);
  }
  try {
    auto outbox = Outbox::open(path);
    FAIL() << "a database with someone else's requests table was taken over";
  } catch (const StoreError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("not a request store"), std::string::npos) << message;
    EXPECT_EQ(message.find("someone"), std::string::npos) << message;
  }
  RawDb raw(path);
  EXPECT_EQ(raw.integer("PRAGMA user_version"), 0);  // the failed step was rolled back
  EXPECT_EQ(raw.text("SELECT who FROM requests"), "someone");
  EXPECT_EQ(raw.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'catalogue_cache'"), 0);
}

TEST(Migrations, Version1StoresMoveToVersion2WithTheirCatalogueAndRequests) {
  TempFolder folder;
  const auto path = outbox_path(folder.path());
  {
    // A store as version 1 of oneservice left it.
    RawDb raw(path);
    ASSERT_EQ(raw.exec("BEGIN; " + std::string(migrations().at(0).sql) + " PRAGMA user_version = 1; COMMIT;"),
              SQLITE_OK)
        << raw.last_error();
    ASSERT_EQ(raw.exec("INSERT INTO catalogue_cache VALUES (1, '2026-11-01T09:00:00Z', '{\"x\": 1}', "
                       "'2026-11-02T00:00:00Z'); INSERT INTO requests (client_id, local_ref, state, service_code, "
                       "catalogue_version, body, created_at, updated_at) VALUES ('c1', 'OS-AAAA-BBBB', 'queued', "
                       "'pothole', '2026-11-01T09:00:00Z', '{}', 't', 't')"),
              SQLITE_OK)
        << raw.last_error();
  }
  auto outbox = Outbox::open(path);
  EXPECT_EQ(outbox.cached_catalogue_json(), "{\"x\": 1}");
  EXPECT_EQ(outbox.catalogue_json("2026-11-01T09:00:00Z"), "{\"x\": 1}");
  RawDb raw(path);
  EXPECT_EQ(raw.integer("PRAGMA user_version"), latest_schema_version());
  EXPECT_EQ(raw.text("SELECT local_ref FROM requests WHERE next_attempt_at = '' AND token = ''"), "OS-AAAA-BBBB");
}

TEST(Migrations, DurabilitySettingsAreInForceAfterOpen) {
  TempFolder folder;
  auto outbox = Outbox::open(outbox_path(folder.path()));
  const auto settings = outbox.settings();
  EXPECT_EQ(settings.journal_mode, "wal");
  EXPECT_EQ(settings.synchronous, 2);  // FULL
  EXPECT_EQ(settings.busy_timeout_ms, 5000);
  EXPECT_TRUE(settings.foreign_keys);
  // WAL is recorded in the file itself, so another connection sees it too.
  RawDb raw(outbox.path());
  EXPECT_EQ(raw.text("PRAGMA journal_mode"), "wal");
}

TEST(Migrations, Version3StoresGetQueueStampsFromWhatTheyHold) {
  TempFolder folder;
  const auto path = outbox_path(folder.path());
  {
    // A store as version 3 left it: a draft, a queued request and an accepted one.
    RawDb raw(path);
    std::string steps = "BEGIN; ";
    for (int version = 1; version <= 3; ++version) steps += std::string(migrations().at(version - 1).sql);
    ASSERT_EQ(raw.exec(steps + " PRAGMA user_version = 3; COMMIT;"), SQLITE_OK) << raw.last_error();
    const std::string insert =
        "INSERT INTO requests (client_id, local_ref, state, service_code, catalogue_version, body, created_at, "
        "updated_at) VALUES ";
    ASSERT_EQ(raw.exec(insert + "('d', 'OS-DDDD-DDDD', 'draft', 'pothole', 'v', '{}', '2026-11-22T08:00:00Z', "
                                "'2026-11-22T08:00:00Z');" +
                       insert + "('q', 'OS-QQQQ-QQQQ', 'queued', 'pothole', 'v', '{}', '2026-11-22T09:00:00Z', "
                                "'2026-11-22T09:30:00Z');" +
                       insert + "('a', 'OS-AAAA-AAAA', 'queued', 'pothole', 'v', '{}', '2026-11-22T10:00:00Z', "
                                "'2026-11-22T10:00:00Z');"
                                "UPDATE requests SET state = 'sending' WHERE client_id = 'a';"
                                "UPDATE requests SET state = 'accepted', server_ref = 'S1', "
                                "updated_at = '2026-11-22T10:05:00Z' WHERE client_id = 'a';"),
              SQLITE_OK)
        << raw.last_error();
  }
  { auto outbox = Outbox::open(path); }
  RawDb raw(path);
  EXPECT_EQ(raw.integer("PRAGMA user_version"), latest_schema_version());
  const auto stamps = [&](const std::string& id) {
    return raw.text("SELECT queued_at || '/' || accepted_at FROM requests WHERE client_id = '" + id + "'");
  };
  EXPECT_EQ(stamps("d"), "/") << "a draft has not joined the queue";
  EXPECT_EQ(stamps("q"), "2026-11-22T09:00:00Z/") << "queued: since it was made";
  EXPECT_EQ(stamps("a"), "2026-11-22T10:00:00Z/2026-11-22T10:05:00Z") << "accepted: at its last change";
}

namespace {

// A store as version 4 of oneservice left it, holding a request in each
// state and a photo on the queued one.
void make_version4_store(const std::string& path) {
  RawDb raw(path);
  std::string steps = "BEGIN; ";
  for (int version = 1; version <= 4; ++version) steps += std::string(migrations().at(version - 1).sql);
  ASSERT_EQ(raw.exec(steps + " PRAGMA user_version = 4; COMMIT;"), SQLITE_OK) << raw.last_error();
  std::string rows;
  for (const std::string id : {"d", "q", "s", "a", "n"}) {
    rows += "INSERT INTO requests (client_id, local_ref, state, service_code, catalogue_version, body, created_at, "
            "updated_at) VALUES ('" + id + "', 'OS-" + id + "', '" + (id == "d" ? "draft" : "queued") +
            "', 'pothole', 'v', '{}', '2026-11-22T09:00:00Z', '2026-11-22T09:00:00Z');";
  }
  rows +=
      "UPDATE requests SET state = 'sending', attempts = 1 WHERE client_id IN ('s', 'a', 'n');"
      "UPDATE requests SET state = 'accepted', server_ref = 'S1', updated_at = '2026-11-22T10:00:00Z' "
      "WHERE client_id = 'a';"
      "UPDATE requests SET state = 'needs_attention', last_error = 'refused' WHERE client_id = 'n';"
      "INSERT INTO request_media (client_id, file_name, content_type, bytes) VALUES "
      "('q', 'a.jpg', 'image/jpeg', x'FFD8FF');";
  ASSERT_EQ(raw.exec(rows), SQLITE_OK) << raw.last_error();
}

const char* const kEveryColumn =
    "SELECT group_concat(id || client_id || local_ref || state || service_code || catalogue_version || body || "
    "attempts || last_error || server_ref || created_at || updated_at || next_attempt_at || token || queued_at || "
    "accepted_at, '|') FROM (SELECT * FROM requests ORDER BY id)";

const char* const kTriggersAndIndexes =
    "SELECT group_concat(type || ' ' || name, ', ') FROM "
    "(SELECT type, name FROM sqlite_schema WHERE tbl_name = 'requests' AND type IN ('trigger', 'index') ORDER BY name)";

}  // namespace

TEST(Migrations, Version4StoresAreRebuiltWithoutInListsKeepingEveryRowAndPhoto) {
  TempFolder folder;
  const auto path = outbox_path(folder.path());
  make_version4_store(path);
  std::string before, schema_before;
  {
    RawDb raw(path);
    before = raw.text(kEveryColumn);
    schema_before = raw.text(kTriggersAndIndexes);
  }
  ASSERT_NE(before.find("accepted"), std::string::npos);
  {
    auto outbox = Outbox::open(path);
    EXPECT_TRUE(outbox.settings().foreign_keys) << "back on after the rebuild";
  }
  RawDb raw(path);
  EXPECT_EQ(raw.integer("PRAGMA user_version"), latest_schema_version());
  EXPECT_EQ(raw.text(kEveryColumn), before) << "every row and column as it was";
  EXPECT_EQ(raw.text("SELECT lower(hex(bytes)) FROM request_media WHERE client_id = 'q'"), "ffd8ff");
  // What the step is for: no IN list left for SQLite to build a b-tree for.
  EXPECT_EQ(raw.integer("SELECT count(*) FROM sqlite_schema WHERE tbl_name = 'requests' AND sql LIKE '% IN (%'"), 0);
  // Every trigger and index made again (version 6 then drops one, and
  // version 7 adds the index by member of staff).
  auto expected_schema = schema_before;
  const std::string dropped = "index requests_by_state, ";
  ASSERT_NE(expected_schema.find(dropped), std::string::npos) << schema_before;
  expected_schema.erase(expected_schema.find(dropped), dropped.size());
  const std::string before_staff = "index requests_by_accepted_at, ";
  ASSERT_NE(expected_schema.find(before_staff), std::string::npos) << schema_before;
  expected_schema.insert(expected_schema.find(before_staff) + before_staff.size(), "index requests_by_staff, ");
  EXPECT_EQ(raw.text(kTriggersAndIndexes), expected_schema);

  // The rules hold as before.
  EXPECT_NE(raw.exec("UPDATE requests SET state = 'lost' WHERE client_id = 'q'"), SQLITE_OK) << "CHECK on state";
  EXPECT_NE(raw.exec("UPDATE requests SET state = 'accepted', server_ref = 'S2' WHERE client_id = 'q'"), SQLITE_OK)
      << "queued cannot jump to accepted";
  EXPECT_NE(raw.exec("DELETE FROM requests WHERE client_id = 'q'"), SQLITE_OK) << "not yet accepted";
  EXPECT_EQ(raw.exec("UPDATE requests SET state = 'sending' WHERE client_id = 'q'"), SQLITE_OK) << raw.last_error();
  EXPECT_EQ(raw.exec("UPDATE requests SET state = 'accepted', server_ref = 'S2', updated_at = '2026-11-22T11:00:00Z' "
                     "WHERE client_id = 'q'"),
            SQLITE_OK)
      << raw.last_error();
  EXPECT_EQ(raw.text("SELECT accepted_at FROM requests WHERE client_id = 'q'"), "2026-11-22T11:00:00Z")
      << "a hand-run acceptance is still stamped";
  // The photos' foreign key follows the new table: deleting the request takes its photo.
  ASSERT_EQ(raw.exec("PRAGMA foreign_keys = ON; DELETE FROM requests WHERE client_id = 'q'"), SQLITE_OK)
      << raw.last_error();
  EXPECT_EQ(raw.integer("SELECT count(*) FROM request_media"), 0);
}

TEST(Migrations, AVersion4StoreWithAnOrphanPhotoIsRefusedAndLeftAtVersion4) {
  TempFolder folder;
  const auto path = outbox_path(folder.path());
  make_version4_store(path);
  {
    RawDb raw(path);  // foreign keys are off on a plain connection: only a hand edit can do this
    ASSERT_EQ(raw.exec("INSERT INTO request_media (client_id, file_name, content_type, bytes) VALUES "
                       "('ghost', 'g.jpg', 'image/jpeg', x'FF')"),
              SQLITE_OK);
  }
  try {
    auto outbox = Outbox::open(path);
    FAIL() << "a store with a photo of no request was rebuilt";
  } catch (const StoreError& error) {
    EXPECT_NE(std::string(error.what()).find("a photo belongs to no request"), std::string::npos) << error.what();
  }
  RawDb raw(path);
  EXPECT_EQ(raw.integer("PRAGMA user_version"), 4);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM requests"), 5);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'requests_v5'"), 0);
}

TEST(Migrations, Version5StoresLoseTheIndexThatRequestsDueCoversAndStillFindByState) {
  TempFolder folder;
  const auto path = outbox_path(folder.path());
  make_version4_store(path);
  {
    RawDb raw(path);
    ASSERT_EQ(raw.exec("PRAGMA foreign_keys = OFF; BEGIN; " + std::string(migrations().at(4).sql) +
                       " PRAGMA user_version = 5; COMMIT;"),
              SQLITE_OK)
        << raw.last_error();
    ASSERT_EQ(raw.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'requests_by_state'"), 1);
  }
  auto outbox = Outbox::open(path);
  RawDb raw(path);
  EXPECT_EQ(raw.integer("PRAGMA user_version"), latest_schema_version());
  EXPECT_EQ(raw.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'requests_by_state'"), 0);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'requests_due'"), 1);
  // Lookups by state still find what they did.
  const auto counts = outbox.counts();
  EXPECT_EQ(counts.at(RequestState::Queued), 1);
  EXPECT_EQ(counts.at(RequestState::Accepted), 1);
  ASSERT_EQ(outbox.list(RequestState::Sending).size(), 1u);
  EXPECT_EQ(outbox.list(RequestState::Sending).at(0).client_id, "s");
}

// Version 7 (field mode): requests from before belong to nobody (the
// kiosk's), and the field tables are there.
TEST(Migrations, Version4StoresGainTheFieldTablesAndTheirRequestsBelongToNobody) {
  TempFolder folder;
  const auto path = outbox_path(folder.path());
  make_version4_store(path);
  { auto outbox = Outbox::open(path); }
  RawDb raw(path);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM requests WHERE staff <> ''"), 0);
  EXPECT_GT(raw.integer("SELECT count(*) FROM requests"), 0);
  EXPECT_EQ(raw.integer("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN ('staff_members', "
                        "'report_photos', 'jobs', 'job_thumbnails', 'job_updates', 'job_update_media', "
                        "'job_notices', 'nearby_cases')"),
            8);
  // An update not yet sent cannot be deleted, even by hand.
  ASSERT_EQ(raw.exec("INSERT INTO job_updates (update_id, staff, service_request_id, kind, status, public_note, "
                     "private_note, device_time, queued_at) VALUES ('u', 'Ann', '1', 'update', '', '', '', 't', 't')"),
            SQLITE_OK)
      << raw.last_error();
  EXPECT_NE(raw.exec("DELETE FROM job_updates WHERE update_id = 'u'"), SQLITE_OK);
}
