// Bringing the council's side back: status updates of this device's
// requests, and the catalogue when (only when) its changeset moved.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "delivery_support.h"
#include "shared/catalogue_json.h"
#include "sync/pull.h"

using namespace oneservice;
using namespace oneservice::sync;
using namespace oneservice::sync::delivery_test;

namespace {

net::TransportOptions fast_transport() { return fast_push_options().transport; }

std::vector<std::string> delivered(Outbox& outbox, const Central& central, int count) {
  const auto ids = enqueue_potholes(outbox, count);
  PushLock lock(outbox.path().substr(0, outbox.path().rfind('/')));
  EXPECT_TRUE(lock.held());
  Pusher pusher(outbox, {central.base_url(), central.key(), ""}, fast_push_options());
  push_until_settled(outbox, pusher, std::chrono::seconds(10));
  std::vector<std::string> refs;
  for (const auto& id : ids) {
    const auto entry = outbox.find(id);
    EXPECT_EQ(entry->state, RequestState::Accepted) << entry->last_error;
    refs.push_back(entry->server_ref);
  }
  return refs;
}

std::vector<std::string> statuses(const std::vector<StatusUpdate>& updates) {
  std::vector<std::string> out;
  for (const auto& update : updates) out.push_back(update.status);
  return out;
}

}  // namespace

TEST(PullUpdates, StatusComesBackInOrderAndOnlyOnce) {
  Central central;
  TempDir device;
  auto outbox = Outbox::open(outbox_path(device.path()));
  const auto refs = delivered(outbox, central, 2);
  ASSERT_EQ(refs.size(), 2u);
  const auto update = central.run(
      {"case", "update", refs[0], "--status", "INVESTIGATING", "--note", "An inspector will visit this week."});
  ASSERT_EQ(update.exit_code, 0) << update.err;

  Puller puller(outbox, {central.base_url(), central.key(), ""}, fast_transport());
  const auto first = puller.pull_updates();
  EXPECT_EQ(first.error, "");
  EXPECT_EQ(first.received, 1) << "the INVESTIGATING only: creating a case is not an update";
  const auto held = outbox.updates_for(refs[0]);
  EXPECT_EQ(statuses(held), (std::vector<std::string>{"INVESTIGATING"}));
  ASSERT_EQ(held.size(), 1u);
  EXPECT_EQ(held[0].description, "An inspector will visit this week.");
  EXPECT_EQ(held[0].service_request_id, refs[0]);
  EXPECT_FALSE(held[0].updated_datetime.empty());
  EXPECT_TRUE(outbox.updates_for(refs[1]).empty());
  EXPECT_TRUE(outbox.sync_value("updates_cursor").has_value()) << "the cursor moved";

  // Nothing new: nothing stored, and the pull says so.
  const auto second = puller.pull_updates();
  EXPECT_EQ(second.error, "");
  EXPECT_EQ(second.received, 0) << "received counts new updates stored (pull.h), not ones already held";
  EXPECT_EQ(outbox.updates_for(refs[0]).size(), 1u);
  EXPECT_TRUE(outbox.updates_for(refs[1]).empty());

  // One more change: exactly that one arrives.
  const auto fixed = central.run({"case", "update", refs[0], "--status", "FIXED", "--note", "Filled today."});
  ASSERT_EQ(fixed.exit_code, 0) << fixed.err;
  const auto third = puller.pull_updates();
  EXPECT_EQ(third.error, "");
  EXPECT_EQ(third.received, 1);
  EXPECT_EQ(statuses(outbox.updates_for(refs[0])), (std::vector<std::string>{"INVESTIGATING", "FIXED"}));
}

TEST(PullUpdates, NothingAcceptedNothingAsked) {
  Central central;
  TempDir device;
  auto outbox = Outbox::open(outbox_path(device.path()));
  enqueue_potholes(outbox, 1);  // queued, never sent
  Puller puller(outbox, {central.base_url(), central.key(), ""}, fast_transport());
  const auto result = puller.pull_updates();
  EXPECT_EQ(result.error, "");
  EXPECT_EQ(result.received, 0);
  EXPECT_FALSE(outbox.sync_value("updates_cursor").has_value());
}

