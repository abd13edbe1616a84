#pragma once
// The command line's side of officers' jobs: case assign, unassign,
// flagged and clear-flag.
#include "central/case_store.h"
#include "central/cli/arguments.h"

namespace oneservice::central::cli {

// True when args.words[1] is one of this file's actions.
bool is_job_command(const Arguments& args);
// Exit codes as run(): 0 done, 1 refused, 2 the command line is wrong.
int job_command(const Arguments& args, CaseStore& store);

inline constexpr const char* kJobUsage =
    "  case assign ID --to NAME | case unassign ID     give a case to a field officer, or take it back\n"
    "  case flagged | case clear-flag ID               cases an out-of-date update flagged for a manager\n";

}  // namespace oneservice::central::cli
