// Unit tests of the pure rules: when to retry (backoff, Retry-After), what
// a server's answer to a create means, and the form a request travels as.
#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <random>

#include "sync/backoff.h"
#include "sync/open311_wire.h"

using namespace oneservice;
using namespace oneservice::sync;
using std::chrono::milliseconds;
using std::chrono::seconds;

namespace {

BackoffPolicy policy_100ms_5s() {
  BackoffPolicy policy;
  policy.base = milliseconds(100);
  policy.cap = milliseconds(5000);
  policy.retry_after_cap = seconds(60);
  return policy;
}

TimePoint fixed_now() {
  // 2026-11-22T14:03:00Z
  std::tm parts{};
  parts.tm_year = 2026 - 1900;
  parts.tm_mon = 10;
  parts.tm_mday = 22;
  parts.tm_hour = 14;
  parts.tm_min = 3;
  return std::chrono::system_clock::from_time_t(timegm(&parts));
}

std::string http_date(TimePoint when) {
  const std::time_t t = std::chrono::system_clock::to_time_t(when);
  std::tm parts{};
  gmtime_r(&t, &parts);
  char buffer[64];
  std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S GMT", &parts);
  return buffer;
}

net::HttpResponse http(long status, std::string body, std::map<std::string, std::string> headers = {}) {
  net::HttpResponse response;
  response.status = status;
  response.body = std::move(body);
  response.headers = std::move(headers);
  return response;
}

}  // namespace

// --- backoff_delay --------------------------------------------------------

TEST(Backoff, FullJitterStaysWithinTheExponentialBoundAndTheCap) {
  const auto policy = policy_100ms_5s();
  std::mt19937_64 random(42);
  for (int attempt = 1; attempt <= 12; ++attempt) {
    long long bound = 100;
    for (int i = 1; i < attempt; ++i) bound = std::min<long long>(bound * 2, 5000);
    for (int sample = 0; sample < 500; ++sample) {
      const auto delay = backoff_delay(policy, attempt, std::nullopt, random);
      ASSERT_GE(delay.count(), 0) << "attempt " << attempt;
      ASSERT_LE(delay.count(), bound) << "attempt " << attempt;
    }
  }
}

TEST(Backoff, GrowsWithTheAttemptAndIsJittered) {
  const auto policy = policy_100ms_5s();
  std::mt19937_64 random(7);
  const auto stats = [&](int attempt) {
    std::int64_t most = 0, least = std::int64_t{1} << 40, sum = 0;
    for (int i = 0; i < 2000; ++i) {
      const std::int64_t d = backoff_delay(policy, attempt, std::nullopt, random).count();
      most = std::max(most, d);
      least = std::min(least, d);
      sum += d;
    }
    return std::tuple{least, most, sum / 2000};
  };
  const auto [least1, most1, mean1] = stats(1);
  const auto [least4, most4, mean4] = stats(4);
  const auto [least8, most8, mean8] = stats(8);
  EXPECT_LE(most1, 100);
  EXPECT_GT(most4, 400) << "attempt 4 may wait up to 800 ms";
  EXPECT_GT(most8, 4000) << "attempt 8 reaches the cap";
  EXPECT_LT(mean1, mean4);
  EXPECT_LT(mean4, mean8);
  EXPECT_LT(least8, 1000) << "full jitter: a wait may be short even late on";
  EXPECT_NE(least1, most1) << "the waits are random";
}

TEST(Backoff, HugeAttemptCountsStayAtTheCap) {
  const auto policy = policy_100ms_5s();
  std::mt19937_64 random(1);
  for (const int attempt : {40, 64, 100, 1000, 1 << 30}) {
    const auto delay = backoff_delay(policy, attempt, std::nullopt, random);
    EXPECT_GE(delay.count(), 0);
    EXPECT_LE(delay.count(), 5000) << attempt;
  }
}

