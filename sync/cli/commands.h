#pragma once
// What oneservice-sync does once its command line is understood. Streams are
// passed in so tests can run a command in-process.
#include <iosfwd>

#include "sync/cli/arguments.h"

namespace oneservice::sync::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitRequestProblem = 1;  // nothing was queued
inline constexpr int kExitSetupProblem = 2;    // usage, store or catalogue
inline constexpr int kExitUndelivered = 3;     // push/pull: not everything got through

// Runs the command; prints results on `out` and problems on `err`. Never
// throws: every failure is a message and an exit status.
int run(const Arguments& arguments, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace oneservice::sync::cli
