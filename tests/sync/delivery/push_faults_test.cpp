// Delivery to the real oneservice-central over loopback, through a proxy
// that breaks requests the ways networks do: every request must end
// accepted with the council's reference, exactly one case each.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <memory>
#include <set>
#include <thread>

#include "delivery_support.h"
#include "shared/identity.h"
#include "support/fault_proxy.h"
#include "support/raw_db.h"
#include "sync/net/http_transport.h"
#include "sync/open311_wire.h"

using namespace oneservice;
using namespace oneservice::sync;
using namespace oneservice::sync::delivery_test;
using oneservice::test::Fault;
using oneservice::test::FaultPlan;
using oneservice::test::FaultProxy;
using nlohmann::json;
using Steady = std::chrono::steady_clock;

namespace {

std::string fault_name(Fault fault) {
  switch (fault) {
    case Fault::None: return "None";
    case Fault::ResetBeforeForward: return "ResetBeforeForward";
    case Fault::DropResponse: return "DropResponse";
    case Fault::TruncateResponse: return "TruncateResponse";
    case Fault::Stall: return "Stall";
    case Fault::Respond503: return "Respond503";
  }
  return "Unknown";
}

std::string as_text(const json& value) { return value.is_string() ? value.get<std::string>() : value.dump(); }

double as_number(const json& value) { return value.is_number() ? value.get<double>() : std::stod(value.get<std::string>()); }

// Every request accepted with a distinct reference; the central holds
// exactly those cases, each once, with the content sent.
void expect_delivered_exactly_once(const Outbox& outbox, const Central& central, const std::vector<std::string>& ids) {
  std::set<std::string> refs;
  for (const auto& id : ids) {
    const auto entry = outbox.find(id);
    ASSERT_TRUE(entry) << id;
    EXPECT_EQ(entry->state, RequestState::Accepted) << entry->local_ref << ": " << entry->last_error;
    EXPECT_FALSE(entry->server_ref.empty()) << entry->local_ref;
    refs.insert(entry->server_ref);
  }
  EXPECT_EQ(refs.size(), ids.size()) << "two requests share a council reference";

  const auto cases = central.all_cases();
  ASSERT_TRUE(cases.is_array());
  EXPECT_EQ(cases.size(), ids.size()) << "the central holds a duplicate or lost a case";
  std::multiset<std::string> held;
  for (const auto& record : cases) {
    held.insert(as_text(record.at("service_request_id")));
    EXPECT_EQ(record.at("service_code"), "pothole");
    EXPECT_DOUBLE_EQ(as_number(record.at("lat")), 51.2);
    EXPECT_DOUBLE_EQ(as_number(record.at("long")), -1.82);
    EXPECT_EQ(record.at("channel"), "kiosk");
  }
  for (const auto& ref : refs) EXPECT_EQ(held.count(ref), 1u) << "case " << ref;

  // Asked for by id, each reference is one case.
  std::string list;
  for (const auto& ref : refs) list += (list.empty() ? "" : ",") + ref;
  const auto by_id = central.get("requests.json?service_request_id=" + net::url_encode(list));
  ASSERT_TRUE(by_id.is_array());
  EXPECT_EQ(by_id.size(), refs.size());
}

class PushThroughFaults : public ::testing::TestWithParam<Fault> {};

}  // namespace

namespace oneservice::test {
inline void PrintTo(Fault fault, std::ostream* out) { *out << fault_name(fault); }
}  // namespace oneservice::test