TEST(Backoff, RetryAfterIsAFloor) {
  const auto policy = policy_100ms_5s();
  std::mt19937_64 random(3);
  for (int i = 0; i < 200; ++i) {
    const auto delay = backoff_delay(policy, 1, seconds(3), random);
    ASSERT_GE(delay, milliseconds(3000));
    ASSERT_LE(delay, milliseconds(3000)) << "attempt 1's jitter bound (100 ms) is below the floor";
  }
  // Late on the jitter may exceed the floor; it never goes below it.
  for (int i = 0; i < 200; ++i) {
    const auto delay = backoff_delay(policy, 10, seconds(1), random);
    ASSERT_GE(delay, milliseconds(1000));
    ASSERT_LE(delay, milliseconds(5000));
  }
  EXPECT_LE(backoff_delay(policy, 1, seconds(0), random), milliseconds(100));
}

TEST(Backoff, RetryAfterIsCappedAtRetryAfterCap) {
  BackoffPolicy policy;  // defaults: cap 15 min, retry_after_cap 1 h
  std::mt19937_64 random(5);
  EXPECT_EQ(backoff_delay(policy, 1, seconds(24 * 3600), random), std::chrono::hours(1));
  auto small = policy_100ms_5s();  // retry_after_cap 60 s
  EXPECT_EQ(backoff_delay(small, 3, seconds(600), random), seconds(60));
  EXPECT_EQ(backoff_delay(small, 3, seconds(999999999), random), seconds(60));
}

// --- parse_retry_after ----------------------------------------------------

TEST(RetryAfter, DeltaSeconds) {
  const auto now = fixed_now();
  EXPECT_EQ(parse_retry_after("120", now), seconds(120));
  EXPECT_EQ(parse_retry_after("0", now), seconds(0));
  EXPECT_EQ(parse_retry_after("1", now), seconds(1));
  const auto huge = parse_retry_after("99999999999999999999", now);
  ASSERT_TRUE(huge.has_value()) << "a huge number is still a wait, and must not throw";
  EXPECT_GE(*huge, seconds(3600));
}

TEST(RetryAfter, HttpDateInTheFutureIsTheWaitUntilThen) {
  const auto now = fixed_now();
  EXPECT_EQ(parse_retry_after(http_date(now + seconds(90)), now), seconds(90));
  EXPECT_EQ(parse_retry_after("Sun, 22 Nov 2026 15:03:00 GMT", now), seconds(3600));
}

TEST(RetryAfter, HttpDateInThePastMeansNow) {
  const auto now = fixed_now();
  EXPECT_EQ(parse_retry_after(http_date(now - seconds(90)), now), seconds(0));
  EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now), seconds(0));
}

// Found by fuzz/retry_after: a year system_clock cannot hold overflowed it
// (signed overflow, undefined behaviour) instead of meaning "now" or "long".
TEST(RetryAfter, DatesBeyondTheClocksRangeAreNowOrAVeryLongWait) {
  const auto now = fixed_now();
  EXPECT_EQ(parse_retry_after("Wed, 18 Nov 1013 07:28:00 GMT", now), seconds(0));
  EXPECT_EQ(parse_retry_after("Thu, 01 Jan 1970 00:00:00 GMT", now), seconds(0));
  const auto far = parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT", now);
  ASSERT_TRUE(far.has_value());
  EXPECT_EQ(*far, seconds(999999999));
}

TEST(RetryAfter, GarbageIsIgnored) {
  const auto now = fixed_now();
  for (const char* text : {"", "soon", "12abc", "-5", "1.5", " 30", "Wed, 21 Oct 2026", "Wed, 21 Foo 2026 07:28:00 GMT",
                           "Wed, 21 Oct 2026 07:28:00 GMT trailing"})
    EXPECT_FALSE(parse_retry_after(text, now).has_value()) << '"' << text << '"';
}

// --- judge_create_response ------------------------------------------------

