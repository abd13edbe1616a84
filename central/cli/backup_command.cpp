#include "central/cli/backup_command.h"

#include <cstdio>

#include "central/records.h"
#include "central/store/backup.h"

namespace oneservice::central::cli {

int backup_command(const Arguments& args, const std::string& data_dir) {
  const auto to = args.flag("--to");
  if (to.empty()) {
    std::fprintf(stderr, "oneservice-central: backup needs --to FILE, for example --to /var/backups/central.sqlite3\n");
    return 2;
  }
  try {
    const auto summary = store::backup_store(data_dir, to);
    std::fprintf(stderr, "Backed up %lld cases to %s; photos in %s.media (%lld new, %lld already there).\n",
                 summary.cases, to.c_str(), to.c_str(), summary.photos_copied, summary.photos_kept);
    return 0;
  } catch (const CentralStoreError& error) {
    std::fprintf(stderr, "oneservice-central: %s\n", error.what());
    return 2;
  }
}

}  // namespace oneservice::central::cli