TEST(PullUpdates, ServerDownKeepsTheCursor) {
  TempDir device;
  auto outbox = Outbox::open(outbox_path(device.path()));
  std::string cursor_before;
  {
    Central central;
    const auto refs = delivered(outbox, central, 1);
    ASSERT_EQ(refs.size(), 1u);
    // A change to pull: creating a case is not an update.
    ASSERT_EQ(central.run({"case", "update", refs[0], "--status", "INVESTIGATING", "--note", "Looking."}).exit_code, 0);
    Puller puller(outbox, {central.base_url(), central.key(), ""}, fast_transport());
    ASSERT_EQ(puller.pull_updates().error, "");
    cursor_before = outbox.sync_value("updates_cursor").value_or("");
    ASSERT_FALSE(cursor_before.empty());
  }
  // Port 9 on loopback: nothing listens (discard service is never run).
  Puller puller(outbox, {"http://127.0.0.1:9/open311/v2", "k", ""}, fast_transport());
  const auto result = puller.pull_updates();
  EXPECT_FALSE(result.error.empty());
  EXPECT_EQ(outbox.sync_value("updates_cursor").value_or(""), cursor_before);
}

TEST(PullCatalogue, SameChangesetIsUnchanged) {
  Central central;
  TempDir device;
  auto outbox = Outbox::open(outbox_path(device.path()));
  const auto bundled = demo_catalogue(outbox);
  const auto before = outbox.cached_catalogue_json();
  Puller puller(outbox, {central.base_url(), central.key(), ""}, fast_transport());
  const auto result = puller.pull_catalogue();
  EXPECT_EQ(result.error, "");
  EXPECT_FALSE(result.changed);
  EXPECT_EQ(result.changeset, bundled.changeset);
  EXPECT_EQ(outbox.cached_catalogue_json(), before) << "the cache was not touched";
}

TEST(PullCatalogue, OlderCatalogueIsReplacedWithEveryServiceAndItsExtensions) {
  Central central;
  TempDir device;
  auto outbox = Outbox::open(outbox_path(device.path()));
  const auto demo_text = read_text(demo_catalogue_path());
  const auto demo = parse_catalogue(demo_text);
  auto old_doc = nlohmann::json::parse(demo_text);
  old_doc["changeset"] = "2020-01-01T00:00:00Z";
  outbox.cache_catalogue("2020-01-01T00:00:00Z", old_doc.dump());

  Puller puller(outbox, {central.base_url(), central.key(), ""}, fast_transport());
  const auto result = puller.pull_catalogue();
  EXPECT_EQ(result.error, "");
  EXPECT_TRUE(result.changed);
  EXPECT_EQ(result.changeset, demo.changeset);

  const auto cached = outbox.cached_catalogue_json();
  ASSERT_TRUE(cached);
  Catalogue pulled;
  ASSERT_NO_THROW(pulled = parse_catalogue(*cached));
  EXPECT_EQ(pulled.changeset, demo.changeset);
  EXPECT_EQ(pulled.council_name, demo.council_name) << "the council's details stay";
  ASSERT_EQ(pulled.services.size(), demo.services.size());
  for (std::size_t i = 0; i < demo.services.size(); ++i) {
    const auto& want = demo.services[i];
    const auto* got = pulled.find_service(want.service_code);
    ASSERT_NE(got, nullptr) << want.service_code;
    SCOPED_TRACE(want.service_code);
    EXPECT_EQ(got->service_name, want.service_name);
    EXPECT_EQ(got->group, want.group);
    EXPECT_EQ(got->type, want.type);
    EXPECT_EQ(got->keywords, want.keywords);
    EXPECT_EQ(got->responsible, want.responsible);
    EXPECT_EQ(got->location_question, want.location_question);
    EXPECT_EQ(got->location_hint, want.location_hint);
    EXPECT_EQ(got->submit_label, want.submit_label);
    EXPECT_EQ(got->next_steps, want.next_steps);
    ASSERT_EQ(got->routing.size(), want.routing.size());
    for (std::size_t r = 0; r < want.routing.size(); ++r) {
      EXPECT_EQ(got->routing[r].responsible, want.routing[r].responsible);
      ASSERT_EQ(got->routing[r].when.size(), want.routing[r].when.size());
      for (std::size_t c = 0; c < want.routing[r].when.size(); ++c) {
        EXPECT_EQ(got->routing[r].when[c].code, want.routing[r].when[c].code);
        EXPECT_EQ(got->routing[r].when[c].any_of, want.routing[r].when[c].any_of);
      }
    }
    ASSERT_EQ(got->attributes.size(), want.attributes.size());
    for (std::size_t a = 0; a < want.attributes.size(); ++a) {
      EXPECT_EQ(got->attributes[a].code, want.attributes[a].code);
      EXPECT_EQ(got->attributes[a].required, want.attributes[a].required);
      EXPECT_EQ(got->attributes[a].values.size(), want.attributes[a].values.size());
    }
  }

  // Now current: the next pull changes nothing.
  const auto again = puller.pull_catalogue();
  EXPECT_EQ(again.error, "");
  EXPECT_FALSE(again.changed);
  EXPECT_EQ(outbox.cached_catalogue_json(), cached);
}