TEST(JudgeCreate, AcceptedWithStringOrNumberId) {
  const auto now = fixed_now();
  auto out = judge_create_response(http(200, R"([{"service_request_id":"638344","service_notice":""}])"), now);
  EXPECT_EQ(out.kind, Outcome::Kind::Accepted);
  EXPECT_EQ(out.reference, "638344");
  out = judge_create_response(http(201, R"([{"service_request_id":42}])"), now);
  EXPECT_EQ(out.kind, Outcome::Kind::Accepted);
  EXPECT_EQ(out.reference, "42");
  out = judge_create_response(http(200, R"({"service_request_id":"7"})"), now);
  EXPECT_EQ(out.kind, Outcome::Kind::Accepted) << "a bare object, as some servers send";
  EXPECT_EQ(out.reference, "7");
}

TEST(JudgeCreate, TokenForABatchService) {
  const auto out = judge_create_response(http(200, R"([{"token":"abc-123","service_notice":""}])"), fixed_now());
  EXPECT_EQ(out.kind, Outcome::Kind::Token);
  EXPECT_EQ(out.reference, "abc-123");
}

TEST(JudgeCreate, SuccessWithoutAReferenceNeedsAPerson) {
  for (const char* body : {"[]", "{}", "[{}]", R"([{"service_request_id":""}])", R"([{"service_request_id":null}])"}) {
    const auto out = judge_create_response(http(200, body), fixed_now());
    EXPECT_EQ(out.kind, Outcome::Kind::Permanent) << body;
    EXPECT_NE(out.message.find("no reference"), std::string::npos) << body << ": " << out.message;
  }
}

TEST(JudgeCreate, UnreadableSuccessIsRetried) {
  for (const char* body : {"", "<html>", R"([{"service_req)"}) {
    const auto out = judge_create_response(http(200, body), fixed_now());
    EXPECT_EQ(out.kind, Outcome::Kind::Transient) << body;
    EXPECT_FALSE(out.message.empty());
  }
}

TEST(JudgeCreate, BadRequestIsPermanentWithTheServersWords) {
  const auto out = judge_create_response(
      http(400, R"([{"code":400,"description":"Select the size of the pothole"},)"
                R"({"code":400,"description":"Enter the depth in centimetres"}])"),
      fixed_now());
  EXPECT_EQ(out.kind, Outcome::Kind::Permanent);
  EXPECT_EQ(out.message, "Select the size of the pothole; Enter the depth in centimetres");
  EXPECT_EQ(open311_error_text("not json"), "");
  EXPECT_EQ(open311_error_text(R"({"description":"x"})"), "") << "not a list";
}

TEST(JudgeCreate, ForbiddenNotFoundAndTooLargeArePermanent) {
  const auto now = fixed_now();
  auto out = judge_create_response(http(403, R"([{"code":403,"description":"This device key has been revoked"}])"), now);
  EXPECT_EQ(out.kind, Outcome::Kind::Permanent);
  EXPECT_EQ(out.message, "This device key has been revoked");
  out = judge_create_response(http(403, ""), now);
  EXPECT_EQ(out.kind, Outcome::Kind::Permanent);
  EXPECT_NE(out.message.find("key"), std::string::npos) << out.message;
  out = judge_create_response(http(404, R"([{"code":404,"description":"There is no service pot"}])"), now);
  EXPECT_EQ(out.kind, Outcome::Kind::Permanent);
  EXPECT_EQ(out.message, "There is no service pot");
  out = judge_create_response(http(413, "<html>too big</html>"), now);
  EXPECT_EQ(out.kind, Outcome::Kind::Permanent);
  EXPECT_NE(out.message.find("413"), std::string::npos) << out.message;
}

