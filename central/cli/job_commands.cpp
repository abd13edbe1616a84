#include "central/cli/job_commands.h"

#include <cstdio>

#include "central/job_messages.h"

namespace oneservice::central::cli {
namespace {

namespace msg = job_messages;

int refused(const char* message) {
  std::fprintf(stderr, "oneservice-central: %s\n", message);
  return 1;
}

int wrong(const char* message) {
  std::fprintf(stderr, "oneservice-central: %s\n", message);
  return 2;
}

int assign(const Arguments& args, CaseStore& store) {
  if (args.words.size() < 3 || args.flag("--to").empty()) return wrong(msg::kAssignUsage);
  const auto result = store.assign(args.words[2], args.flag("--to"));
  if (result.outcome != AssignOutcome::Assigned && result.outcome != AssignOutcome::AlreadyAssigned)
    return refused(msg::for_outcome(result.outcome));
  std::printf("%s %s version %lld\n", result.service_request_id.c_str(), result.officer.c_str(),
              static_cast<long long>(result.version));
  return 0;
}

int unassign(const Arguments& args, CaseStore& store) {
  if (args.words.size() < 3) return wrong(msg::kCaseIdNeeded);
  const auto result = store.unassign(args.words[2]);
  if (result.outcome == UnassignOutcome::UnknownCase) return refused(msg::kNoSuchCase);
  if (result.outcome == UnassignOutcome::NotAssigned) return refused(msg::kNotAssigned);
  std::printf("%s version %lld\n", result.service_request_id.c_str(), static_cast<long long>(result.version));
  return 0;
}

int flagged(CaseStore& store) {
  std::printf("%-8s %-8s %-20s %-20s %s\n", "id", "version", "status", "officer", "reason");
  for (const auto& item : store.flagged())
    std::printf("%-8s %-8lld %-20s %-20s %s\n", item.record.service_request_id.c_str(),
                static_cast<long long>(item.record.version), std::string(to_string(item.record.status)).c_str(),
                item.officer.empty() ? "-" : item.officer.c_str(), item.record.review_reason.c_str());
  return 0;
}

int clear_flag(const Arguments& args, CaseStore& store) {
  if (args.words.size() < 3) return wrong(msg::kCaseIdNeeded);
  if (!store.find(args.words[2])) return refused(msg::kNoSuchCase);
  if (!store.clear_flag(args.words[2])) return refused(msg::kNotFlagged);
  return 0;
}

}  // namespace

bool is_job_command(const Arguments& args) {
  if (args.words.size() < 2) return false;
  const auto& action = args.words[1];
  return action == "assign" || action == "unassign" || action == "flagged" || action == "clear-flag";
}

int job_command(const Arguments& args, CaseStore& store) {
  const auto& action = args.words[1];
  if (action == "assign") return assign(args, store);
  if (action == "unassign") return unassign(args, store);
  if (action == "flagged") return flagged(store);
  return clear_flag(args, store);
}

}  // namespace oneservice::central::cli
