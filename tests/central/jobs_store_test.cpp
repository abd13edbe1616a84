// Field officers' jobs in the store (central/store/jobs.h): who can be
// assigned what, and the feed a device reads its jobs from: assignments
// arriving, reassignment, unassignment and closing as removals, the cursor
// neither repeating nor missing a change, and flagged cases.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "central/case_store.h"
#include "jobs_support.h"
#include "status_update.h"
#include "support.h"

using namespace oneservice;
using namespace oneservice::central;
using test::add_member;
using test::client_id_for;
using test::sample_case;
using test::status_update;
using test::TempFolder;

namespace {

class CaseStoreJobs : public ::testing::Test {
 protected:
  CaseStoreJobs() : store(folder.path()) {
    test::use_cheap_hashes(store);
    ann = add_member(store, "Ann Officer", StaffRole::Officer);
    bob = add_member(store, "Bob Officer", StaffRole::Officer);
  }

  std::string new_case(int n) { return store.create(sample_case(client_id_for(n))).service_request_id; }

  std::set<std::string> job_ids(const JobsPage& page) {
    std::set<std::string> ids;
    for (const auto& job : page.jobs) ids.insert(job.record.service_request_id);
    return ids;
  }

  std::map<std::string, RemovalReason> removals(const JobsPage& page) {
    std::map<std::string, RemovalReason> out;
    for (const auto& removal : page.removed) out[removal.service_request_id] = removal.reason;
    return out;
  }

  TempFolder folder;
  CaseStore store;
  StaffMember ann, bob;
};

}  // namespace

TEST_F(CaseStoreJobs, AnAssignedCaseReachesTheOfficerWithItsVersionAndHistory) {
  const auto id = new_case(1);
  const auto before = store.find(id)->version;
  EXPECT_TRUE(store.jobs(ann.id, 0, 100).jobs.empty());

  const auto assigned = store.assign(id, "Ann Officer");
  EXPECT_EQ(assigned.outcome, AssignOutcome::Assigned);
  EXPECT_EQ(assigned.officer, "Ann Officer");
  EXPECT_EQ(assigned.version, before + 1) << "an assignment is a change to the case";
  EXPECT_EQ(store.find(id)->version, before + 1);
  EXPECT_FALSE(assigned.assigned_at.empty());

  NewUpdate note = status_update(id, CaseStatus::Investigating, "An inspector will visit.");
  note.private_note = "Gate code 1234";
  ASSERT_EQ(store.add_update(note).outcome, UpdateOutcome::Added);

  const auto page = store.jobs(ann.id, 0, 100);
  EXPECT_TRUE(page.full);
  EXPECT_FALSE(page.more);
  EXPECT_GT(page.cursor, 0);
  ASSERT_EQ(page.jobs.size(), 1u);
  const auto& job = page.jobs[0];
  EXPECT_EQ(job.record.service_request_id, id);
  EXPECT_EQ(job.record.version, before + 2);
  EXPECT_EQ(job.record.status, CaseStatus::Investigating);
  EXPECT_EQ(job.assigned_at, assigned.assigned_at);
  EXPECT_EQ(job.record.media.size(), 2u);
  ASSERT_FALSE(job.history.empty());
  EXPECT_EQ(job.history.back().private_note, "Gate code 1234");
  EXPECT_TRUE(store.jobs(bob.id, 0, 100).jobs.empty()) << "nobody else gets it";

  // The same officer again changes nothing.
  const auto again = store.assign(id, "Ann Officer");
  EXPECT_EQ(again.outcome, AssignOutcome::AlreadyAssigned);
  EXPECT_EQ(again.version, before + 2);
  EXPECT_EQ(store.jobs(ann.id, page.cursor, 100).jobs.size(), 0u) << "nothing changed, nothing sent";
}