TEST(JudgeCreate, AnswersFromSomethingInBetweenKeepTheRequestQueued) {
  // A library's Wi-Fi login page, a move to https, a proxy's own error page:
  // not the council refusing the request.
  const auto now = fixed_now();
  for (const long status : {301L, 302L, 401L, 404L, 400L}) {
    const auto out = judge_create_response(http(status, "<html>Please log in to the library Wi-Fi</html>"), now);
    EXPECT_EQ(out.kind, Outcome::Kind::Transient) << status;
    EXPECT_NE(out.message.find(std::to_string(status)), std::string::npos) << out.message;
  }
}

TEST(JudgeCreate, BusyServerIsTransientWithRetryAfter) {
  const auto now = fixed_now();
  auto out = judge_create_response(http(429, "", {{"retry-after", "30"}}), now);
  EXPECT_EQ(out.kind, Outcome::Kind::Transient);
  ASSERT_TRUE(out.retry_after.has_value());
  EXPECT_EQ(*out.retry_after, seconds(30));
  out = judge_create_response(http(503, "[]", {{"retry-after", http_date(now + seconds(120))}}), now);
  EXPECT_EQ(out.kind, Outcome::Kind::Transient);
  ASSERT_TRUE(out.retry_after.has_value());
  EXPECT_EQ(*out.retry_after, seconds(120));
  EXPECT_NE(out.message.find("503"), std::string::npos) << out.message;
  out = judge_create_response(http(500, "oops"), now);
  EXPECT_EQ(out.kind, Outcome::Kind::Transient);
  EXPECT_FALSE(out.retry_after.has_value());
  out = judge_create_response(http(408, ""), now);
  EXPECT_EQ(out.kind, Outcome::Kind::Transient);
}

TEST(JudgeCreate, NetworkFailuresAreTransient) {
  for (const auto error : {net::NetError::Dns, net::NetError::Connect, net::NetError::Timeout, net::NetError::Reset,
                           net::NetError::Tls, net::NetError::Other}) {
    net::HttpResponse response;
    response.error = error;
    response.error_message = "curl said something";
    const auto out = judge_create_response(response, fixed_now());
    EXPECT_EQ(out.kind, Outcome::Kind::Transient) << static_cast<int>(error);
    EXPECT_FALSE(out.message.empty());
    EXPECT_TRUE(out.reference.empty());
  }
}

// --- request_form ---------------------------------------------------------

namespace {

std::vector<std::string> values_of(const std::vector<net::FormPart>& form, const std::string& name) {
  std::vector<std::string> out;
  for (const auto& part : form)
    if (part.name == name) out.push_back(part.value);
  return out;
}

}  // namespace

