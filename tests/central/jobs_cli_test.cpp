// The jobs commands through the real binary: case assign, unassign,
// flagged and clear-flag, with their exit codes and messages.
#include <gtest/gtest.h>

#include "central/case_store.h"
#include "central/job_messages.h"
#include "jobs_support.h"
#include "support.h"
#include "support/central_process.h"

using namespace oneservice;
using namespace oneservice::central;
namespace msg = job_messages;

TEST(CentralBinaryJobs, AManagerAssignsUnassignsAndClearsFlagsFromTheCommandLine) {
  test::TempFolder folder;
  const auto data = folder.path();
  std::string id, closed;
  {
    CaseStore store(data);
    test::use_cheap_hashes(store);
    test::add_member(store, "Ann Officer", StaffRole::Officer);
    test::add_member(store, "Hal Helper", StaffRole::Helper);
    id = store.create(test::sample_case(test::client_id_for(1))).service_request_id;
    closed = store.create(test::sample_case(test::client_id_for(2))).service_request_id;
    NewUpdate fixed;
    fixed.service_request_id = closed;
    fixed.status = CaseStatus::Fixed;
    ASSERT_EQ(store.add_update(fixed).outcome, UpdateOutcome::Added);
  }
  using test::run_central;
  const auto assigned = run_central({"case", "assign", id, "--to", "Ann Officer", "--data", data});
  EXPECT_EQ(assigned.exit_code, 0) << assigned.err;
  EXPECT_EQ(assigned.out, id + " Ann Officer version 2\n");

  const auto refused = [&](const std::vector<std::string>& args, int code, const char* message) {
    auto all = args;
    all.insert(all.end(), {"--data", data});
    const auto result = run_central(all);
    EXPECT_EQ(result.exit_code, code) << result.err;
    EXPECT_NE(result.err.find(message), std::string::npos) << result.err;
  };
  refused({"case", "assign", id, "--to", "Hal Helper"}, 1, msg::kNotAnOfficer);
  refused({"case", "assign", id, "--to", "Nobody"}, 1, msg::kNoSuchOfficer);
  refused({"case", "assign", closed, "--to", "Ann Officer"}, 1, msg::kCaseClosed);
  refused({"case", "assign", "999", "--to", "Ann Officer"}, 1, msg::kNoSuchCase);
  refused({"case", "assign", id}, 2, msg::kAssignUsage);
  refused({"case", "unassign"}, 2, msg::kCaseIdNeeded);
  refused({"case", "clear-flag", id}, 1, msg::kNotFlagged);
  refused({"case", "clear-flag", "999"}, 1, msg::kNoSuchCase);

  {
    // An officer's update from an old version flags the case.
    CaseStore store(data);
    NewUpdate stale;
    stale.service_request_id = id;
    stale.status = CaseStatus::Fixed;
    stale.base_version = 1;
    ASSERT_EQ(store.add_update(stale).outcome, UpdateOutcome::Flagged);
  }
  const auto flagged = run_central({"case", "flagged", "--data", data});
  EXPECT_EQ(flagged.exit_code, 0) << flagged.err;
  EXPECT_NE(flagged.out.find("Ann Officer"), std::string::npos) << flagged.out;
  EXPECT_NE(flagged.out.find("\n" + id + " "), std::string::npos) << flagged.out;
  EXPECT_EQ(run_central({"case", "clear-flag", id, "--data", data}).exit_code, 0);
  EXPECT_EQ(run_central({"case", "flagged", "--data", data}).out.find("\n" + id + " "), std::string::npos);

  const auto unassigned = run_central({"case", "unassign", id, "--data", data});
  EXPECT_EQ(unassigned.exit_code, 0) << unassigned.err;
  EXPECT_EQ(unassigned.out, id + " version 3\n");
  refused({"case", "unassign", id}, 1, msg::kNotAssigned);
  EXPECT_NE(run_central({"--help"}).out.find("case assign ID --to NAME"), std::string::npos);
}