TEST_F(CaseStoreJobs, OnlyWorkingOfficersAndOpenCasesCanBeAssigned) {
  const auto id = new_case(1);
  add_member(store, "Hal Helper", StaffRole::Helper);
  add_member(store, "Meg Manager", StaffRole::Manager);
  add_member(store, "Dan Gone", StaffRole::Officer);
  ASSERT_TRUE(store.disable_staff("Dan Gone"));

  EXPECT_EQ(store.assign("999", "Ann Officer").outcome, AssignOutcome::UnknownCase);
  EXPECT_EQ(store.assign("not-an-id", "Ann Officer").outcome, AssignOutcome::UnknownCase);
  EXPECT_EQ(store.assign(id, "Nobody").outcome, AssignOutcome::NoSuchOfficer);
  EXPECT_EQ(store.assign(id, "Hal Helper").outcome, AssignOutcome::NotAnOfficer);
  EXPECT_EQ(store.assign(id, "Meg Manager").outcome, AssignOutcome::NotAnOfficer);
  EXPECT_EQ(store.assign(id, "Dan Gone").outcome, AssignOutcome::OfficerDisabled);
  EXPECT_EQ(store.find(id)->version, 1) << "a refused assignment changes nothing";

  ASSERT_EQ(store.add_update(status_update(id, CaseStatus::Fixed, "Filled.")).outcome, UpdateOutcome::Added);
  EXPECT_EQ(store.assign(id, "Ann Officer").outcome, AssignOutcome::CaseClosed);
  EXPECT_TRUE(store.jobs(ann.id, 0, 100).jobs.empty());

  EXPECT_EQ(store.unassign("999").outcome, UnassignOutcome::UnknownCase);
  EXPECT_EQ(store.unassign(id).outcome, UnassignOutcome::NotAssigned);
}

TEST_F(CaseStoreJobs, ReassigningAndUnassigningAreRemovalsForTheOfficerItWasTakenFrom) {
  const auto id = new_case(1);
  ASSERT_EQ(store.assign(id, "Ann Officer").outcome, AssignOutcome::Assigned);
  const auto ann_cursor = store.jobs(ann.id, 0, 100).cursor;
  const auto bob_cursor = store.jobs(bob.id, 0, 100).cursor;

  const auto moved = store.assign(id, "Bob Officer");
  EXPECT_EQ(moved.outcome, AssignOutcome::Assigned);
  const auto ann_page = store.jobs(ann.id, ann_cursor, 100);
  EXPECT_TRUE(ann_page.jobs.empty());
  EXPECT_EQ(removals(ann_page), (std::map<std::string, RemovalReason>{{id, RemovalReason::Reassigned}}));
  const auto bob_page = store.jobs(bob.id, bob_cursor, 100);
  EXPECT_EQ(job_ids(bob_page), std::set<std::string>{id});
  EXPECT_TRUE(bob_page.removed.empty());

  // Later changes to the case no longer reach Ann.
  ASSERT_EQ(store.add_update(status_update(id, CaseStatus::InProgress, "On it.")).outcome, UpdateOutcome::Added);
  const auto ann_after = store.jobs(ann.id, ann_page.cursor, 100);
  EXPECT_TRUE(ann_after.jobs.empty());
  EXPECT_TRUE(ann_after.removed.empty());

  const auto version = store.find(id)->version;
  const auto taken = store.unassign(id);
  EXPECT_EQ(taken.outcome, UnassignOutcome::Unassigned);
  EXPECT_EQ(taken.officer, "Bob Officer");
  EXPECT_EQ(taken.version, version + 1);
  const auto bob_after = store.jobs(bob.id, bob_page.cursor, 100);
  EXPECT_TRUE(bob_after.jobs.empty());
  EXPECT_EQ(removals(bob_after), (std::map<std::string, RemovalReason>{{id, RemovalReason::Unassigned}}));
  EXPECT_TRUE(store.jobs(bob.id, 0, 100).jobs.empty()) << "the whole list no longer has it";
}

