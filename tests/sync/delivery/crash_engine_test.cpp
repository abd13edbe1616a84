// The real oneservice-sync killed with SIGKILL mid-push, again and again,
// and the background SyncEngine: each request still reaches the council
// exactly once.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>
#include <random>
#include <set>
#include <thread>

#include "db/sqlite.h"
#include "delivery_support.h"
#include "support/fault_proxy.h"
#include "sync/sync_engine.h"

using namespace oneservice;
using namespace oneservice::sync;
using namespace oneservice::sync::delivery_test;
using oneservice::test::Fault;
using oneservice::test::FaultProxy;

namespace {

// Starts oneservice-sync with stdout to /dev/null and stderr to err_file.
pid_t spawn_sync(const std::vector<std::string>& args, const std::string& err_file) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int null_fd = ::open("/dev/null", O_WRONLY);
    const int err_fd = ::open(err_file.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    ::dup2(null_fd, 1);
    ::dup2(err_fd, 2);
    std::string binary = ONESERVICE_SYNC_BINARY;
    std::vector<std::string> copy = args;
    std::vector<char*> argv{binary.data()};
    for (auto& arg : copy) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  return pid;
}

// Waits for the child up to `bound`; SIGKILLs it after that. Returns the
// exit code, or -1 when it did not exit by itself.
int wait_for_exit(pid_t pid, std::chrono::seconds bound) {
  const auto deadline = std::chrono::steady_clock::now() + bound;
  int status = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
  return -1;
}

bool wait_until(const std::function<bool()>& done, std::chrono::seconds bound) {
  const auto deadline = std::chrono::steady_clock::now() + bound;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  return done();
}

// Polls every 2 ms (a drain moves fast) for up to 30 s.
bool poll_until(const std::function<bool()>& done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  return done();
}

// Requests in `state`, read with a read-only connection so that watching
// takes no lock from the push being watched.
std::int64_t count_on_disk(const std::string& store, const std::string& state) {
  const auto db = sqlite::open(store, sqlite::Access::ReadOnly);
  sqlite::exec(db.get(), "PRAGMA busy_timeout = 5000");  // a killed writer's log is recovered first
  sqlite::Statement count(db.get(), "SELECT count(*) FROM requests WHERE state = ?1");
  count.bind(1, state);
  return count.step() ? count.integer(0) : -1;
}

// Queues `count` pothole reports in the device's store; their client ids.
std::vector<std::string> queue_on_device(const TempDir& device, int count) {
  auto outbox = Outbox::open(outbox_path(device.path()));
  return enqueue_potholes(outbox, count);
}

std::string as_text(const nlohmann::json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

// Each id accepted, references distinct, and the central holds exactly them.
void expect_exactly_once(const Outbox& outbox, const Central& central, const std::vector<std::string>& ids) {
  std::set<std::string> refs;
  for (const auto& id : ids) {
    const auto entry = outbox.find(id);
    ASSERT_TRUE(entry);
    EXPECT_EQ(entry->state, RequestState::Accepted) << entry->local_ref << ": " << entry->last_error;
    refs.insert(entry->server_ref);
  }
  EXPECT_EQ(refs.size(), ids.size()) << "references are not distinct";
  const auto cases = central.all_cases();
  ASSERT_TRUE(cases.is_array());
  EXPECT_EQ(cases.size(), ids.size());
  std::multiset<std::string> held;
  for (const auto& record : cases) held.insert(as_text(record.at("service_request_id")));
  for (const auto& ref : refs) EXPECT_EQ(held.count(ref), 1u) << "case " << ref;
}

}  // namespace

TEST(SyncCrash, KilledPushesStillDeliverEveryRequestExactlyOnce) {
  constexpr int kRequests = 200;
  Central central;
  TempDir device;
  auto ids = queue_on_device(device, kRequests);
  const std::vector<std::string> args = {"--data", device.path(), "push", "--server", central.base_url(),
                                         "--api-key", central.key(), "--retry-for", "30"};
  const std::string err_file = device.path() + "/sync.err";
  const auto seed = std::random_device{}();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937 random(seed);
  // Each run is killed once it has delivered a few more requests than the
  // last: so mid-drain, never before it began or after it finished (a
  // timed pause often killed a push that had already delivered everything).
  std::uniform_int_distribution<int> more(5, 20);
  int accepted_before_last_kill = 0;
  const auto store = outbox_path(device.path());
  for (int round = 0; round < 5; ++round) {
    const pid_t pid = spawn_sync(args, err_file);
    ASSERT_GT(pid, 0);
    const int target = accepted_before_last_kill + more(random);
    const bool reached = poll_until([&] { return count_on_disk(store, "accepted") >= target; });
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(reached) << "round " << round << ": " << target << " were never accepted; " << read_text(err_file);
    accepted_before_last_kill = static_cast<int>(count_on_disk(store, "accepted"));
    EXPECT_LT(accepted_before_last_kill, kRequests) << "round " << round << ": killed after the drain had ended";
    EXPECT_GT(count_on_disk(store, "sending"), 0) << "round " << round << ": no request was in flight at the kill";
  }
  RecordProperty("accepted_before_last_kill", accepted_before_last_kill);

  const pid_t pid = spawn_sync(args, err_file);
  ASSERT_GT(pid, 0);
  EXPECT_EQ(wait_for_exit(pid, std::chrono::seconds(90)), 0) << read_text(err_file);

  const auto outbox = Outbox::open(outbox_path(device.path()), OpenMode::MustExist);
  EXPECT_EQ(count_in(outbox, RequestState::Accepted), kRequests);
  EXPECT_EQ(count_in(outbox, RequestState::Sending), 0);
  expect_exactly_once(outbox, central, ids);
}

// Two senders on one data folder: the second finds push.lock held, says so
// and sends nothing; once the first lets go, it delivers.
TEST(SyncPushLock, ASecondSenderOnTheSameFolderSendsNothing) {
  Central central;
  TempDir device;
  const auto ids = queue_on_device(device, 3);
  const std::vector<std::string> args = {"--data", device.path(), "push", "--server", central.base_url(),
                                         "--api-key", central.key(), "--retry-for", "0"};
  const std::string err_file = device.path() + "/sync.err";
  {
    PushLock first(device.path());  // the kiosk's worker, mid-pass
    ASSERT_TRUE(first.held());
    EXPECT_FALSE(PushLock(device.path()).held()) << "a second lock in this process was granted";
    const pid_t second = spawn_sync(args, err_file);
    ASSERT_GT(second, 0);
    EXPECT_EQ(wait_for_exit(second, std::chrono::seconds(30)), 3) << read_text(err_file);  // kExitUndelivered
    EXPECT_NE(read_text(err_file).find("is sending from"), std::string::npos) << read_text(err_file);
    EXPECT_TRUE(central.all_cases().empty()) << "the second sender sent while the first held the lock";
    EXPECT_EQ(count_on_disk(outbox_path(device.path()), "queued"), 3);
  }
  const pid_t after = spawn_sync(args, err_file);
  ASSERT_GT(after, 0);
  EXPECT_EQ(wait_for_exit(after, std::chrono::seconds(60)), 0) << read_text(err_file);
  const auto outbox = Outbox::open(outbox_path(device.path()), OpenMode::MustExist);
  expect_exactly_once(outbox, central, ids);
}

// The device's key may come from the environment instead of the command
// line (so it is not in the process list): push must use it.
TEST(SyncPushKey, TheKeyCanComeFromOneserviceApiKey) {
  Central central;
  TempDir device;
  const auto ids = queue_on_device(device, 2);
  const std::vector<std::string> args = {"--data", device.path(), "push", "--server", central.base_url(),
                                         "--retry-for", "0"};
  const std::string err_file = device.path() + "/sync.err";
  ASSERT_EQ(::unsetenv("ONESERVICE_API_KEY"), 0);
  const pid_t without = spawn_sync(args, err_file);
  ASSERT_GT(without, 0);
  EXPECT_EQ(wait_for_exit(without, std::chrono::seconds(30)), 2) << read_text(err_file);  // kExitSetupProblem
  EXPECT_NE(read_text(err_file).find("ONESERVICE_API_KEY"), std::string::npos) << read_text(err_file);

  ASSERT_EQ(::setenv("ONESERVICE_API_KEY", central.key().c_str(), 1), 0);
  const pid_t with = spawn_sync(args, err_file);
  ::unsetenv("ONESERVICE_API_KEY");
  ASSERT_GT(with, 0);
  EXPECT_EQ(wait_for_exit(with, std::chrono::seconds(60)), 0) << read_text(err_file);
  const auto outbox = Outbox::open(outbox_path(device.path()), OpenMode::MustExist);
  expect_exactly_once(outbox, central, ids);
}

namespace {

EngineOptions fast_engine_options(std::chrono::milliseconds total_timeout = std::chrono::seconds(2)) {
  EngineOptions options;
  options.push = fast_push_options(total_timeout);
  options.idle_interval = std::chrono::seconds(30);  // so only wake() can explain a quick delivery
  options.pull_interval = std::chrono::seconds(60);
  return options;
}

}  // namespace

TEST(SyncEngineDelivery, DeliversTheQueueAndWakesForANewRequest) {
  constexpr int kRequests = 10;
  Central central;
  TempDir device;
  std::vector<std::string> ids;
  std::string changeset;
  {
    auto outbox = Outbox::open(outbox_path(device.path()));
    ids = enqueue_potholes(outbox, kRequests);
    changeset = demo_catalogue(outbox).changeset;
  }
  SyncEngine engine(device.path(), {central.base_url(), central.key(), ""}, fast_engine_options());
  EXPECT_TRUE(engine.snapshot().configured);
  const auto generation_before = engine.generation();
  engine.start();

  const bool settled = wait_until(
      [&] {
        const auto s = engine.snapshot();
        return !s.busy && s.queued == 0 && s.sending == 0 && s.accepted == kRequests;
      },
      std::chrono::seconds(20));
  auto snapshot = engine.snapshot();
  ASSERT_TRUE(settled) << "queued " << snapshot.queued << ", accepted " << snapshot.accepted << ", last error "
                       << snapshot.last_error;
  EXPECT_GT(engine.generation(), generation_before);
  EXPECT_TRUE(snapshot.online);
  EXPECT_EQ(snapshot.needs_attention, 0);
  EXPECT_FALSE(snapshot.last_success.empty());
  EXPECT_EQ(snapshot.last_error, "");
  EXPECT_EQ(snapshot.catalogue_changeset, changeset) << "the first pass also pulls";

  // A request queued by the kiosk (its own connection), then wake().
  std::string late;
  {
    auto outbox = Outbox::open(outbox_path(device.path()), OpenMode::MustExist);
    late = enqueue_potholes(outbox, 1, 100).at(0);
  }
  const auto generation_mid = engine.generation();
  engine.wake();
  const bool woke = wait_until([&] { return engine.snapshot().accepted == kRequests + 1; }, std::chrono::seconds(10));
  EXPECT_TRUE(woke) << "wake() did not start a pass (the idle interval is 30 s)";
  EXPECT_GT(engine.generation(), generation_mid);
  ids.push_back(late);
  const auto outbox = Outbox::open(outbox_path(device.path()), OpenMode::MustExist);
  expect_exactly_once(outbox, central, ids);
}

TEST(SyncEngineDelivery, DestroyingTheEngineMidSendLosesNothing) {
  constexpr int kRequests = 30;
  Central central;
  FaultProxy proxy("127.0.0.1", central.port());
  proxy.set_stall(std::chrono::seconds(3));
  proxy.set_plan({{Fault::Stall, 2}});  // two requests are surely in flight when it stops
  TempDir device;
  std::vector<std::string> ids;
  {
    auto outbox = Outbox::open(outbox_path(device.path()));
    ids = enqueue_potholes(outbox, kRequests);
  }
  {
    SyncEngine engine(device.path(), {Central::base_url_for(proxy.port()), central.key(), ""},
                      fast_engine_options(std::chrono::milliseconds(1000)));
    engine.start();
    ASSERT_TRUE(wait_until([&] { return proxy.requests_seen() >= 1; }, std::chrono::seconds(10)));
  }  // destroyed while sending

  auto outbox = Outbox::open(outbox_path(device.path()), OpenMode::MustExist);
  const auto counts = outbox.counts();
  EXPECT_EQ(counts.at(RequestState::Sending), 0) << "nothing left in flight";
  EXPECT_EQ(counts.at(RequestState::NeedsAttention), 0);
  EXPECT_EQ(counts.at(RequestState::Queued) + counts.at(RequestState::Accepted), kRequests) << "nothing lost";
  EXPECT_LT(counts.at(RequestState::Accepted), kRequests) << "the engine stopped before sending everything";

  // What was left is delivered later, each still exactly once.
  PushLock lock(device.path());
  ASSERT_TRUE(lock.held());
  Pusher pusher(outbox, {central.base_url(), central.key(), ""}, fast_push_options());
  push_until_settled(outbox, pusher, std::chrono::seconds(20));
  expect_exactly_once(outbox, central, ids);
}

TEST(SyncEngineDelivery, APullThatWorkedCountsAsASuccessfulSync) {
  // Nothing to send: only the pull talks to the council, and staff reading
  // "last successful sync" must still see that the link works.
  Central central;
  TempDir device;
  { auto outbox = Outbox::open(outbox_path(device.path())); }
  SyncEngine engine(device.path(), {central.base_url(), central.key(), ""}, fast_engine_options());
  engine.start();
  ASSERT_TRUE(wait_until([&] { return !engine.snapshot().catalogue_changeset.empty() && !engine.snapshot().busy; },
                         std::chrono::seconds(20)));
  const auto snapshot = engine.snapshot();
  EXPECT_EQ(snapshot.last_error, "");
  EXPECT_EQ(snapshot.accepted, 0);
  EXPECT_FALSE(snapshot.last_success.empty()) << "a pull that worked is a successful exchange";
}

TEST(SyncEngineDelivery, APullThatFailedIsNoSuccessfulSync) {
  TempDir device;
  { auto outbox = Outbox::open(outbox_path(device.path())); }
  // A port nothing listens on: every exchange fails.
  SyncEngine engine(device.path(), {Central::base_url_for(1), "no-key", ""}, fast_engine_options());
  engine.start();
  ASSERT_TRUE(wait_until([&] { return !engine.snapshot().last_error.empty(); }, std::chrono::seconds(20)));
  EXPECT_TRUE(engine.snapshot().last_success.empty());
}
