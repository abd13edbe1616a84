#include <gtest/gtest.h>

#include "central/case_store.h"
#include "status_update.h"
#include "support.h"

using namespace oneservice;
using namespace oneservice::central;
using test::client_id_for;
using test::sample_case;
using test::SetClock;
using test::TempFolder;

namespace {

std::vector<std::string> ids_of(const std::vector<CaseRecord>& records) {
  std::vector<std::string> out;
  for (const auto& record : records) out.push_back(record.service_request_id);
  return out;
}

using Ids = std::vector<std::string>;

// Cases 1-4 on 20-23 November; case 2 is FIXED (closed).
class CaseStoreSearch : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* days[] = {"2026-11-20T12:00:00Z", "2026-11-21T12:00:00Z", "2026-11-22T12:00:00Z",
                          "2026-11-23T12:00:00Z"};
    const char* codes[] = {"pothole", "fly_tipping", "streetlight", "pothole"};
    for (int n = 0; n < 4; ++n) {
      clock.set(days[n]);
      store.create(sample_case(client_id_for(n + 1), codes[n]));
    }
    clock.set("2026-11-24T08:00:00Z");
    store.add_update(test::status_update("2", CaseStatus::Fixed, "Cleared."));
  }

  TempFolder folder;
  SetClock clock;
  CaseStore store{folder.path(), clock.clock()};
};

}  // namespace

TEST_F(CaseStoreSearch, NewestFirstWithoutFilters) { EXPECT_EQ(ids_of(store.search({})), (Ids{"4", "3", "2", "1"})); }

TEST_F(CaseStoreSearch, ServiceCodeTakesACommaList) {
  CaseQuery query;
  query.service_code = "pothole";
  EXPECT_EQ(ids_of(store.search(query)), (Ids{"4", "1"}));
  query.service_code = "pothole, streetlight";
  EXPECT_EQ(ids_of(store.search(query)), (Ids{"4", "3", "1"}));
  query.service_code = "graffiti";
  EXPECT_TRUE(store.search(query).empty());
}

TEST_F(CaseStoreSearch, DatesBoundRequestedTimeInclusively) {
  CaseQuery query;
  query.start_date = "2026-11-21T12:00:00Z";
  query.end_date = "2026-11-22T12:00:00Z";
  EXPECT_EQ(ids_of(store.search(query)), (Ids{"3", "2"}));
  // Other zones and plain dates are understood.
  query.start_date = "2026-11-21T13:00:00+01:00";
  query.end_date = "2026-11-23";
  EXPECT_EQ(ids_of(store.search(query)), (Ids{"3", "2"}));
  query.end_date.clear();
  EXPECT_EQ(ids_of(store.search(query)), (Ids{"4", "3", "2"}));
}

TEST_F(CaseStoreSearch, StatusOpenOrClosedInOpen311Sense) {
  CaseQuery query;
  query.status = "closed";
  EXPECT_EQ(ids_of(store.search(query)), (Ids{"2"}));
  query.status = "open";
  EXPECT_EQ(ids_of(store.search(query)), (Ids{"4", "3", "1"}));
  query.service_code = "pothole";
  query.start_date = "2026-11-22";
  EXPECT_EQ(ids_of(store.search(query)), (Ids{"4"}));
}

TEST_F(CaseStoreSearch, IdsOverrideTheOtherFilters) {
  CaseQuery query;
  query.ids = {"1", "nonsense", "3", "99"};
  query.service_code = "fly_tipping";
  query.status = "closed";
  query.start_date = "2027-01-01";
  EXPECT_EQ(ids_of(store.search(query)), (Ids{"3", "1"}));
  const auto found = store.search(query);
  EXPECT_EQ(found[0].media.size(), 2u);
  EXPECT_EQ(found[1].media.size(), 2u);
}

TEST_F(CaseStoreSearch, LimitKeepsTheNewest) {
  CaseQuery query;
  query.limit = 2;
  EXPECT_EQ(ids_of(store.search(query)), (Ids{"4", "3"}));
  query.limit = 0;
  EXPECT_TRUE(store.search(query).empty());
}

TEST_F(CaseStoreSearch, BadFiltersAreRefused) {
  CaseQuery query;
  query.status = "pending";
  EXPECT_THROW(store.search(query), CentralStoreError);
  query.status.clear();
  query.start_date = "yesterday";
  EXPECT_THROW(store.search(query), CentralStoreError);
}

TEST_F(CaseStoreSearch, UpdatesOldestFirstWithinARange) {
  // The fixture's only update so far is case 2's FIXED on the 24th:
  // creating a case is not an update.
  clock.set("2026-11-25T08:00:00Z");
  store.add_update(test::status_update("1", CaseStatus::Investigating, "An inspector will visit."));
  clock.set("2026-11-26T08:00:00Z");
  store.add_update(test::status_update("3", CaseStatus::InProgress, "Booked."));
  clock.set("2026-11-27T08:00:00Z");
  store.add_update(test::status_update("1", CaseStatus::Fixed, "Filled."));

  const auto all = store.updates({});
  ASSERT_EQ(all.size(), 4u);
  for (std::size_t i = 1; i < all.size(); ++i) EXPECT_LT(all[i - 1].update_id, all[i].update_id);
  EXPECT_EQ(all[0].service_request_id, "2");
  EXPECT_EQ(all[0].status, CaseStatus::Fixed);
  EXPECT_EQ(all[0].description, "Cleared.");
  EXPECT_EQ(all[1].status, CaseStatus::Investigating);

  UpdateQuery range;
  range.start_date = "2026-11-25T00:00:00Z";
  range.end_date = "2026-11-26T08:00:00Z";
  std::vector<std::string> got;
  for (const auto& update : store.updates(range)) got.push_back(update.service_request_id + ":" + std::string(to_string(update.status)));
  EXPECT_EQ(got, (Ids{"1:INVESTIGATING", "3:IN_PROGRESS"}));

  UpdateQuery for_case;
  for_case.service_request_ids = {"1"};
  got.clear();
  for (const auto& update : store.updates(for_case)) got.push_back(std::string(to_string(update.status)) + "@" + update.updated_datetime);
  EXPECT_EQ(got, (Ids{"INVESTIGATING@2026-11-25T08:00:00Z", "FIXED@2026-11-27T08:00:00Z"}));

  UpdateQuery limited;
  limited.limit = 2;
  const auto first_two = store.updates(limited);
  ASSERT_EQ(first_two.size(), 2u);
  EXPECT_EQ(first_two[1].service_request_id, "1");

  UpdateQuery bad;
  bad.end_date = "31/12/2026";
  EXPECT_THROW(store.updates(bad), CentralStoreError);
}