TEST_F(CaseStoreJobs, AClosedCaseIsRemovedAndAReopenedOneComesBack) {
  const auto id = new_case(1);
  ASSERT_EQ(store.assign(id, "Ann Officer").outcome, AssignOutcome::Assigned);
  const auto cursor = store.jobs(ann.id, 0, 100).cursor;

  ASSERT_EQ(store.add_update(status_update(id, CaseStatus::Fixed, "Filled by the day team.")).outcome,
            UpdateOutcome::Added);
  const auto closed = store.jobs(ann.id, cursor, 100);
  EXPECT_TRUE(closed.jobs.empty());
  EXPECT_EQ(removals(closed), (std::map<std::string, RemovalReason>{{id, RemovalReason::Closed}}));
  const auto whole = store.jobs(ann.id, 0, 100);
  EXPECT_TRUE(whole.jobs.empty());
  EXPECT_TRUE(whole.removed.empty()) << "a whole list has nothing to take away";

  ASSERT_EQ(store.add_update(status_update(id, CaseStatus::Reopen, "It has opened up again.")).outcome,
            UpdateOutcome::Added);
  const auto reopened = store.jobs(ann.id, closed.cursor, 100);
  EXPECT_EQ(job_ids(reopened), std::set<std::string>{id});
  EXPECT_TRUE(reopened.removed.empty());
}

TEST_F(CaseStoreJobs, TheCursorNeitherRepeatsNorMissesAChange) {
  std::vector<std::string> ids;
  for (int n = 1; n <= 30; ++n) {
    ids.push_back(new_case(n));
    ASSERT_EQ(store.assign(ids.back(), n % 2 ? "Ann Officer" : "Bob Officer").outcome, AssignOutcome::Assigned);
  }
  // Pages of 4: every one of Ann's 15 jobs exactly once, none of Bob's.
  std::multiset<std::string> seen;
  std::int64_t cursor = 0;
  int pages = 0;
  bool more = true;
  while (more) {
    const auto page = store.jobs(ann.id, cursor, 4);
    for (const auto& job : page.jobs) seen.insert(job.record.service_request_id);
    EXPECT_GT(page.cursor, cursor) << "a cursor only moves on";
    cursor = page.cursor;
    more = page.more;
    ASSERT_LT(++pages, 20);
  }
  std::multiset<std::string> expected;
  for (std::size_t i = 0; i < ids.size(); i += 2) expected.insert(ids[i]);
  EXPECT_EQ(seen, expected);

  // Nothing changed: nothing again, and the cursor stays.
  const auto quiet = store.jobs(ann.id, cursor, 4);
  EXPECT_TRUE(quiet.jobs.empty());
  EXPECT_TRUE(quiet.removed.empty());
  EXPECT_EQ(quiet.cursor, cursor);

  // Changes to two of Ann's, one of Bob's, and one of Ann's twice: Ann
  // gets her two, each once, as they are now.
  ASSERT_EQ(store.add_update(status_update(ids[0], CaseStatus::InProgress, "first")).outcome, UpdateOutcome::Added);
  ASSERT_EQ(store.add_update(status_update(ids[1], CaseStatus::InProgress, "bob's")).outcome, UpdateOutcome::Added);
  ASSERT_EQ(store.add_update(status_update(ids[2], CaseStatus::InProgress, "once")).outcome, UpdateOutcome::Added);
  ASSERT_EQ(store.add_update(status_update(ids[0], CaseStatus::ActionScheduled, "second")).outcome,
            UpdateOutcome::Added);
  const auto changed = store.jobs(ann.id, cursor, 100);
  EXPECT_EQ(job_ids(changed), (std::set<std::string>{ids[0], ids[2]}));
  EXPECT_EQ(changed.jobs.size(), 2u);
  for (const auto& job : changed.jobs) {
    if (job.record.service_request_id == ids[0]) {
      EXPECT_EQ(job.record.status, CaseStatus::ActionScheduled);
    }
  }
  EXPECT_TRUE(store.jobs(ann.id, changed.cursor, 100).jobs.empty());

  // A change made between two pages of one walk is not lost.
  auto first = store.jobs(ann.id, changed.cursor, 1);
  EXPECT_TRUE(first.jobs.empty());
  ASSERT_EQ(store.add_update(status_update(ids[4], CaseStatus::InProgress, "between")).outcome,
            UpdateOutcome::Added);
  EXPECT_EQ(job_ids(store.jobs(ann.id, first.cursor, 1)), std::set<std::string>{ids[4]});
}