TEST(RequestForm, CarriesEveryFieldTheWayOpen311WantsIt) {
  ServiceRequest r;
  r.client_id = "3f2b8c1e-9d4a-4f6b-8e2d-1a2b3c4d5e6f";
  r.service_code = "fly_tipping";
  r.catalogue_version = "2026-11-01T09:00:00Z";
  r.created_at = "2026-11-22T14:03:00Z";
  r.answers = {{"amount", std::string("car_boot")},
               {"waste_types", std::vector<std::string>{"household", "tyres"}}};
  r.location.lat = 51.2;
  r.location.lon = -1.82;
  r.location.address_string = "Mill Lane, Ashcombe";
  r.description = "By the gate";
  r.contact.first_name = "Ada";
  r.contact.last_name = "Lovelace";
  r.contact.email = "ada@example.org";

  const auto form = request_form(r, {}, "KEY123");
  EXPECT_EQ(values_of(form, "api_key"), std::vector<std::string>{"KEY123"});
  EXPECT_EQ(values_of(form, "service_code"), std::vector<std::string>{"fly_tipping"});
  ASSERT_EQ(values_of(form, "lat").size(), 1u);
  ASSERT_EQ(values_of(form, "long").size(), 1u);
  EXPECT_DOUBLE_EQ(std::stod(values_of(form, "lat")[0]), 51.2);
  EXPECT_DOUBLE_EQ(std::stod(values_of(form, "long")[0]), -1.82);
  EXPECT_EQ(values_of(form, "address_string"), std::vector<std::string>{"Mill Lane, Ashcombe"});
  EXPECT_EQ(values_of(form, "description"), std::vector<std::string>{"By the gate"});
  EXPECT_EQ(values_of(form, "first_name"), std::vector<std::string>{"Ada"});
  EXPECT_EQ(values_of(form, "last_name"), std::vector<std::string>{"Lovelace"});
  EXPECT_EQ(values_of(form, "email"), std::vector<std::string>{"ada@example.org"});
  EXPECT_TRUE(values_of(form, "phone").empty()) << "empty fields are not sent";
  EXPECT_EQ(values_of(form, "attribute[amount]"), std::vector<std::string>{"car_boot"});
  EXPECT_TRUE(values_of(form, "attribute[waste_types]").empty());
  EXPECT_EQ(values_of(form, "attribute[waste_types][]"), (std::vector<std::string>{"household", "tyres"}));
  EXPECT_EQ(values_of(form, "attribute[client_request_id]"), std::vector<std::string>{r.client_id});
  EXPECT_EQ(values_of(form, "attribute[catalogue_version]"), std::vector<std::string>{r.catalogue_version});
  EXPECT_EQ(values_of(form, "attribute[created_at]"), std::vector<std::string>{r.created_at});
  for (const auto& part : form) EXPECT_TRUE(part.file_name.empty()) << part.name << ": no photos, no file parts";
}

TEST(RequestForm, NoPointNoCoordinates) {
  ServiceRequest request;
  request.client_id = "3f2b8c1e-9d4a-4f6b-8e2d-1a2b3c4d5e6f";
  request.service_code = "missed_bin";
  request.location.address_string = "1 High Street";
  const auto form = request_form(request, {}, "K");
  EXPECT_TRUE(values_of(form, "lat").empty());
  EXPECT_TRUE(values_of(form, "long").empty());
  EXPECT_EQ(values_of(form, "address_string"), std::vector<std::string>{"1 High Street"});
  EXPECT_TRUE(values_of(form, "reported_for").empty()) << "not said, not sent";
  EXPECT_TRUE(values_of(form, "assisted_via").empty());
}

TEST(RequestForm, AnAssistedReportSaysWhomItWasForAndHow) {
  ServiceRequest request;
  request.client_id = "3f2b8c1e-9d4a-4f6b-8e2d-1a2b3c4d5e6f";
  request.service_code = "missed_bin";
  request.reported_for = ReportedFor::Anonymous;
  request.assisted_via = AssistedVia::InPerson;
  const auto form = request_form(request, {}, "K");
  EXPECT_EQ(values_of(form, "reported_for"), std::vector<std::string>{"anonymous"});
  EXPECT_EQ(values_of(form, "assisted_via"), std::vector<std::string>{"in_person"});
}

TEST(RequestForm, PhotosBecomeMediaParts) {
  ServiceRequest request;
  request.client_id = "3f2b8c1e-9d4a-4f6b-8e2d-1a2b3c4d5e6f";
  request.service_code = "graffiti";
  const std::string png("\x89PNG\r\n\x1a\n\0\0binary", 16);
  const std::vector<MediaAttachment> media = {{"wall.png", "image/png", png}, {"close.jpg", "image/jpeg", "\xff\xd8\xff"}};
  const auto form = request_form(request, media, "K");
  std::vector<const net::FormPart*> parts;
  for (const auto& part : form)
    if (part.name == "media") parts.push_back(&part);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0]->file_name, "wall.png");
  EXPECT_EQ(parts[0]->content_type, "image/png");
  EXPECT_EQ(parts[0]->value, png) << "bytes unchanged, NULs included";
  EXPECT_EQ(parts[1]->file_name, "close.jpg");
  EXPECT_EQ(parts[1]->content_type, "image/jpeg");
}
