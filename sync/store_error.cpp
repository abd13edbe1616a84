#include "sync/store_error.h"

#include <sqlite3.h>

#include <filesystem>

namespace oneservice::sync {
namespace {

std::string folder_of(const std::string& path) {
  const auto parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

std::string with_detail(std::string_view detail) {
  return detail.empty() ? std::string() : " (" + std::string(detail) + ")";
}

}  // namespace

std::string store_message(StoreProblem problem, const std::string& path, std::string_view detail) {
  const auto store = "The request store " + path;
  switch (problem) {
    case StoreProblem::Missing:
      return "There is no request store at " + path +
             ". Check that --data names the kiosk's data folder; the kiosk creates the store when it "
             "first starts.";
    case StoreProblem::NotAFile:
      return store + " is a folder or device, not a file. Choose the data folder that holds "
                     "outbox.sqlite3, or move the folder aside.";
    case StoreProblem::FolderNotCreatable:
      return "The folder " + folder_of(path) + " for the request store cannot be created" +
             with_detail(detail) + ". Choose a data folder oneservice may write to, or ask support to create it.";
    case StoreProblem::FolderNotWritable:
      return store + " cannot be written because its folder " + folder_of(path) +
             " is read-only. Give oneservice write access to the folder (it keeps two working files "
             "beside the store) or choose another data folder.";
    case StoreProblem::NoPermission:
      return store + " cannot be read because oneservice does not have permission" + with_detail(detail) +
             ". Give oneservice read and write access to the file and its folder, then start again.";
    case StoreProblem::ReadOnly:
      return store + " is read-only, so requests cannot be saved. Give oneservice write access to the "
                     "file and its folder, then start again.";
    case StoreProblem::Damaged:
      return store + " is damaged and cannot be read" + with_detail(detail) +
             ". Do not delete it: it may hold requests not yet sent. Move it aside and contact support; "
             "oneservice will start a new, empty store.";
    case StoreProblem::Unrecognised:
      return store + " is a database but not a request store this version of oneservice can use" +
             with_detail(detail) + ". Do not delete it; choose another data folder, or contact support.";
    case StoreProblem::NewerVersion:
      return store + " was made by a newer version of oneservice" + with_detail(detail) +
             " and must not be opened by this one. Update oneservice on this device, or contact support.";
    case StoreProblem::Busy:
      return store + " is in use by another program and did not become free within 5 seconds. Close "
                     "other oneservice programs on this device and try again.";
    case StoreProblem::DiskFull:
      return "The disk holding the request store " + path +
             " is full. Free some space, then try again; requests already saved are kept.";
    case StoreProblem::Refused:
      return store + " refused a change" + with_detail(detail) +
             ". Nothing was changed; if this keeps happening, contact support.";
    case StoreProblem::IoFailure:
      return store + " could not be read or written" + with_detail(detail) +
             ". Check the disk, then try again; if it keeps happening, contact support and do not delete "
             "the file.";
  }
  return store + " cannot be used" + with_detail(detail) + ". Contact support.";
}

StoreProblem problem_for_sqlite_code(int result_code) {
  switch (result_code & 0xFF) {  // primary code; the extended part refines only the reason
    case SQLITE_READONLY: return StoreProblem::ReadOnly;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_FORMAT: return StoreProblem::Damaged;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return StoreProblem::Busy;
    case SQLITE_FULL: return StoreProblem::DiskFull;
    case SQLITE_CONSTRAINT: return StoreProblem::Refused;
    case SQLITE_PERM:
    case SQLITE_AUTH: return StoreProblem::NoPermission;
    default: return StoreProblem::IoFailure;
  }
}

}  // namespace oneservice::sync
