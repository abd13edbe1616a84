#pragma once
// `oneservice-central backup --data DIR --to FILE`: see central/store/backup.h.
#include "central/cli/arguments.h"

namespace oneservice::central::cli {

inline constexpr const char* kBackupUsage =
    "  backup --to FILE                   a consistent copy of the store (safe while serving),\n"
    "                                     its photos in FILE.media/\n";

int backup_command(const Arguments& args, const std::string& data_dir);

}  // namespace oneservice::central::cli
