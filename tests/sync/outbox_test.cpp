#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>

#include "shared/clock.h"
#include "shared/identity.h"
#include "shared/request_json.h"
#include "support.h"
#include "sync/outbox.h"
#include "support/stored_request.h"

using namespace oneservice;
using namespace oneservice::sync;
using test::client_id_for;
using test::RawDb;
using test::sample_request;
using test::TempFolder;

namespace {

class OutboxTest : public ::testing::Test {
 protected:
  TempFolder folder;
  Outbox outbox = Outbox::open(outbox_path(folder.path()));
};

}  // namespace

TEST(OutboxPath, IsTheDataFolderFile) { EXPECT_EQ(outbox_path("/var/lib/oneservice"), "/var/lib/oneservice/outbox.sqlite3"); }

TEST_F(OutboxTest, CreatesTheFileInAMissingDataFolder) {
  const auto path = outbox_path(folder.file("new/data"));
  auto nested = Outbox::open(path);
  EXPECT_EQ(nested.path(), path);
  EXPECT_TRUE(std::filesystem::is_regular_file(path));
}

TEST_F(OutboxTest, EnqueueStoresTheRequestAsQueued) {
  const auto request = sample_request();
  const auto reference = outbox.enqueue(request);
  EXPECT_EQ(reference, local_reference(request.client_id));

  const auto entry = outbox.find(request.client_id);
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->client_id, request.client_id);
  EXPECT_EQ(entry->local_ref, reference);
  EXPECT_EQ(entry->state, RequestState::Queued);
  EXPECT_EQ(entry->attempts, 0);
  EXPECT_EQ(entry->last_error, "");
  EXPECT_EQ(entry->server_ref, "");
  EXPECT_TRUE(parse_iso8601(entry->created_at)) << entry->created_at;
  EXPECT_EQ(entry->created_at, entry->updated_at);
}

TEST_F(OutboxTest, StoredBodyRoundTripsToTheSameRequest) {
  const auto request = sample_request();
  outbox.enqueue(request);
  const auto entry = outbox.find(request.client_id);
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->service_code, request.service_code);
  const auto stored = oneservice::sync::test::stored_request(outbox, *entry);
  EXPECT_EQ(request_to_json(stored), request_to_json(request));
  EXPECT_EQ(stored.answers, request.answers);
  EXPECT_EQ(std::get<std::vector<std::string>>(stored.answers.at("time_of_day")),
            (std::vector<std::string>{"morning", "evening"}));
  EXPECT_EQ(stored.location.lat, request.location.lat);
  EXPECT_EQ(stored.location.lon, request.location.lon);
  EXPECT_EQ(stored.location.address_string, request.location.address_string);
  EXPECT_EQ(stored.contact.email, "jo.bloggs@example.com");
  EXPECT_EQ(stored.contact.phone, "07700 900982");
  EXPECT_EQ(stored.channel, Channel::Assisted);
  EXPECT_EQ(stored.created_at, request.created_at);
  EXPECT_EQ(stored.catalogue_version, request.catalogue_version);
  EXPECT_EQ(stored.description, request.description);

  RawDb raw(outbox.path());
  EXPECT_EQ(raw.text("SELECT service_code FROM requests"), "pothole");
  EXPECT_EQ(raw.text("SELECT catalogue_version FROM requests"), "2026-11-01T09:00:00Z");
}

TEST_F(OutboxTest, FindsByReferenceAndMissesCleanly) {
  const auto request = sample_request();
  const auto reference = outbox.enqueue(request);
  const auto by_reference = outbox.find_by_reference(reference);
  ASSERT_TRUE(by_reference);
  EXPECT_EQ(by_reference->client_id, request.client_id);
  EXPECT_FALSE(outbox.find(client_id_for(999)));
  EXPECT_FALSE(outbox.find_by_reference("OS-0000-0000"));
}

