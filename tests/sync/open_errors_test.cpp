#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "support.h"
#include "sync/outbox.h"

using namespace oneservice::sync;
using test::read_bytes;
using test::sample_request;
using test::TempFolder;
using test::write_bytes;

namespace {

// The message Outbox::open throws, or a failure when it opens.
std::string open_error(const std::string& path, OpenMode mode = OpenMode::CreateIfMissing,
                       const OpenHooks& hooks = {}) {
  try {
    auto outbox = Outbox::open(path, mode, hooks);
  } catch (const StoreError& error) {
    return error.what();
  }
  ADD_FAILURE() << path << " opened but should not have";
  return {};
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

bool running_as_root() { return ::geteuid() == 0; }

void make_store_with_requests(const std::string& path, int count) {
  auto outbox = Outbox::open(path);
  for (int n = 1; n <= count; ++n) outbox.enqueue(sample_request(test::client_id_for(n)));
}

}  // namespace

TEST(OpenErrors, MustExistOnAMissingFileNamesItAndCreatesNothing) {
  TempFolder folder;
  const auto path = outbox_path(folder.path());
  const auto message = open_error(path, OpenMode::MustExist);
  EXPECT_TRUE(contains(message, path)) << message;
  EXPECT_TRUE(contains(message, "no request store")) << message;
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(OpenErrors, GarbageFileIsDamagedAndLeftByteForByte) {
  TempFolder folder;
  const auto path = outbox_path(folder.path());
  std::string garbage;
  for (int i = 0; i < 300; ++i) garbage += "this is not a database, it is a note. ";
  write_bytes(path, garbage);

  const auto message = open_error(path);
  EXPECT_TRUE(contains(message, path)) << message;
  EXPECT_TRUE(contains(message, "is damaged and cannot be read")) << message;
  EXPECT_TRUE(contains(message, "Do not delete it")) << message;
  EXPECT_EQ(read_bytes(path), garbage);
  EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
}

TEST(OpenErrors, DatabaseWithABrokenPageIsDamagedAndLeftByteForByte) {
  TempFolder folder;
  const auto path = outbox_path(folder.path());
  make_store_with_requests(path, 60);  // several pages of rows and index entries
  auto bytes = read_bytes(path);
  const auto page_size = static_cast<std::size_t>(test::RawDb(path).integer("PRAGMA page_size"));
  ASSERT_GT(bytes.size(), 4 * page_size);
  // Scribble over the third page: past the header, so only a real check finds it.
  for (std::size_t i = 2 * page_size; i < 3 * page_size; ++i) bytes[i] = static_cast<char>(0xA5);
  write_bytes(path, bytes);

  const auto message = open_error(path);
  EXPECT_TRUE(contains(message, "is damaged and cannot be read")) << message;
  EXPECT_EQ(read_bytes(path), bytes);
}

TEST(OpenErrors, FolderInPlaceOfTheFileIsRefused) {
  TempFolder folder;
  const auto path = outbox_path(folder.path());
  std::filesystem::create_directory(path);
  const auto message = open_error(path);
  EXPECT_TRUE(contains(message, path)) << message;
  EXPECT_TRUE(contains(message, "not a file")) << message;
}

TEST(OpenErrors, DataFolderThatCannotBeCreatedIsNamed) {
  TempFolder folder;
  write_bytes(folder.file("plain-file"), "x");
  // Even root cannot make a folder inside a regular file.
  const auto data = folder.file("plain-file/data");
  const auto message = open_error(outbox_path(data));
  EXPECT_TRUE(contains(message, data)) << message;
  EXPECT_TRUE(contains(message, "cannot be created")) << message;
}

TEST(OpenErrors, ReadOnlyFileIsRefusedAtOpen) {
  if (running_as_root()) GTEST_SKIP() << "root writes to files whatever their mode; see ReadOnlyAsReportedBySqlite";
  TempFolder folder;
  const auto path = outbox_path(folder.path());
  make_store_with_requests(path, 1);
  const auto before = read_bytes(path);
  ASSERT_EQ(::chmod(path.c_str(), 0444), 0);
  const auto message = open_error(path);
  EXPECT_TRUE(contains(message, path)) << message;
  EXPECT_TRUE(contains(message, "is read-only")) << message;
  EXPECT_EQ(read_bytes(path), before);
}

TEST(OpenErrors, ReadOnlyFolderIsRefusedAtOpen) {
  if (running_as_root()) GTEST_SKIP() << "root writes to folders whatever their mode";
  TempFolder folder;
  const auto data = folder.file("data");
  const auto path = outbox_path(data);
  make_store_with_requests(path, 1);
  ASSERT_EQ(::chmod(data.c_str(), 0555), 0);
  const auto message = open_error(path);
  EXPECT_TRUE(contains(message, data)) << message;
  EXPECT_TRUE(contains(message, "read-only")) << message;
}

TEST(OpenErrors, ReadOnlyAsReportedBySqlite) {
  // The route a write-protected file takes when access() cannot see it (root,
  // some network file systems): SQLite opens it read-only and says so.
  TempFolder folder;
  const auto path = outbox_path(folder.path());
  make_store_with_requests(path, 1);
  const auto before = read_bytes(path);
  const auto message = open_error(path, OpenMode::MustExist, OpenHooks{.open_read_only = true});
  EXPECT_TRUE(contains(message, path)) << message;
  EXPECT_TRUE(contains(message, "is read-only, so requests cannot be saved")) << message;
  EXPECT_EQ(read_bytes(path), before);
}

TEST(OpenErrors, SqliteCodesMapToWhatAPersonCanDo) {
  EXPECT_EQ(problem_for_sqlite_code(SQLITE_READONLY), StoreProblem::ReadOnly);
  EXPECT_EQ(problem_for_sqlite_code(SQLITE_READONLY_DBMOVED), StoreProblem::ReadOnly);
  EXPECT_EQ(problem_for_sqlite_code(SQLITE_NOTADB), StoreProblem::Damaged);
  EXPECT_EQ(problem_for_sqlite_code(SQLITE_CORRUPT), StoreProblem::Damaged);
  EXPECT_EQ(problem_for_sqlite_code(SQLITE_BUSY_SNAPSHOT), StoreProblem::Busy);
  EXPECT_EQ(problem_for_sqlite_code(SQLITE_FULL), StoreProblem::DiskFull);
  EXPECT_EQ(problem_for_sqlite_code(SQLITE_CONSTRAINT_TRIGGER), StoreProblem::Refused);
  EXPECT_EQ(problem_for_sqlite_code(SQLITE_IOERR_FSYNC), StoreProblem::IoFailure);
}

TEST(OpenErrors, EveryMessageNamesTheFileOnOneLine) {
  const std::string path = "/srv/kiosk-7/outbox.sqlite3";
  for (const auto problem :
       {StoreProblem::Missing, StoreProblem::NotAFile, StoreProblem::FolderNotCreatable,
        StoreProblem::FolderNotWritable, StoreProblem::NoPermission, StoreProblem::ReadOnly, StoreProblem::Damaged,
        StoreProblem::Unrecognised, StoreProblem::NewerVersion, StoreProblem::Busy, StoreProblem::DiskFull,
        StoreProblem::Refused, StoreProblem::IoFailure}) {
    const auto message = store_message(problem, path);
    const bool names_it = contains(message, path) || contains(message, "/srv/kiosk-7");
    EXPECT_TRUE(names_it) << message;
    EXPECT_EQ(message.back(), '.') << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
  }
  EXPECT_NE(store_message(StoreProblem::Damaged, path), store_message(StoreProblem::ReadOnly, path));
}
