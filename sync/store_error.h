#pragma once
// Errors from the device's request store. Every message is one sentence or
// two a kiosk operator can act on: it names the file and says what to do. It
// never holds what a resident entered, only references, codes and paths, so
// it may be logged or shown as it is.
#include <stdexcept>
#include <string>
#include <string_view>

namespace oneservice::sync {

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The local reference derived from a new client id is already used by another
// request. Nothing was stored: make a new client id and try again.
class ReferenceClash : public StoreError {
 public:
  using StoreError::StoreError;
};

// Why the store at a path cannot be used. Kept apart from the messages so the
// wording can be tested for every case, including ones a test cannot cause
// (a read-only file when the tests run as root, a full disk).
enum class StoreProblem {
  Missing,            // MustExist and there is no file
  NotAFile,           // the path is a folder or a device
  FolderNotCreatable,
  FolderNotWritable,  // WAL needs to create -wal and -shm beside the file
  NoPermission,       // the file cannot be read
  ReadOnly,           // the file can be read but not written
  Damaged,            // not a database, or fails quick_check
  Unrecognised,       // a sound database, but its tables are not an outbox's
  NewerVersion,
  Busy,               // another process held the lock past the busy timeout
  DiskFull,
  Refused,            // a constraint or trigger stopped a change
  IoFailure,
};

// `detail` adds the operating system's or SQLite's reason where it helps
// (e.g. "Permission denied"); it must not hold personal data.
std::string store_message(StoreProblem problem, const std::string& path,
                          std::string_view detail = {});

// Maps an SQLite result code met while opening or using the store to the
// problem a person can act on; IoFailure when nothing more precise fits.
StoreProblem problem_for_sqlite_code(int result_code);

}  // namespace oneservice::sync