TEST_F(OutboxTest, ListsByStateOldestFirstAndCountsEveryState) {
  auto counts = outbox.counts();
  ASSERT_EQ(counts.size(), 5u);
  for (const auto& [state, count] : counts) EXPECT_EQ(count, 0) << to_string(state);

  for (int n = 1; n <= 3; ++n) outbox.enqueue(sample_request(client_id_for(n)));
  test::insert_draft(outbox.path(), client_id_for(4));

  const auto queued = outbox.list(RequestState::Queued);
  ASSERT_EQ(queued.size(), 3u);
  EXPECT_EQ(queued[0].client_id, client_id_for(1));
  EXPECT_EQ(queued[2].client_id, client_id_for(3));
  ASSERT_EQ(outbox.list(RequestState::Draft).size(), 1u);
  EXPECT_TRUE(outbox.list(RequestState::Accepted).empty());

  counts = outbox.counts();
  ASSERT_EQ(counts.size(), 5u);
  EXPECT_EQ(counts.at(RequestState::Queued), 3);
  EXPECT_EQ(counts.at(RequestState::Draft), 1);
  EXPECT_EQ(counts.at(RequestState::Sending), 0);
  EXPECT_EQ(counts.at(RequestState::Accepted), 0);
  EXPECT_EQ(counts.at(RequestState::NeedsAttention), 0);
}

TEST_F(OutboxTest, EnqueueTwiceWithTheSameContentStoresOnce) {
  const auto request = sample_request();
  const auto first = outbox.enqueue(request);
  const auto second = outbox.enqueue(request);
  EXPECT_EQ(first, second);
  RawDb raw(outbox.path());
  EXPECT_EQ(raw.integer("SELECT count(*) FROM requests"), 1);
}

TEST_F(OutboxTest, EnqueueTwiceWithDifferentContentIsRefusedWithoutPersonalData) {
  const auto request = sample_request();
  outbox.enqueue(request);
  auto changed = request;
  changed.contact.email = "someone.else@example.org";
  changed.answers["depth_cm"] = std::string("40");
  try {
    outbox.enqueue(changed);
    FAIL() << "different content under one client id was accepted";
  } catch (const StoreError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find(local_reference(request.client_id)), std::string::npos) << message;
    EXPECT_NE(message.find("different content"), std::string::npos) << message;
    EXPECT_EQ(message.find("example"), std::string::npos) << message;
    EXPECT_EQ(message.find("Bloggs"), std::string::npos) << message;
  }
  EXPECT_EQ(request_to_json(oneservice::sync::test::stored_request(outbox, *outbox.find(request.client_id))), request_to_json(request));
}

TEST_F(OutboxTest, AReferenceUsedByAnotherClientIdIsAClash) {
  const auto request = sample_request();
  const auto reference = local_reference(request.client_id);
  {
    // Two ids sharing a reference take ~2^20 tries to find; plant the clash instead.
    RawDb raw(outbox.path());
    ASSERT_EQ(raw.exec("INSERT INTO requests (client_id, local_ref, state, service_code, catalogue_version, body, "
                       "created_at, updated_at) VALUES ('other-id', '" + reference +
                       "', 'queued', 'pothole', 'v', '{}', 't', 't')"),
              SQLITE_OK)
        << raw.last_error();
  }
  EXPECT_THROW(outbox.enqueue(request), ReferenceClash);
  EXPECT_FALSE(outbox.find(request.client_id));
  try {
    outbox.enqueue(request);
  } catch (const StoreError& error) {  // a clash is also a StoreError, for callers that do not retry
    EXPECT_NE(std::string(error.what()).find("make a new client id"), std::string::npos) << error.what();
  }
}

TEST_F(OutboxTest, AnUnpreparedRequestIsAProgrammingError) {
  auto request = sample_request();
  request.client_id.clear();
  EXPECT_THROW(outbox.enqueue(request), std::invalid_argument);
  request = sample_request();
  request.created_at.clear();
  EXPECT_THROW(outbox.enqueue(request), std::invalid_argument);
  EXPECT_EQ(outbox.counts().at(RequestState::Queued), 0);
}

TEST_F(OutboxTest, TheOutboxCanBeMoved) {
  const auto reference = outbox.enqueue(sample_request());
  Outbox moved = std::move(outbox);
  EXPECT_TRUE(moved.find_by_reference(reference));
}
