#pragma once
// `oneservice-central staff ...`: accounts for officers, helpers and managers.
#include <string>

#include "central/case_store.h"
#include "central/cli/arguments.h"

namespace oneservice::central::cli {

// The switch that makes `staff add` and `staff reset` read the secret from
// one line of standard input instead of generating one.
inline constexpr const char* kSecretFromStdin = "--secret-stdin";

int staff_command(const Arguments& args, CaseStore& store);

}  // namespace oneservice::central::cli
