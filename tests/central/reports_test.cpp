#include <gtest/gtest.h>

#include "central/case_store.h"
#include "support.h"

using namespace oneservice;
using namespace oneservice::central;
using test::client_id_for;
using test::sample_case;
using test::SetClock;
using test::TempFolder;

namespace {

std::vector<std::string> rows_of(const std::vector<TopIssueRow>& rows) {
  std::vector<std::string> out;
  for (const auto& row : rows)
    out.push_back(row.period + " " + row.service_code + " " + row.area_id + " " + std::to_string(row.count));
  return out;
}

std::vector<std::string> rows_of(const std::vector<ChannelRow>& rows) {
  std::vector<std::string> out;
  for (const auto& row : rows) out.push_back(row.period + " " + row.channel + " " + std::to_string(row.count));
  return out;
}

using Rows = std::vector<std::string>;

// 22 Nov 2026 is a Sunday (week 46 counting from the first Monday), 23 Nov a
// Monday (week 47), 1 Dec a Tuesday (week 48). 31 Oct is before `since`.
class CaseStoreReports : public ::testing::Test {
 protected:
  void SetUp() override {
    add("2026-10-31T10:00:00Z", "pothole", "area-a", "kiosk");
    add("2026-11-22T10:00:00Z", "pothole", "area-a", "kiosk");
    add("2026-11-22T23:59:59Z", "pothole", "area-a", "field");
    add("2026-11-23T00:00:00Z", "pothole", "area-a", "kiosk");
    add("2026-11-23T09:00:00Z", "pothole", "area-b", "web");
    add("2026-11-23T09:30:00Z", "fly_tipping", "area-a", "kiosk");
    add("2026-12-01T09:00:00Z", "fly_tipping", "area-a", "kiosk");
  }

  void add(const std::string& when, const std::string& code, const std::string& area, const std::string& channel) {
    clock.set(when);
    auto new_case = sample_case(client_id_for(++count), code);
    new_case.responsible_area_id = area;
    new_case.channel = channel;
    store.create(new_case);
  }

  int count = 0;
  TempFolder folder;
  SetClock clock;
  CaseStore store{folder.path(), clock.clock()};
};

}  // namespace

TEST_F(CaseStoreReports, TopIssuesByDay) {
  EXPECT_EQ(rows_of(store.top_issues("2026-11-01", "day")),
            (Rows{"2026-11-22 pothole area-a 2", "2026-11-23 fly_tipping area-a 1", "2026-11-23 pothole area-a 1",
                  "2026-11-23 pothole area-b 1", "2026-12-01 fly_tipping area-a 1"}));
}

TEST_F(CaseStoreReports, TopIssuesByWeekAndMonth) {
  EXPECT_EQ(rows_of(store.top_issues("2026-11-01T00:00:00Z", "week")),
            (Rows{"2026-W46 pothole area-a 2", "2026-W47 fly_tipping area-a 1", "2026-W47 pothole area-a 1",
                  "2026-W47 pothole area-b 1", "2026-W48 fly_tipping area-a 1"}));
  EXPECT_EQ(rows_of(store.top_issues("2026-11-01", "month")),
            (Rows{"2026-11 pothole area-a 3", "2026-11 fly_tipping area-a 1", "2026-11 pothole area-b 1",
                  "2026-12 fly_tipping area-a 1"}));
  // `since` is inclusive, and empty means all time.
  EXPECT_EQ(rows_of(store.top_issues("2026-12-01T09:00:00Z", "month")), (Rows{"2026-12 fly_tipping area-a 1"}));
  EXPECT_EQ(rows_of(store.top_issues("", "month")).front(), "2026-10 pothole area-a 1");
}

TEST_F(CaseStoreReports, ChannelsByPeriod) {
  EXPECT_EQ(rows_of(store.channels("2026-11-01", "day")),
            (Rows{"2026-11-22 field 1", "2026-11-22 kiosk 1", "2026-11-23 kiosk 2", "2026-11-23 web 1",
                  "2026-12-01 kiosk 1"}));
  EXPECT_EQ(rows_of(store.channels("2026-11-01", "week")),
            (Rows{"2026-W46 field 1", "2026-W46 kiosk 1", "2026-W47 kiosk 2", "2026-W47 web 1", "2026-W48 kiosk 1"}));
  EXPECT_EQ(rows_of(store.channels("2026-11-01", "month")),
            (Rows{"2026-11 field 1", "2026-11 kiosk 3", "2026-11 web 1", "2026-12 kiosk 1"}));
}

TEST_F(CaseStoreReports, UnknownPeriodsAndBadDatesAreRefused) {
  EXPECT_THROW(store.top_issues("2026-11-01", "year"), CentralStoreError);
  EXPECT_THROW(store.channels("2026-11-01", "Day"), CentralStoreError);
  EXPECT_THROW(store.channels("2026-11-01", ""), CentralStoreError);
  EXPECT_THROW(store.top_issues("last week", "day"), CentralStoreError);
}
