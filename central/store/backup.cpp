#include "central/store/backup.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <memory>

#include "central/records.h"
#include "db/sqlite.h"

namespace oneservice::central::store {
namespace {

namespace fs = std::filesystem;

bool sync_path(const std::string& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return false;
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  return synced;
}

std::string folder_of(const std::string& path) {
  const auto parent = fs::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

void copy_database(const std::string& from, const std::string& to) {
  const std::string partial = to + ".part";
  std::error_code ignored;
  fs::remove(partial, ignored);
  try {
    // Read-write so that a store with no server running can still be read
    // in WAL mode (its -shm made); nothing is written to it.
    const auto source = sqlite::open(from, sqlite::Access::ReadWrite);
    {
      const auto copy = sqlite::open(partial, sqlite::Access::ReadWriteCreate);
      {
        const std::unique_ptr<sqlite3_backup, int (*)(sqlite3_backup*)> backup(
            sqlite3_backup_init(copy.get(), "main", source.get(), "main"), sqlite3_backup_finish);
        if (!backup) throw CentralStoreError(std::string("cannot start the backup: ") + sqlite3_errmsg(copy.get()));
        // -1: every page in one step, one read transaction (see backup.h). A
        // busy source (a checkpoint's lock for a moment) is tried again.
        int code = SQLITE_OK;
        for (int attempt = 0; attempt < 100; ++attempt) {
          code = sqlite3_backup_step(backup.get(), -1);
          if (code != SQLITE_BUSY && code != SQLITE_LOCKED) break;
          sqlite3_sleep(50);
        }
        if (code != SQLITE_DONE) throw CentralStoreError(std::string("the backup stopped: ") + sqlite3_errstr(code));
      }
      // A backup is one file: no -wal beside it to lose. A store restored
      // from it is put back in WAL mode when central opens it.
      sqlite::exec(copy.get(), "PRAGMA journal_mode=DELETE");
    }
    const auto check = sqlite::open(partial, sqlite::Access::ReadOnly);
    if (sqlite::query_text(check.get(), "PRAGMA quick_check").value_or("") != "ok")
      throw CentralStoreError("the copy failed its check (PRAGMA quick_check)");
  } catch (const sqlite::Failure& failure) {
    fs::remove(partial, ignored);
    throw CentralStoreError("cannot back up " + from + " to " + to + ": " + failure.what());
  } catch (...) {
    fs::remove(partial, ignored);
    throw;
  }
  if (!sync_path(partial, O_RDONLY) || std::rename(partial.c_str(), to.c_str()) != 0 ||
      !sync_path(folder_of(to), O_RDONLY | O_DIRECTORY)) {
    fs::remove(partial, ignored);
    throw CentralStoreError("cannot write the backup " + to);
  }
}

// Thumbnails (media/thumbs) are made again from the photos when asked for;
// ".part" files are photos still being written, not yet any case's.
bool is_photo(const fs::directory_entry& entry) {
  return entry.is_regular_file() && entry.path().extension() != ".part";
}

void copy_photos(const std::string& media, const std::string& to, BackupSummary& summary) {
  std::error_code error;
  fs::create_directories(to, error);
  if (error) throw CentralStoreError("cannot make the photo backup folder " + to + ": " + error.message());
  if (!fs::exists(media)) return;
  for (const auto& entry : fs::directory_iterator(media)) {
    if (!is_photo(entry)) continue;
    const auto target = fs::path(to) / entry.path().filename();
    if (fs::exists(target) && fs::file_size(target) == entry.file_size()) {
      ++summary.photos_kept;
      continue;
    }
    const auto partial = target.string() + ".part";
    fs::copy_file(entry.path(), partial, fs::copy_options::overwrite_existing, error);
    if (error || !sync_path(partial, O_RDONLY) || std::rename(partial.c_str(), target.c_str()) != 0)
      throw CentralStoreError("cannot copy the photo " + entry.path().string() + " to " + to);
    ++summary.photos_copied;
  }
  if (!sync_path(to, O_RDONLY | O_DIRECTORY)) throw CentralStoreError("cannot sync the photo backup folder " + to);
}

}  // namespace

BackupSummary backup_store(const std::string& data_dir, const std::string& to) {
  const std::string database = data_dir + "/central.sqlite3";
  if (!fs::exists(database)) throw CentralStoreError("there is no store in " + data_dir + " (no central.sqlite3)");
  copy_database(database, to);
  BackupSummary summary;
  {
    const auto copy = sqlite::open(to, sqlite::Access::ReadOnly);
    summary.cases = sqlite::query_integer(copy.get(), "SELECT count(*) FROM cases");
  }
  copy_photos(data_dir + "/media", to + ".media", summary);
  return summary;
}

}  // namespace oneservice::central::store