TEST_F(CaseStoreJobs, ACursorTheStoreNeverGaveGetsTheWholeList) {
  const auto id = new_case(1);
  ASSERT_EQ(store.assign(id, "Ann Officer").outcome, AssignOutcome::Assigned);
  const auto page = store.jobs(ann.id, 1'000'000, 100);
  EXPECT_TRUE(page.full) << "a store restored from an older copy: the device's list cannot be trusted";
  EXPECT_EQ(job_ids(page), std::set<std::string>{id});
  EXPECT_LT(page.cursor, 1'000'000);
}

TEST_F(CaseStoreJobs, AStaleUpdateIsKeptFlagsTheCaseAndReachesTheOfficer) {
  const auto id = new_case(1);
  ASSERT_EQ(store.assign(id, "Ann Officer").outcome, AssignOutcome::Assigned);
  const auto start = store.jobs(ann.id, 0, 100);
  const auto version = start.jobs.at(0).record.version;
  ASSERT_EQ(store.add_update(status_update(id, CaseStatus::InProgress, "Moved by the office.")).outcome,
            UpdateOutcome::Added);
  const auto seen = store.jobs(ann.id, start.cursor, 100);

  NewUpdate officer = status_update(id, CaseStatus::Fixed, "Filled.");
  officer.staff_id = ann.id;
  officer.base_version = version;
  officer.private_note = "Used two bags of cold lay.";
  EXPECT_EQ(store.add_update(officer).outcome, UpdateOutcome::Flagged);
  const auto record = store.find(id);
  EXPECT_EQ(record->status, CaseStatus::InProgress) << "never silently overwritten";
  EXPECT_TRUE(record->needs_review);

  // The officer's device sees the update it sent, not applied.
  const auto after = store.jobs(ann.id, seen.cursor, 100);
  ASSERT_EQ(after.jobs.size(), 1u);
  const auto& history = after.jobs[0].history;
  ASSERT_FALSE(history.empty());
  EXPECT_FALSE(history.back().applied);
  EXPECT_EQ(history.back().private_note, "Used two bags of cold lay.");
  EXPECT_EQ(after.jobs[0].staff_names.at(ann.id), "Ann Officer");

  const auto flagged = store.flagged();
  ASSERT_EQ(flagged.size(), 1u);
  EXPECT_EQ(flagged[0].record.service_request_id, id);
  EXPECT_EQ(flagged[0].officer, "Ann Officer");
  EXPECT_FALSE(flagged[0].record.review_reason.empty());

  const auto version_before_clear = store.find(id)->version;
  EXPECT_TRUE(store.clear_flag(id));
  EXPECT_TRUE(store.flagged().empty());
  EXPECT_FALSE(store.find(id)->needs_review);
  EXPECT_EQ(store.find(id)->version, version_before_clear) << "a manager's 'seen' is not a change to work from";
  EXPECT_FALSE(store.clear_flag(id));
  EXPECT_FALSE(store.clear_flag("999"));
}

TEST_F(CaseStoreJobs, ADisabledOfficersJobsStayForAManagerToMove) {
  const auto id = new_case(1);
  ASSERT_EQ(store.assign(id, "Ann Officer").outcome, AssignOutcome::Assigned);
  ASSERT_TRUE(store.disable_staff("Ann Officer"));
  EXPECT_EQ(store.assign(id, "Bob Officer").outcome, AssignOutcome::Assigned);
  EXPECT_EQ(job_ids(store.jobs(bob.id, 0, 100)), std::set<std::string>{id});
}
