// The real oneservice-sync killed with SIGKILL mid-push, again and again,
// and the background SyncEngine: each request still reaches the council
// exactly once.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>
#include <random>
#include <set>
#include <thread>

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
  std::vector<std::string> ids;
  {
    auto outbox = Outbox::open(outbox_path(device.path()));
    ids = enqueue_potholes(outbox, kRequests);
  }
  const std::vector<std::string> args = {"--data", device.path(), "push", "--server", central.base_url(),
                                         "--api-key", central.key(), "--retry-for", "30"};
  const std::string err_file = device.path() + "/sync.err";
  const auto seed = std::random_device{}();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> pause_ms(50, 400);
  int accepted_before_last_kill = 0;
  for (int round = 0; round < 5; ++round) {
    const pid_t pid = spawn_sync(args, err_file);
    ASSERT_GT(pid, 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms(random)));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    const auto outbox = Outbox::open(outbox_path(device.path()), OpenMode::MustExist);
    accepted_before_last_kill = count_in(outbox, RequestState::Accepted);
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
