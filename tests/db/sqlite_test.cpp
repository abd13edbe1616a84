// The SQLite owners both stores build on: values round-trip through binds,
// failures keep SQLite's code, transactions end the way they should whichever
// way their scope ends, and cached statements never carry one use's bindings
// or connection into the next.
#include "db/sqlite.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

#include "support/temp_folder.h"

namespace oneservice::sqlite {
namespace {

using test_support::TempFolder;

class SqliteTest : public ::testing::Test {
 protected:
  TempFolder folder;
  std::string path = folder.file("test.sqlite3");
  Database db = open(path, Access::ReadWriteCreate);

  void SetUp() override {
    exec(db.get(), "PRAGMA journal_mode = WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, v)");
  }
  std::int64_t count() { return query_integer(db.get(), "SELECT count(*) FROM t"); }
};

TEST_F(SqliteTest, EveryKindOfValueRoundTrips) {
  const std::string bytes("a\0b\xff", 4);
  Statement insert(db.get(), "INSERT INTO t (id, v) VALUES (?1, ?2)");
  insert.bind(1, std::int64_t{1}).bind(2, std::string_view("Llanfair \xE2\x80\x94 text")).run();
  Statement(db.get(), "INSERT INTO t (id, v) VALUES (2, ?1)").bind(1, std::int64_t{1} << 40).run();
  Statement(db.get(), "INSERT INTO t (id, v) VALUES (3, ?1)").bind(1, 51.0625).run();
  Statement(db.get(), "INSERT INTO t (id, v) VALUES (4, ?1)").bind(1, std::optional<double>()).run();
  Statement(db.get(), "INSERT INTO t (id, v) VALUES (5, ?1)").bind_blob(1, bytes).run();
  Statement(db.get(), "INSERT INTO t (id, v) VALUES (6, ?1)").bind(1, std::optional<double>(-0.3217)).run();

  Statement select(db.get(), "SELECT v FROM t ORDER BY id");
  ASSERT_TRUE(select.step());
  EXPECT_EQ(select.text(0), "Llanfair \xE2\x80\x94 text");
  ASSERT_TRUE(select.step());
  EXPECT_EQ(select.integer(0), std::int64_t{1} << 40);
  ASSERT_TRUE(select.step());
  EXPECT_EQ(select.real(0), 51.0625);
  ASSERT_TRUE(select.step());
  EXPECT_TRUE(select.is_null(0));
  EXPECT_EQ(select.real(0), std::nullopt);
  EXPECT_EQ(select.text(0), "");
  ASSERT_TRUE(select.step());
  EXPECT_EQ(select.blob(0), bytes) << "a blob keeps its NUL byte";
  ASSERT_TRUE(select.step());
  EXPECT_EQ(select.real(0), -0.3217);
  EXPECT_FALSE(select.step());
}

TEST_F(SqliteTest, FailureKeepsTheExtendedCodeAndNamesTheConstraint) {
  Statement(db.get(), "INSERT INTO t (id, v) VALUES (1, 'x')").run();
  try {
    Statement(db.get(), "INSERT INTO t (id, v) VALUES (1, 'y')").run();
    FAIL() << "a duplicate key was accepted";
  } catch (const Failure& failure) {
    EXPECT_EQ(failure.code(), SQLITE_CONSTRAINT_PRIMARYKEY);
    EXPECT_NE(std::string(failure.what()).find("t.id"), std::string::npos) << failure.what();
  }
  EXPECT_THROW(Statement(db.get(), "SELECT nonsense FROM nowhere"), Failure);
  EXPECT_THROW(exec(db.get(), "CREATE TABLE t (x)"), Failure);
}

TEST_F(SqliteTest, OpeningAMissingFileWithoutCreateFails) {
  try {
    open(folder.file("absent.sqlite3"), Access::ReadWrite);
    FAIL() << "a missing file was opened";
  } catch (const Failure& failure) {
    EXPECT_EQ(failure.code() & 0xFF, SQLITE_CANTOPEN);
  }
}

TEST_F(SqliteTest, AReadOnlyConnectionCannotWrite) {
  const auto reader = open(path, Access::ReadOnly);
  EXPECT_EQ(query_integer(reader.get(), "SELECT count(*) FROM t"), 0);
  try {
    Statement(reader.get(), "INSERT INTO t (v) VALUES (1)").run();
    FAIL() << "a read-only connection wrote";
  } catch (const Failure& failure) {
    EXPECT_EQ(failure.code() & 0xFF, SQLITE_READONLY);
  }
}

TEST_F(SqliteTest, ACachedStatementStartsUnboundAndReset) {
  const std::string sql = "SELECT ?1, (SELECT count(*) FROM t)";
  {
    Statement first(db.get(), sql);
    first.bind(1, std::string_view("left over"));
    ASSERT_TRUE(first.step());  // left mid-way, with a row still to read
  }
  Statement(db.get(), "INSERT INTO t (v) VALUES (1)").run();
  Statement again(db.get(), sql);
  ASSERT_TRUE(again.step());
  EXPECT_TRUE(again.is_null(0)) << "the last use's binding was kept";
  EXPECT_EQ(again.integer(1), 1) << "the statement was not reset";
}

TEST_F(SqliteTest, TheSameSqlMayBeInUseTwiceAtOnce) {
  Statement(db.get(), "INSERT INTO t (v) VALUES (1), (2)").run();
  const std::string sql = "SELECT v FROM t WHERE v >= ?1 ORDER BY v";
  Statement outer(db.get(), sql);
  outer.bind(1, std::int64_t{1});
  ASSERT_TRUE(outer.step());
  {
    Statement inner(db.get(), sql);
    inner.bind(1, std::int64_t{2});
    ASSERT_TRUE(inner.step());
    EXPECT_EQ(inner.integer(0), 2);
  }
  EXPECT_EQ(outer.integer(0), 1);
  ASSERT_TRUE(outer.step());
  EXPECT_EQ(outer.integer(0), 2);
}

TEST_F(SqliteTest, AStatementRunsOnlyTheFirstOfTwoInOneString) {
  const std::string sql = "INSERT INTO t (v) VALUES (1); INSERT INTO t (v) VALUES (2)";
  Statement(db.get(), sql).run();
  Statement(db.get(), sql).run();
  EXPECT_EQ(count(), 2) << "each use runs the first statement once";
}

TEST_F(SqliteTest, ClosingAConnectionDropsItsCachedStatements) {
  const std::string sql = "SELECT count(*) FROM t";
  EXPECT_EQ(query_integer(db.get(), sql), 0);
  db.reset();
  // A new connection (SQLite may well reuse the address) to a file where t
  // is something else must prepare afresh, not find the old statement.
  const auto other_path = folder.file("other.sqlite3");
  db = open(other_path, Access::ReadWriteCreate);
  exec(db.get(), "CREATE TABLE t (a, b); INSERT INTO t VALUES (1, 2), (3, 4), (5, 6)");
  EXPECT_EQ(query_integer(db.get(), sql), 3);
}

TEST_F(SqliteTest, AWriteTransactionRollsBackUnlessCommitted) {
  {
    WriteTransaction transaction(db.get());
    Statement(db.get(), "INSERT INTO t (v) VALUES (1)").run();
    EXPECT_FALSE(in_autocommit(db.get()));
  }
  EXPECT_TRUE(in_autocommit(db.get()));
  EXPECT_EQ(count(), 0);
  {
    WriteTransaction transaction(db.get());
    Statement(db.get(), "INSERT INTO t (v) VALUES (1)").run();
    EXPECT_EQ(changes(db.get()), 1);
    EXPECT_EQ(last_insert_id(db.get()), 1);
    transaction.commit();
  }
  EXPECT_EQ(count(), 1);
}

TEST_F(SqliteTest, AWriteTransactionTakesTheWriteLockAtOnce) {
  WriteTransaction transaction(db.get());
  const auto other = open(path, Access::ReadWrite);
  try {
    WriteTransaction second(other.get());
    FAIL() << "two connections held the write lock";
  } catch (const Failure& failure) {
    EXPECT_EQ(failure.code() & 0xFF, SQLITE_BUSY);
  }
}

TEST_F(SqliteTest, AReadSnapshotDoesNotSeeLaterWrites) {
  const auto writer = open(path, Access::ReadWrite);
  Statement(writer.get(), "INSERT INTO t (v) VALUES (1)").run();
  {
    ReadSnapshot snapshot(db.get());
    EXPECT_EQ(count(), 1);
    Statement(writer.get(), "INSERT INTO t (v) VALUES (2)").run();
    EXPECT_EQ(count(), 1) << "the snapshot moved";
  }
  EXPECT_TRUE(in_autocommit(db.get()));
  EXPECT_EQ(count(), 2);
}

TEST_F(SqliteTest, AScopedPragmaIsRestoredWhicheverWayTheScopeEnds) {
  exec(db.get(), "PRAGMA synchronous = FULL");
  {
    ScopedPragma relaxed(db.get(), "PRAGMA synchronous = NORMAL", "PRAGMA synchronous = FULL");
    EXPECT_EQ(query_integer(db.get(), "PRAGMA synchronous"), 1);
  }
  EXPECT_EQ(query_integer(db.get(), "PRAGMA synchronous"), 2);
  try {
    ScopedPragma relaxed(db.get(), "PRAGMA synchronous = NORMAL", "PRAGMA synchronous = FULL");
    throw Failure(SQLITE_IOERR, "thrown inside the scope");
  } catch (const Failure&) {
  }
  EXPECT_EQ(query_integer(db.get(), "PRAGMA synchronous"), 2);
}

}  // namespace
}  // namespace oneservice::sqlite