TEST_P(PushThroughFaults, EveryRequestIsAcceptedExactlyOnce) {
  const Fault fault = GetParam();
  constexpr int kRequests = 20;
  constexpr int kFaulted = 3;
  Central central;
  FaultProxy proxy("127.0.0.1", central.port());
  auto total_timeout = std::chrono::milliseconds(2000);
  if (fault == Fault::Stall) {
    proxy.set_stall(std::chrono::seconds(3));
    total_timeout = std::chrono::milliseconds(1000);
  }
  if (fault == Fault::Respond503) proxy.set_retry_after_seconds(1);
  proxy.set_plan({{fault, kFaulted}});

  TempDir device;
  auto outbox = Outbox::open(outbox_path(device.path()));
  const auto ids = enqueue_potholes(outbox, kRequests);
  PushLock lock(device.path());
  ASSERT_TRUE(lock.held());
  Pusher pusher(outbox, {Central::base_url_for(proxy.port()), central.key(), ""}, fast_push_options(total_timeout));

  // When each request was first put back with a backoff, and when it was
  // claimed again (seen from the progress reports, on the pushing thread).
  std::map<std::string, Steady::time_point> put_back, claimed_again;
  const auto watch = [&](const PushProgress&) {
    const auto now = Steady::now();
    for (const auto& id : ids) {
      const auto entry = outbox.find(id);
      if (!entry) continue;
      if (entry->attempts == 1 && entry->state == RequestState::Queued && !put_back.count(id)) put_back[id] = now;
      if (entry->attempts >= 2 && !claimed_again.count(id)) claimed_again[id] = now;
    }
  };
  const int passes = push_until_settled(outbox, pusher, std::chrono::seconds(25), watch);

  SCOPED_TRACE(fault_name(fault) + " after " + std::to_string(passes) + " passes");
  const int faults = fault == Fault::None ? 0 : kFaulted;
  EXPECT_EQ(proxy.faults_applied(), faults);
  EXPECT_EQ(count_in(outbox, RequestState::Accepted), kRequests);
  EXPECT_EQ(count_in(outbox, RequestState::NeedsAttention), 0);
  expect_delivered_exactly_once(outbox, central, ids);

  int retried = 0;
  for (const auto& id : ids) retried += outbox.find(id)->attempts >= 2 ? 1 : 0;
  EXPECT_GE(retried, faults) << "each faulted request was sent again";
  if (fault == Fault::None) {
    EXPECT_EQ(retried, 0) << "nothing failed, nothing was sent twice";
  }
  EXPECT_GE(proxy.requests_seen(), kRequests + faults);
  if (fault == Fault::DropResponse || fault == Fault::TruncateResponse) {
    // The central committed the first attempt; the resend found it (same
    // case), which the exact case count above proves: N sends reached the
    // server N + k times.
    EXPECT_EQ(central.all_cases().size(), static_cast<std::size_t>(kRequests));
  }
  if (fault == Fault::Respond503) {
    // Retry-After: 1 was honoured: no request was claimed again less than a
    // second after it was put back (100 ms allowed for the bookkeeping
    // between the answer and the progress report). A lower bound only.
    ASSERT_EQ(claimed_again.size(), static_cast<std::size_t>(kFaulted));
    for (const auto& [id, when] : claimed_again) {
      ASSERT_TRUE(put_back.count(id)) << local_reference(id);
      const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(when - put_back[id]);
      EXPECT_GE(waited.count(), 900) << local_reference(id) << " was sent again too soon after a 503";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Faults, PushThroughFaults,
                         ::testing::Values(Fault::None, Fault::ResetBeforeForward, Fault::DropResponse,
                                           Fault::TruncateResponse, Fault::Stall, Fault::Respond503),
                         [](const ::testing::TestParamInfo<Fault>& param) { return fault_name(param.param); });

// Exactly-once rests on two carriers of the client id, the Idempotency-Key
// header and attribute[client_request_id]: each is checked on its own, so
// losing one is caught even while the other still protects.
namespace {

// A device with `requests` potholes queued, pushing to a real central
// through a proxy set up by `arrange`, until every request settles.
struct ProxiedPush {
  Central central;
  FaultProxy proxy{"127.0.0.1", central.port()};
  TempDir device;
  Outbox outbox = Outbox::open(outbox_path(device.path()));
  std::vector<std::string> ids;

  void run(int requests) {
    ids = enqueue_potholes(outbox, requests);
    PushLock lock(device.path());
    ASSERT_TRUE(lock.held());
    Pusher pusher(outbox, {Central::base_url_for(proxy.port()), central.key(), ""}, fast_push_options());
    push_until_settled(outbox, pusher);
  }
};

}  // namespace

TEST(PushIdempotency, EveryPostCarriesItsClientIdAsTheIdempotencyKey) {
  constexpr int kRequests = 6;
  ProxiedPush push;
  push.proxy.set_plan({{Fault::DropResponse, 2}});  // two resends: they carry the same key again
  push.run(kRequests);
  const auto& [central, proxy, device, outbox, ids] = push;

  const auto keys = proxy.request_header_values("Idempotency-Key");
  EXPECT_EQ(static_cast<int>(keys.size()), proxy.requests_seen()) << "a POST went without the header";
  std::multiset<std::string> sent(keys.begin(), keys.end());
  for (const auto& id : ids) EXPECT_GE(sent.count(id), 1u) << local_reference(id) << " was sent without its key";
  EXPECT_EQ(sent.size(), static_cast<std::size_t>(kRequests + 2));
  for (const auto& key : sent) EXPECT_NE(std::find(ids.begin(), ids.end(), key), ids.end()) << "unknown key " << key;
  expect_delivered_exactly_once(outbox, central, ids);
}

// The resident's language travels as Accept-Language (never a form field),
// and central keeps it with the case for the emails it sends them: a Welsh
// request is a Welsh case, one that did not say is English.
TEST(PushLanguage, AWelshRequestIsAWelshCaseAtCentral) {
  Central central;
  FaultProxy proxy{"127.0.0.1", central.port()};
  TempDir device;
  Outbox outbox = Outbox::open(outbox_path(device.path()));
  const auto catalogue = demo_catalogue(outbox);
  auto welsh = pothole_request(catalogue, 1);
  welsh.language = "cy";
  outbox.enqueue(welsh);
  const auto unsaid = pothole_request(catalogue, 2);
  outbox.enqueue(unsaid);
  {
    PushLock lock(device.path());
    ASSERT_TRUE(lock.held());
    Pusher pusher(outbox, {Central::base_url_for(proxy.port()), central.key(), ""}, fast_push_options());
    push_until_settled(outbox, pusher);
  }
  expect_delivered_exactly_once(outbox, central, {welsh.client_id, unsaid.client_id});
  const auto languages = proxy.request_header_values("Accept-Language");
  EXPECT_EQ(languages, std::vector<std::string>{"cy"}) << "only the Welsh request says its language";
  oneservice::test_support::RawDb store(central.data_dir() + "/central.sqlite3");
  const auto language_of = [&](const ServiceRequest& request) {
    return store.text("SELECT language FROM cases WHERE reference = '" + local_reference(request.client_id) + "'");
  };
  EXPECT_EQ(language_of(welsh), "cy");
  EXPECT_EQ(language_of(unsaid), "en");
}

TEST(PushIdempotency, WithoutTheHeaderTheFormAttributeStillMakesOneCaseOfAResend) {
  constexpr int kRequests = 8;
  ProxiedPush push;
  push.proxy.strip_request_header("Idempotency-Key");  // as a proxy in between might
  push.proxy.set_plan({{Fault::DropResponse, 3}});     // the central commits, the device never hears
  push.run(kRequests);
  const auto& [central, proxy, device, outbox, ids] = push;

  EXPECT_EQ(proxy.faults_applied(), 3);
  EXPECT_GE(proxy.requests_seen(), kRequests + 3);
  expect_delivered_exactly_once(outbox, central, ids);
}

// A clock the test moves by hand.
struct ManualClock {
  std::shared_ptr<std::atomic<std::int64_t>> ms = std::make_shared<std::atomic<std::int64_t>>(0);
  TimePoint now() const { return TimePoint(std::chrono::milliseconds(ms->load())); }
  void set(TimePoint when) {
    ms->store(std::chrono::duration_cast<std::chrono::milliseconds>(when.time_since_epoch()).count());
  }
  Clock clock() const {
    auto shared = ms;
    return Clock{[shared] { return TimePoint(std::chrono::milliseconds(shared->load())); }};
  }
};

// Retry-After is a floor even when the answer comes late in a second: the
// device stores times to the second, so the next attempt must be rounded up,
// never down (rounding down retries up to a whole second too soon).
TEST(PushRetryAfter, NextAttemptIsNeverBeforeRetryAfter) {
  Central central;
  FaultProxy proxy("127.0.0.1", central.port());
  proxy.set_retry_after_seconds(1);
  proxy.set_plan({{Fault::Respond503, 1}});
  TempDir device;
  auto outbox = Outbox::open(outbox_path(device.path()));
  const auto ids = enqueue_potholes(outbox, 1);
  PushLock lock(device.path());
  ASSERT_TRUE(lock.held());

  ManualClock manual;
  const auto second = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const TimePoint answered = second + std::chrono::milliseconds(900);
  manual.set(answered);
  Pusher pusher(outbox, {Central::base_url_for(proxy.port()), central.key(), ""}, fast_push_options(), manual.clock());

  auto progress = pusher.push_due();
  EXPECT_EQ(progress.retry_later, 1);
  auto entry = outbox.find(ids[0]);
  ASSERT_EQ(entry->state, RequestState::Queued);
  const auto next = parse_iso8601(entry->next_attempt_at);
  ASSERT_TRUE(next) << entry->next_attempt_at;
  EXPECT_TRUE(*next >= answered + std::chrono::seconds(1))
      << "the server said wait 1 s at " << format_utc(answered) << " + 0.9 s; next attempt stored as "
      << entry->next_attempt_at;

  // 0.95 s later: still waiting; nothing is sent.
  manual.set(answered + std::chrono::milliseconds(950));
  pusher.push_due();
  EXPECT_EQ(proxy.requests_seen(), 1) << "sent again before Retry-After had passed";
  EXPECT_EQ(outbox.find(ids[0])->state, RequestState::Queued);

  // Once the wait (rounded up to the stored second) is over it goes.
  manual.set(answered + std::chrono::seconds(2));
  progress = pusher.push_due();
  EXPECT_EQ(progress.accepted, 1);
  EXPECT_EQ(outbox.find(ids[0])->state, RequestState::Accepted);
  EXPECT_EQ(proxy.requests_seen(), 2);
}

// --- refusals -------------------------------------------------------------

TEST(PushRefusal, UnknownServiceNeedsAttentionWithTheServersWordsAndIsNotRetried) {
  Central central;
  FaultProxy proxy("127.0.0.1", central.port());  // no faults: it counts requests
  TempDir device;
  auto outbox = Outbox::open(outbox_path(device.path()));
  const auto catalogue = demo_catalogue(outbox);
  ServiceRequest request;  // bypasses prepare_request: the central must judge it
  request.client_id = make_uuid_v4();
  request.service_code = "no_such_service";
  request.catalogue_version = catalogue.changeset;
  request.location.lat = 51.2;
  request.location.lon = -1.82;
  request.created_at = format_utc(std::chrono::system_clock::now());
  outbox.enqueue(request);
  const auto good = enqueue_potholes(outbox, 2);

  // What the central says to this request, asked directly.
  const auto [status, body] = central.post_form(
      "api_key=" + net::url_encode(central.key()) + "&service_code=no_such_service&lat=51.2&long=-1.82",
      make_uuid_v4());
  ASSERT_GE(status, 400);
  ASSERT_LT(status, 500);
  const auto server_words = open311_error_text(body);
  ASSERT_FALSE(server_words.empty()) << body;

  PushLock lock(device.path());
  ASSERT_TRUE(lock.held());
  Pusher pusher(outbox, {Central::base_url_for(proxy.port()), central.key(), ""}, fast_push_options());
  const auto first = pusher.push_due();
  EXPECT_EQ(first.needs_attention, 1);
  EXPECT_EQ(first.accepted, 2);
  const int seen = proxy.requests_seen();
  for (int pass = 0; pass < 3; ++pass) pusher.push_due();

  const auto entry = outbox.find(request.client_id);
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->state, RequestState::NeedsAttention);
  EXPECT_EQ(entry->last_error, server_words);
  EXPECT_EQ(entry->attempts, 1) << "a refusal is never retried by itself";
  EXPECT_TRUE(entry->server_ref.empty());
  EXPECT_EQ(proxy.requests_seen(), seen) << "later passes sent nothing";
  for (const auto& id : good) EXPECT_EQ(outbox.find(id)->state, RequestState::Accepted);
  EXPECT_EQ(central.all_cases().size(), 2u);
}

TEST(PushRefusal, RevokedKeyNeedsAttentionWithTheServersWords) {
  Central central;
  const auto revoked = central.add_key("old tablet");  // key 2
  const auto revoke = central.run({"key", "revoke", "2"});
  ASSERT_EQ(revoke.exit_code, 0) << revoke.err;
  TempDir device;
  auto outbox = Outbox::open(outbox_path(device.path()));
  const auto ids = enqueue_potholes(outbox, 1);

  const auto [status, body] = central.post_form(
      "api_key=" + net::url_encode(revoked) +
          "&service_code=pothole&lat=51.2&long=-1.82&attribute%5Broad_or_pavement%5D=road"
          "&attribute%5Bpothole_size%5D=about_plate&attribute%5Bdepth_cm%5D=3",
      make_uuid_v4());
  ASSERT_EQ(status, 403) << body;

  PushLock lock(device.path());
  ASSERT_TRUE(lock.held());
  Pusher pusher(outbox, {central.base_url(), revoked, ""}, fast_push_options());
  pusher.push_due();
  pusher.push_due();
  const auto entry = outbox.find(ids[0]);
  EXPECT_EQ(entry->state, RequestState::NeedsAttention);
  EXPECT_EQ(entry->attempts, 1);
  // The central's own words, as it answered the direct POST above.
  EXPECT_EQ(open311_error_text(body),
            "This device's api_key is missing, unknown or revoked: ask the council for a key");
  EXPECT_EQ(entry->last_error, open311_error_text(body));
  EXPECT_TRUE(central.all_cases().empty());
}

// --- batch services -------------------------------------------------------

TEST(PushTokens, ABatchRequestEndsAcceptedWithTheServersId) {
  Central central;
  TempDir device;
  auto outbox = Outbox::open(outbox_path(device.path()));
  const auto permit = parking_permit_request(demo_catalogue(outbox));
  outbox.enqueue(permit);
  const auto potholes = enqueue_potholes(outbox, 2);
  PushLock lock(device.path());
  ASSERT_TRUE(lock.held());
  Pusher pusher(outbox, {central.base_url(), central.key(), ""}, fast_push_options());
  push_until_settled(outbox, pusher, std::chrono::seconds(10));

  const auto entry = outbox.find(permit.client_id);
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->state, RequestState::Accepted) << entry->last_error;
  ASSERT_FALSE(entry->server_ref.empty());
  EXPECT_TRUE(DeliveryQueue(outbox).awaiting_token().empty());

  // The central's own record: the case with that id is the permit, and its
  // token resolves to that id.
  const auto record = central.get("requests/" + entry->server_ref + ".json");
  ASSERT_TRUE(record.is_array() && record.size() == 1u) << record.dump();
  EXPECT_EQ(record[0].at("service_code"), "parking_permit");
  ASSERT_TRUE(record[0].contains("token")) << record.dump();
  const std::string token = record[0].at("token");
  const auto resolved = central.get("tokens/" + net::url_encode(token) + ".json");
  EXPECT_EQ(as_text(resolved.at(0).at("service_request_id")), entry->server_ref);
  EXPECT_EQ(central.all_cases().size(), 3u);
  for (const auto& id : potholes) EXPECT_EQ(outbox.find(id)->state, RequestState::Accepted);
}

