#pragma once
// `oneservice-central backup`: a consistent copy of a store while its server
// keeps running, for the council's own backup system to take away.
//
// The database is copied with SQLite's online backup API in one step: the
// copy is one read transaction, so it holds exactly the cases committed when
// it began (in WAL mode it does not stop the writer; a copy made a few pages
// at a time would start again after every group commit and, under a steady
// stream of creates, might never finish). The photos are copied after it:
// each photo is on disk before its case commits, so every photo a case in
// the copy names is already in the folder.
#include <string>

namespace oneservice::central::store {

struct BackupSummary {
  long long cases = 0;         // in the copy
  long long photos_copied = 0; // new in FILE.media this time
  long long photos_kept = 0;   // already there from an earlier backup
};

// Copies DIR/central.sqlite3 to `to` (written beside it, checked with
// quick_check, synced, then renamed over it) and DIR/media to `to`.media/
// (photos never change once named, so one already there is not copied again;
// a photo is never deleted from the copy). Throws CentralStoreError with a
// clear sentence on any failure; `to` is then left as it was.
BackupSummary backup_store(const std::string& data_dir, const std::string& to);

}  // namespace oneservice::central::store
