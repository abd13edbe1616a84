#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "central/case_store.h"
#include "support.h"
#include "support/deadline.h"

using namespace oneservice;
using namespace oneservice::central;
using test::client_id_for;
using test::RawDb;
using test::sample_case;
using test::TempFolder;

namespace {

// The child: four threads create cases without end and write
// "<client id> <case id>\n" to the pipe once each create has returned.
[[noreturn]] void run_child(const std::string& folder, int pipe_out) {
  try {
    CaseStore store(folder);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&store, pipe_out, t] {
        try {
          for (int i = 0; i < 100000; ++i) {
            const auto client_id = client_id_for(t * 100000 + i);
            const auto result = store.create(sample_case(client_id));
            if (result.outcome != CreateOutcome::Created) ::_exit(4);
            const auto line = client_id + " " + result.service_request_id + "\n";
            // A line shorter than PIPE_BUF is written whole or not at all.
            if (::write(pipe_out, line.data(), line.size()) != static_cast<ssize_t>(line.size())) ::_exit(5);
          }
        } catch (...) {
          ::_exit(6);
        }
      });
    }
    for (auto& thread : threads) thread.join();
  } catch (...) {
  }
  ::_exit(3);  // only reached when something failed before the kill
}

}  // namespace

// The nearest a test gets to the server losing power: the process dies in
// the middle of group commits, without closing anything.
TEST(CaseStoreCrash, EveryAcknowledgedCaseIsWholeAfterAKill) {
  TempFolder folder;
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const pid_t child = ::fork();
  ASSERT_NE(child, -1);
  if (child == 0) {
    ::close(fds[0]);
    run_child(folder.path(), fds[1]);
  }
  ::close(fds[1]);

  std::string received;
  const auto complete_lines = [&] { return std::count(received.begin(), received.end(), '\n'); };
  char buffer[4096];
  bool killed = false;
  bool too_slow = false;
  const auto deadline = std::chrono::steady_clock::now() + oneservice::test_support::kWaitLimit;
  for (;;) {
    if (!killed && std::chrono::steady_clock::now() >= deadline) {
      ::kill(child, SIGKILL);  // it stalled: the pipe's end of file follows
      killed = too_slow = true;
    }
    pollfd readable{fds[0], POLLIN, 0};
    if (::poll(&readable, 1, 100) == 0) continue;
    const ssize_t got = ::read(fds[0], buffer, sizeof buffer);
    if (got <= 0) break;  // end of file: the child is gone
    received.append(buffer, static_cast<std::size_t>(got));
    if (!killed && complete_lines() >= 80) {
      ::kill(child, SIGKILL);  // mid-stream: more creates are in flight
      killed = true;
    }
  }
  ::close(fds[0]);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_FALSE(too_slow) << "the child acknowledged " << complete_lines() << " of 80 creates in "
                         << oneservice::test_support::kWaitLimit.count() << " seconds";
  ASSERT_TRUE(WIFSIGNALED(status)) << "the child exited with " << WEXITSTATUS(status);
  ASSERT_EQ(WTERMSIG(status), SIGKILL);

  std::map<std::string, std::string> acknowledged;  // client id -> case id
  std::size_t at = 0;
  while (true) {
    const auto end = received.find('\n', at);
    if (end == std::string::npos) break;
    const auto line = received.substr(at, end - at);
    const auto space = line.find(' ');
    ASSERT_NE(space, std::string::npos) << line;
    acknowledged[line.substr(0, space)] = line.substr(space + 1);
    at = end + 1;
  }
  ASSERT_GE(acknowledged.size(), 80u);

  CaseStore store(folder.path());
  for (const auto& [client_id, id] : acknowledged) {
    const auto record = store.find(id);
    ASSERT_TRUE(record) << "acknowledged case " << id << " is missing";
    EXPECT_EQ(record->client_id, client_id);
    EXPECT_EQ(record->status, CaseStatus::Open);
    EXPECT_EQ(record->media.size(), 2u);
  }
  // Nothing half-written: every case on disk, acknowledged or not, has both
  // photos, and no update (creating a case is not one).
  RawDb raw(store.path());
  EXPECT_GE(raw.integer("SELECT count(*) FROM cases"), static_cast<long long>(acknowledged.size()));
  EXPECT_EQ(raw.integer("SELECT count(*) FROM cases c WHERE "
                        "(SELECT count(*) FROM case_updates u WHERE u.case_id = c.id) <> 0 OR "
                        "(SELECT count(*) FROM case_media m WHERE m.case_id = c.id) <> 2"),
            0);
  EXPECT_EQ(raw.text("PRAGMA integrity_check"), "ok");
}
