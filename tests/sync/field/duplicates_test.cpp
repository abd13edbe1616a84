// "Is it one of these?": the open cases around the officer's area come into
// the tablet's cache when online and are found there with no signal; "add
// my photos and notes to this one" reaches central once as a note with the
// photos and once as a supporter, however the link behaves.
#include <gtest/gtest.h>

#include "field_support.h"
#include "support/fault_proxy.h"
#include "sync/job_book.h"
#include "sync/nearby_cases.h"
#include "sync/sync_log.h"

using namespace oneservice;
using namespace oneservice::sync;
using namespace oneservice::sync::field_test;
using oneservice::test::Fault;
using oneservice::test::FaultProxy;

TEST(Duplicates, OpenCasesNearbyAreFoundInTheCacheAndJoinedExactlyOnce) {
  FieldCentral central;
  const auto here = central.report_pothole(51.2000, -1.8200);
  const auto east_77m = central.report_pothole(51.2000, -1.8190);
  const auto far = central.report_pothole(51.2100, -1.8200);  // about 1.1 km: in the cache, not a duplicate
  TempDir folder;
  auto outbox = Outbox::open(outbox_path(folder.path()));
  NearbyCases nearby(outbox);
  nearby.set_area(51.2005, -1.8200);
  field_sync(outbox, central.server()).pull();

  // No signal from here on: the cache answers.
  const auto found = nearby.open_cases_near("pothole", 51.2000, -1.8201);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].service_request_id, here);
  EXPECT_EQ(found[1].service_request_id, east_77m);
  EXPECT_NEAR(found[1].distance_m, 77, 3);
  EXPECT_EQ(found[0].status, "OPEN");
  EXPECT_TRUE(nearby.open_cases_near("graffiti", 51.2000, -1.8201).empty());
  EXPECT_EQ(nearby.open_cases_near("", 51.2100, -1.8200, 50).at(0).service_request_id, far);

  std::string problem;
  const auto online = open_cases_near_online(central.server(), "pothole", 51.2000, -1.8201, 250, problem);
  ASSERT_TRUE(online) << problem;
  EXPECT_EQ(online->size(), 2u);

  const auto join = nearby.queue_join("Ann Smith", here, {"", "Still there, deeper now", "", {{"d.jpg", "image/jpeg", jpeg()}}});
  FaultProxy proxy("127.0.0.1", central.port());
  // The look at the case's status, then the note's answer is lost once,
  // then the supporter's.
  proxy.set_plan({{Fault::None, 1}, {Fault::DropResponse, 1}, {Fault::None, 1}, {Fault::DropResponse, 1}});
  drain(outbox, central.server_via(proxy.port()), "Ann Smith");

  const auto states = JobBook(outbox).updates_of("Ann Smith", here);
  ASSERT_EQ(states.size(), 1u);
  EXPECT_EQ(states[0].update_id, join);
  EXPECT_EQ(states[0].kind, "join");
  EXPECT_EQ(states[0].state, UpdateState::Sent);
  const auto the_case = central.get("requests/" + here + ".json");
  EXPECT_EQ(the_case.at(0).at("supporters"), 1) << "one supporter, though it was sent twice";
  const auto feed = central.get("servicerequestupdates.json?service_request_id=" + here);
  int notes = 0;
  for (const auto& update : feed)
    if (update.value("description", "") == "Still there, deeper now") ++notes;
  EXPECT_EQ(notes, 1) << feed.dump();
  EXPECT_EQ(proxy.faults_applied(), 2);
}