TEST(PushTokens, ATokenThatCannotBeAskedAboutYetWaitsAndResolvesLater) {
  Central central;
  FaultProxy proxy("127.0.0.1", central.port());
  // The create passes; the token look-up that follows is refused for now
  // (a reset would not do: curl quietly retries a request whose reused
  // connection died).
  proxy.set_plan({{Fault::None, 1}, {Fault::Respond503, 1}});
  TempDir device;
  auto outbox = Outbox::open(outbox_path(device.path()));
  const auto permit = parking_permit_request(demo_catalogue(outbox));
  outbox.enqueue(permit);
  PushLock lock(device.path());
  ASSERT_TRUE(lock.held());
  Pusher pusher(outbox, {Central::base_url_for(proxy.port()), central.key(), ""}, fast_push_options());

  const auto first = pusher.push_due();
  EXPECT_EQ(first.pending_token, 1);
  auto entry = outbox.find(permit.client_id);
  EXPECT_EQ(entry->state, RequestState::Sending) << "with the council, reference not yet known";
  EXPECT_FALSE(entry->token.empty());
  ASSERT_EQ(DeliveryQueue(outbox).awaiting_token().size(), 1u);
  EXPECT_EQ(DeliveryQueue(outbox).recover_interrupted(), 0) << "a request holding a token is not resent";

  const auto second = pusher.push_due();
  EXPECT_EQ(second.accepted, 1);
  EXPECT_EQ(second.due, 0) << "the create was not sent again";
  entry = outbox.find(permit.client_id);
  EXPECT_EQ(entry->state, RequestState::Accepted);
  EXPECT_EQ(entry->attempts, 1);
  const auto cases = central.all_cases();
  ASSERT_EQ(cases.size(), 1u);
  EXPECT_EQ(as_text(cases[0].at("service_request_id")), entry->server_ref);
}
