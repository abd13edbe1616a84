#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <vector>

#include "support.h"
#include "sync/outbox.h"
#include "support/stored_request.h"

using namespace oneservice::sync;
using test::client_id_for;
using test::sample_request;
using test::TempFolder;

// The nearest a test gets to the kiosk being switched off at the wall: the
// process dies without closing the store, so nothing is flushed on exit.
TEST(Crash, RequestsSavedBeforeAKillAreThereAfterReopening) {
  TempFolder folder;
  const auto path = outbox_path(folder.path());
  constexpr int kRequests = 25;
  std::vector<std::string> ids;
  for (int n = 1; n <= kRequests; ++n) ids.push_back(client_id_for(n));

  const pid_t child = ::fork();
  ASSERT_NE(child, -1);
  if (child == 0) {
    try {
      auto outbox = Outbox::open(path);
      for (const auto& id : ids) outbox.enqueue(sample_request(id));
      ::raise(SIGKILL);
    } catch (...) {
    }
    ::_exit(3);  // only reached when something failed before the kill
  }

  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the child exited with " << WEXITSTATUS(status);
  ASSERT_EQ(WTERMSIG(status), SIGKILL);
  // The kill left the write-ahead log behind; reopening must replay it.
  EXPECT_TRUE(std::filesystem::exists(path + "-wal"));

  auto outbox = Outbox::open(path, OpenMode::MustExist);
  EXPECT_EQ(outbox.counts().at(RequestState::Queued), kRequests);
  for (const auto& id : ids) {
    const auto entry = outbox.find(id);
    ASSERT_TRUE(entry) << id;
    const auto stored = oneservice::sync::test::stored_request(outbox, *entry);
    EXPECT_EQ(entry->state, RequestState::Queued);
    EXPECT_EQ(stored.service_code, "pothole");
  }
}
