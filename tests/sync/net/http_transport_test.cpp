// HttpTransport against real servers on loopback: cpp-httplib for HTTP and
// HTTPS, and a raw socket server for a reply cut short. Nothing here needs
// a network beyond 127.0.0.1 (".invalid" names never resolve).
#include "sync/net/http_transport.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <ostream>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace oneservice::sync::net {
// Names in failure messages instead of raw bytes.
void PrintTo(NetError error, std::ostream* out) {
  static constexpr const char* names[] = {"None", "Dns", "Connect", "Timeout", "Reset", "Tls", "Other"};
  *out << "NetError::" << names[static_cast<int>(error)];
}
}  // namespace oneservice::sync::net

namespace net = oneservice::sync::net;
using namespace std::chrono_literals;
using net::HttpRequest;
using net::HttpResponse;
using net::HttpTransport;
using net::NetError;
using net::TransportOptions;

namespace {

// An httplib server on 127.0.0.1 and a free port, listening on its own
// thread from start() until destruction. Handlers that wait should watch
// stopping() so the server can shut down promptly.
class LocalServer {
 public:
  explicit LocalServer(std::unique_ptr<httplib::Server> server = std::make_unique<httplib::Server>())
      : server_(std::move(server)) {
    server_->set_keep_alive_max_count(1000);  // so reuse is not cut short by the server
  }
  ~LocalServer() {
    stopping_ = true;
    server_->stop();
    if (thread_.joinable()) thread_.join();
  }
  LocalServer(const LocalServer&) = delete;
  LocalServer& operator=(const LocalServer&) = delete;

  httplib::Server& http() { return *server_; }

  void start() {
    port_ = server_->bind_to_any_port("127.0.0.1");
    ASSERT_GT(port_, 0);
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (!server_->is_running() && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(1ms);
    ASSERT_TRUE(server_->is_running());
  }

  std::string url(const std::string& path, const std::string& scheme = "http") const {
    return scheme + "://127.0.0.1:" + std::to_string(port_) + path;
  }
  int port() const { return port_; }
  bool stopping() const { return stopping_; }

  // Sleeps up to `limit`, returning early once the server is stopping.
  void nap(std::chrono::milliseconds limit) const {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (!stopping_ && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(5ms);
  }

 private:
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
};

// Polls until nothing is busy (or a generous limit passes).
std::vector<HttpResponse> drain(HttpTransport& transport, std::chrono::seconds limit = 60s) {
  std::vector<HttpResponse> all;
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (transport.busy() && std::chrono::steady_clock::now() < deadline) {
    for (auto& response : transport.poll(200ms)) all.push_back(std::move(response));
  }
  return all;
}

HttpRequest get(const std::string& url, std::uint64_t tag = 0) {
  HttpRequest request;
  request.url = url;
  request.tag = tag;
  return request;
}

TransportOptions quick_options() {
  TransportOptions options;
  options.connect_timeout = 5s;
  options.total_timeout = 20s;
  return options;
}

// A bound TCP socket on 127.0.0.1 with its port; closes on destruction.
struct BoundSocket {
  int fd = -1;
  int port = 0;
  BoundSocket() {
    fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) return;
    socklen_t length = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    port = ntohs(address.sin_port);
  }
  ~BoundSocket() {
    if (fd >= 0) ::close(fd);
  }
  BoundSocket(const BoundSocket&) = delete;
  BoundSocket& operator=(const BoundSocket&) = delete;
};

// --- url_encode ------------------------------------------------------------

TEST(UrlEncode, KeepsUnreservedCharacters) {
  EXPECT_EQ(net::url_encode("AZaz09-._~"), "AZaz09-._~");
  EXPECT_EQ(net::url_encode(""), "");
}

TEST(UrlEncode, EncodesReservedSpacesAndControls) {
  EXPECT_EQ(net::url_encode("a b"), "a%20b");
  EXPECT_EQ(net::url_encode("a+b&c=d"), "a%2Bb%26c%3Dd");
  EXPECT_EQ(net::url_encode("attribute[x][]"), "attribute%5Bx%5D%5B%5D");
  EXPECT_EQ(net::url_encode("50%/?#"), "50%25%2F%3F%23");
  EXPECT_EQ(net::url_encode(std::string("a\0b\r\n", 5)), "a%00b%0D%0A");
}

TEST(UrlEncode, EncodesUtf8BytesInUpperCaseHex) {
  EXPECT_EQ(net::url_encode("ŵ"), "%C5%B5");
  EXPECT_EQ(net::url_encode("caf\xC3\xA9 \xE2\x82\xAC"), "caf%C3%A9%20%E2%82%AC");
  EXPECT_EQ(net::url_encode("\xFF"), "%FF");
}

// --- GET, headers and status codes ------------------------------------------

TEST(HttpTransport, GetSendsHeadersAndReturnsBodyAndLowerCasedHeaders) {
  LocalServer server;
  std::mutex mutex;
  std::string seen_device, seen_agent;
  server.http().Get("/hello", [&](const httplib::Request& req, httplib::Response& res) {
    {
      std::lock_guard lock(mutex);
      seen_device = req.get_header_value("X-Device");
      seen_agent = req.get_header_value("User-Agent");
    }
    res.set_header("X-Reply-Thing", "yes");
    res.set_content("hello, kiosk", "text/plain");
  });
  server.start();

  HttpTransport transport(quick_options());
  HttpRequest request = get(server.url("/hello"), 42);
  request.headers = {{"X-Device", "kiosk-7"}};
  const HttpResponse response = transport.perform(request);

  EXPECT_EQ(response.error, NetError::None) << response.error_message;
  EXPECT_EQ(response.tag, 42u);
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "hello, kiosk");
  ASSERT_EQ(response.headers.count("x-reply-thing"), 1u);
  EXPECT_EQ(response.headers.at("x-reply-thing"), "yes");
  EXPECT_EQ(response.headers.count("X-Reply-Thing"), 0u);
  ASSERT_EQ(response.headers.count("content-type"), 1u);
  EXPECT_EQ(response.headers.at("content-type"), "text/plain");
  for (const auto& [name, value] : response.headers) {
    EXPECT_TRUE(std::none_of(name.begin(), name.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) << name;
  }
  std::lock_guard lock(mutex);
  EXPECT_EQ(seen_device, "kiosk-7");
  EXPECT_EQ(seen_agent, "oneservice-sync/0.1");
  EXPECT_FALSE(transport.busy());
}

TEST(HttpTransport, ReturnsEveryStatusAsAResponseNotAnError) {
  LocalServer server;
  server.http().Get("/not-modified", [](const httplib::Request&, httplib::Response& res) {
    res.status = 304;
    res.set_header("ETag", "\"v7\"");
  });
  server.http().Get("/missing", [](const httplib::Request&, httplib::Response& res) {
    res.status = 404;
    res.set_content("[{\"code\":404,\"description\":\"not found\"}]", "application/json");
  });
  server.http().Get("/busy", [](const httplib::Request&, httplib::Response& res) {
    res.status = 503;
    res.set_header("Retry-After", "120");
    res.set_content("try later", "text/plain");
  });
  server.start();

  HttpTransport transport(quick_options());
  const HttpResponse not_modified = transport.perform(get(server.url("/not-modified")));
  EXPECT_EQ(not_modified.error, NetError::None) << not_modified.error_message;
  EXPECT_EQ(not_modified.status, 304);
  EXPECT_EQ(not_modified.body, "");
  ASSERT_EQ(not_modified.headers.count("etag"), 1u);
  EXPECT_EQ(not_modified.headers.at("etag"), "\"v7\"");

  const HttpResponse missing = transport.perform(get(server.url("/missing")));
  EXPECT_EQ(missing.error, NetError::None) << missing.error_message;
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.body, "[{\"code\":404,\"description\":\"not found\"}]");

  const HttpResponse busy = transport.perform(get(server.url("/busy")));
  EXPECT_EQ(busy.error, NetError::None) << busy.error_message;
  EXPECT_EQ(busy.status, 503);
  EXPECT_EQ(busy.body, "try later");
  ASSERT_EQ(busy.headers.count("retry-after"), 1u);
  EXPECT_EQ(busy.headers.at("retry-after"), "120");
}

// --- POST bodies -------------------------------------------------------------

TEST(HttpTransport, PostsAFormUrlEncodedWithRepeatedNamesAndUtf8) {
  LocalServer server;
  std::mutex mutex;
  std::multimap<std::string, std::string> params;
  std::string content_type, idempotency_key;
  server.http().Post("/requests.json", [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mutex);
    params = req.params;
    content_type = req.get_header_value("Content-Type");
    idempotency_key = req.get_header_value("Idempotency-Key");
    res.status = 201;
    res.set_content("[{\"service_request_id\":\"17\"}]", "application/json");
  });
  server.start();

  HttpTransport transport(quick_options());
  HttpRequest request;
  request.method = "POST";
  request.url = server.url("/requests.json");
  request.headers = {{"Idempotency-Key", "3f2b8c1e-9d4a-4f6b-8e2d-1a2b3c4d5e6f"}};
  request.form = {
      {"service_code", "pothole", "", ""},
      {"attribute[time_of_day][]", "morning_rush", "", ""},
      {"attribute[time_of_day][]", "evening_rush", "", ""},
      {"description", "Ffordd ŵ & y+bont = 50% ar ôl", "", ""},
      {"enw_ŵ", "ŵ", "", ""},
      {"empty", "", "", ""},
  };
  request.tag = 9;
  const HttpResponse response = transport.perform(request);

  EXPECT_EQ(response.error, NetError::None) << response.error_message;
  EXPECT_EQ(response.tag, 9u);
  EXPECT_EQ(response.status, 201);
  EXPECT_EQ(response.body, "[{\"service_request_id\":\"17\"}]");
  std::lock_guard lock(mutex);
  EXPECT_EQ(content_type, "application/x-www-form-urlencoded");
  EXPECT_EQ(idempotency_key, "3f2b8c1e-9d4a-4f6b-8e2d-1a2b3c4d5e6f");
  EXPECT_EQ(params.size(), 6u);
  auto find_one = [&](const std::string& name) {
    return params.count(name) == 1 ? params.find(name)->second : std::string("<missing or repeated>");
  };
  EXPECT_EQ(find_one("service_code"), "pothole");
  const auto [first, last] = params.equal_range("attribute[time_of_day][]");
  std::vector<std::string> times;
  for (auto it = first; it != last; ++it) times.push_back(it->second);
  EXPECT_EQ(times, (std::vector<std::string>{"morning_rush", "evening_rush"}));
  EXPECT_EQ(find_one("description"), "Ffordd ŵ & y+bont = 50% ar ôl");
  EXPECT_EQ(find_one("enw_ŵ"), "ŵ");
  EXPECT_EQ(find_one("empty"), "");
}

TEST(HttpTransport, PostsMultipartWithAFilePartByteForByte) {
  LocalServer server;
  std::mutex mutex;
  bool multipart = false;
  httplib::MultipartFormData media, code;
  std::size_t parts = 0;
  server.http().Post("/requests.json", [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mutex);
    multipart = req.is_multipart_form_data();
    parts = req.files.size();
    media = req.get_file_value("media");
    code = req.get_file_value("service_code");
    res.status = 201;
    res.set_content("ok", "text/plain");
  });
  server.start();

  // JPEG-ish bytes with NULs, CR LF and a fake boundary, then enough bulk
  // (1.5 MB) that curl uses "Expect: 100-continue".
  std::string photo("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\r\n--boundary\r\n\x00\x00", 24);
  for (std::size_t i = 0; photo.size() < 1'500'000; ++i) photo += static_cast<char>((i * 131 + 7) % 256);
  HttpRequest request;
  request.method = "POST";
  request.url = server.url("/requests.json");
  request.form = {
      {"service_code", "pothole", "", ""},
      {"media", photo, "photo 1.jpg", "image/jpeg"},
  };
  HttpTransport transport(quick_options());
  const HttpResponse response = transport.perform(request);

  EXPECT_EQ(response.error, NetError::None) << response.error_message;
  EXPECT_EQ(response.status, 201);
  EXPECT_EQ(response.body, "ok");
  std::lock_guard lock(mutex);
  EXPECT_TRUE(multipart);
  EXPECT_EQ(parts, 2u);
  EXPECT_EQ(code.content, "pothole");
  EXPECT_EQ(code.filename, "");
  EXPECT_EQ(media.filename, "photo 1.jpg");
  EXPECT_EQ(media.content_type, "image/jpeg");
  EXPECT_EQ(media.content.size(), photo.size());
  EXPECT_TRUE(media.content == photo) << "file bytes differ";
}

// --- several at once, over kept-open connections ------------------------------

TEST(HttpTransport, RunsAtMostMaxInFlightAtOnceAndReturnsEveryTag) {
  LocalServer server;
  std::atomic<int> current{0}, highest{0};
  std::mutex mutex;
  std::set<int> ports;
  server.http().Get(R"(/slow/(\d+))", [&](const httplib::Request& req, httplib::Response& res) {
    const int now = ++current;
    int seen = highest.load();
    while (now > seen && !highest.compare_exchange_weak(seen, now)) {
    }
    {
      std::lock_guard lock(mutex);
      ports.insert(req.remote_port);
    }
    server.nap(50ms);
    --current;
    res.set_content(req.matches[1].str(), "text/plain");
  });
  server.start();

  TransportOptions options = quick_options();
  options.max_in_flight = 4;
  HttpTransport transport(options);
  for (std::uint64_t tag = 1; tag <= 20; ++tag) transport.submit(get(server.url("/slow/" + std::to_string(tag)), tag));
  EXPECT_TRUE(transport.busy());
  const std::vector<HttpResponse> responses = drain(transport);

  EXPECT_FALSE(transport.busy());
  ASSERT_EQ(responses.size(), 20u);
  std::set<std::uint64_t> tags;
  for (const HttpResponse& response : responses) {
    EXPECT_EQ(response.error, NetError::None) << response.error_message;
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, std::to_string(response.tag)) << "a response came back under another tag";
    tags.insert(response.tag);
  }
  EXPECT_EQ(tags.size(), 20u);
  EXPECT_EQ(*tags.begin(), 1u);
  EXPECT_EQ(*tags.rbegin(), 20u);
  EXPECT_LE(highest.load(), 4);
  EXPECT_GE(highest.load(), 2) << "requests never overlapped";
  std::lock_guard lock(mutex);
  EXPECT_LE(ports.size(), 4u) << "connections were not kept open and reused";
}

TEST(HttpTransport, ReusesOneConnectionForRequestsOneAfterAnother) {
  LocalServer server;
  std::mutex mutex;
  std::vector<int> ports;
  server.http().Get("/ping", [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mutex);
    ports.push_back(req.remote_port);
    res.set_content("pong", "text/plain");
  });
  server.http().Post("/form", [&](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard lock(mutex);
    ports.push_back(req.remote_port);
    res.set_content(req.get_param_value("a"), "text/plain");
  });
  server.start();

  HttpTransport transport(quick_options());
  for (int i = 0; i < 6; ++i) {
    HttpRequest request = get(server.url("/ping"));
    if (i % 2 == 1) {  // the reused easy handle must not keep the last request's body or method
      request.method = "POST";
      request.url = server.url("/form");
      request.form = {{"a", std::to_string(i), "", ""}};
    }
    const HttpResponse response = transport.perform(request);
    EXPECT_EQ(response.error, NetError::None) << response.error_message;
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.body, i % 2 == 1 ? std::to_string(i) : "pong");
  }
  std::lock_guard lock(mutex);
  ASSERT_EQ(ports.size(), 6u);
  EXPECT_EQ(std::set<int>(ports.begin(), ports.end()).size(), 1u);
}

TEST(HttpTransport, PerformKeepsOtherResponsesForTheNextPoll) {
  LocalServer server;
  server.http().Get("/slow", [&](const httplib::Request&, httplib::Response& res) {
    server.nap(300ms);
    res.set_content("slow", "text/plain");
  });
  server.http().Get("/fast", [](const httplib::Request&, httplib::Response& res) { res.set_content("fast", "text/plain"); });
  server.start();

  HttpTransport transport(quick_options());
  transport.submit(get(server.url("/slow"), 1));
  const HttpResponse fast = transport.perform(get(server.url("/fast"), 2));
  EXPECT_EQ(fast.tag, 2u);
  EXPECT_EQ(fast.body, "fast");
  EXPECT_TRUE(transport.busy());
  const std::vector<HttpResponse> rest = drain(transport);
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest[0].tag, 1u);
  EXPECT_EQ(rest[0].body, "slow");
  EXPECT_EQ(rest[0].error, NetError::None) << rest[0].error_message;
}

TEST(HttpTransport, PollWaitsForTheBatchAskedForWhileTheWireKeepsGoing) {
  LocalServer server;
  std::atomic<int> served{0};
  server.http().Get(R"(/item/(\d+))", [&](const httplib::Request& req, httplib::Response& res) {
    server.nap(std::chrono::milliseconds(10 * std::stoi(req.matches[1].str())));  // they finish one by one
    ++served;
    res.set_content(req.matches[1].str(), "text/plain");
  });
  server.start();

  TransportOptions options = quick_options();
  options.max_in_flight = 2;  // six requests, two on the wire: the rest start as slots free inside poll()
  HttpTransport transport(options);
  for (std::uint64_t tag = 1; tag <= 6; ++tag) transport.submit(get(server.url("/item/" + std::to_string(tag)), tag));
  const auto first = transport.poll(60s, 4);
  EXPECT_GE(first.size(), 4u) << "returned before the batch asked for was ready";
  EXPECT_GE(served.load(), 4);
  std::vector<HttpResponse> all = first;
  for (auto& response : drain(transport)) all.push_back(std::move(response));
  ASSERT_EQ(all.size(), 6u);
  for (const auto& response : all) EXPECT_EQ(response.body, std::to_string(response.tag));
}

TEST(HttpTransport, PollAskingForMoreThanIsOutstandingReturnsWhenAllAreBack) {
  LocalServer server;
  server.http().Get("/fast", [](const httplib::Request&, httplib::Response& res) { res.set_content("fast", "text/plain"); });
  server.start();

  HttpTransport transport(quick_options());
  transport.submit(get(server.url("/fast"), 1));
  transport.submit(get(server.url("/fast"), 2));
  const auto started = std::chrono::steady_clock::now();
  const auto responses = transport.poll(120s, 8);
  EXPECT_EQ(responses.size(), 2u);
  // Not a timing test: waiting for six that were never sent would take the
  // whole two minutes.
  EXPECT_LT(std::chrono::steady_clock::now() - started, 60s);
  EXPECT_FALSE(transport.busy());
}

TEST(HttpTransport, DestroyingWithRequestsInFlightAndQueuedIsClean) {
  LocalServer server;
  std::atomic<int> arrived{0};
  server.http().Post("/slow", [&](const httplib::Request&, httplib::Response& res) {
    ++arrived;
    server.nap(5s);
    res.set_content("late", "text/plain");
  });
  server.start();
  {
    TransportOptions options = quick_options();
    options.max_in_flight = 2;
    HttpTransport transport(options);
    for (std::uint64_t tag = 1; tag <= 4; ++tag) {
      HttpRequest request = get(server.url("/slow"), tag);
      request.method = "POST";
      request.form = {{"media", std::string("\0bytes", 6), "a.png", "image/png"}};  // multipart: owns a curl_mime
      transport.submit(request);
    }
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (arrived.load() < 2 && std::chrono::steady_clock::now() < deadline) EXPECT_TRUE(transport.poll(20ms).empty());
    EXPECT_EQ(arrived.load(), 2);  // two running, two queued
    EXPECT_TRUE(transport.busy());
  }  // ASan and LSan check the teardown
  EXPECT_EQ(arrived.load(), 2);
}

TEST(HttpTransport, AbandonCutsTransfersAndNoQueuedRequestStartsAfterIt) {
  LocalServer server;
  std::atomic<int> arrived{0};
  server.http().Get(R"(/slow/(\d+))", [&](const httplib::Request& req, httplib::Response& res) {
    ++arrived;
    server.nap(2s);
    res.set_content(req.matches[1].str(), "text/plain");
  });
  server.http().Get("/fast", [](const httplib::Request&, httplib::Response& res) { res.set_content("fast", "text/plain"); });
  server.start();

  TransportOptions options = quick_options();
  options.max_in_flight = 2;
  HttpTransport transport(options);
  for (std::uint64_t tag = 1; tag <= 4; ++tag) transport.submit(get(server.url("/slow/" + std::to_string(tag)), tag));
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (arrived.load() < 2 && std::chrono::steady_clock::now() < deadline) EXPECT_TRUE(transport.poll(20ms).empty());
  ASSERT_EQ(arrived.load(), 2);  // two on the wire, two waiting

  transport.abandon();
  EXPECT_FALSE(transport.busy());
  // The two waiting never start: the server would have seen them within
  // this time had the slots they were waiting for been freed.
  EXPECT_TRUE(transport.poll(300ms).empty());
  EXPECT_EQ(arrived.load(), 2);

  // The transport is still usable, and nothing abandoned comes back.
  const HttpResponse fast = transport.perform(get(server.url("/fast"), 9));
  EXPECT_EQ(fast.tag, 9u);
  EXPECT_EQ(fast.body, "fast");
  EXPECT_TRUE(drain(transport).empty());
  EXPECT_EQ(arrived.load(), 2);
}

TEST(HttpTransport, RefusesMalformedRequestsWithoutSendingThem) {
  LocalServer server;
  std::atomic<int> hits{0};
  server.http().Get("/x", [&](const httplib::Request&, httplib::Response&) { ++hits; });
  server.http().Put("/x", [&](const httplib::Request&, httplib::Response&) { ++hits; });
  server.start();

  HttpTransport transport(quick_options());
  HttpRequest injected = get(server.url("/x"), 1);
  injected.headers = {{"X-Note", "a\r\nX-Evil: 1"}};
  HttpRequest put = get(server.url("/x"), 2);
  put.method = "PUT";
  HttpRequest get_with_form = get(server.url("/x"), 3);
  get_with_form.form = {{"a", "b", "", ""}};
  for (const HttpRequest& request : {injected, put, get_with_form}) {
    const HttpResponse response = transport.perform(request);
    EXPECT_EQ(response.tag, request.tag);
    EXPECT_EQ(response.error, NetError::Other);
    EXPECT_FALSE(response.error_message.empty());
    EXPECT_EQ(response.status, 0);
  }
  EXPECT_FALSE(transport.busy());
  EXPECT_EQ(hits.load(), 0);
  // The transport still works afterwards.
  EXPECT_EQ(transport.perform(get(server.url("/x"))).status, 200);
  EXPECT_EQ(hits.load(), 1);
}

// --- failures below HTTP ---------------------------------------------------------

TEST(HttpTransport, ConnectionRefusedIsConnect) {
  BoundSocket closed;  // bound, never listening: connections are refused
  ASSERT_GT(closed.port, 0);
  HttpTransport transport(quick_options());
  const HttpResponse response = transport.perform(get("http://127.0.0.1:" + std::to_string(closed.port) + "/", 5));
  EXPECT_EQ(response.error, NetError::Connect) << response.error_message;
  EXPECT_EQ(response.tag, 5u);
  EXPECT_EQ(response.status, 0);
  EXPECT_FALSE(response.error_message.empty());
}

TEST(HttpTransport, SlowerThanTheTotalTimeoutIsTimeout) {
  LocalServer server;
  server.http().Get("/stuck", [&](const httplib::Request&, httplib::Response& res) {
    server.nap(10s);
    res.set_content("too late", "text/plain");
  });
  server.start();

  TransportOptions options = quick_options();
  options.total_timeout = 300ms;
  HttpTransport transport(options);
  const auto started = std::chrono::steady_clock::now();
  const HttpResponse response = transport.perform(get(server.url("/stuck")));
  const auto took = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(response.error, NetError::Timeout) << response.error_message;
  EXPECT_GE(took, 250ms);
  EXPECT_LT(took, 5s);
}

TEST(HttpTransport, AStalledBodyHitsTheLowSpeedLimitAsTimeout) {
  LocalServer server;
  server.http().Get("/trickle", [&](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("text/plain", [&](std::size_t, httplib::DataSink& sink) {
      sink.write("first", 5);
      server.nap(10s);  // then nothing
      sink.done();
      return true;
    });
  });
  server.start();

  TransportOptions options = quick_options();
  options.low_speed_bytes = 100;
  options.low_speed_time = 1s;
  HttpTransport transport(options);
  const auto started = std::chrono::steady_clock::now();
  const HttpResponse response = transport.perform(get(server.url("/trickle")));
  const auto took = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(response.error, NetError::Timeout) << response.error_message;
  EXPECT_LT(took, 8s);  // well before the 20 s total timeout
}

TEST(HttpTransport, AnUnresolvableHostIsDns) {
  // ".invalid" is reserved (RFC 6761) and never resolves, so no network is
  // needed. A resolver that answers it anyway would fail here: that machine
  // is misconfigured rather than the transport.
  HttpTransport transport(quick_options());
  const HttpResponse response = transport.perform(get("http://no-such-host.invalid/", 3));
  EXPECT_EQ(response.error, NetError::Dns) << response.error_message;
  EXPECT_EQ(response.tag, 3u);
}

TEST(HttpTransport, AReplyCutShortIsReset) {
  BoundSocket listener;
  ASSERT_GT(listener.port, 0);
  ASSERT_EQ(::listen(listener.fd, 4), 0);
  std::thread raw([&] {
    pollfd ready{listener.fd, POLLIN, 0};
    if (::poll(&ready, 1, 20'000) != 1) return;
    const int client = ::accept(listener.fd, nullptr, nullptr);
    if (client < 0) return;
    std::string request;
    char buffer[4096];
    while (request.find("\r\n\r\n") == std::string::npos) {
      const ssize_t got = ::recv(client, buffer, sizeof buffer, 0);
      if (got <= 0) break;
      request.append(buffer, static_cast<std::size_t>(got));
    }
    const std::string reply = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort";
    (void)::send(client, reply.data(), reply.size(), MSG_NOSIGNAL);
    ::close(client);
  });

  HttpTransport transport(quick_options());
  const HttpResponse response = transport.perform(get("http://127.0.0.1:" + std::to_string(listener.port) + "/", 8));
  raw.join();
  EXPECT_EQ(response.error, NetError::Reset) << response.error_message;
  EXPECT_EQ(response.tag, 8u);
}

// --- TLS ---------------------------------------------------------------------------

class Tls : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "sync_net_tls_XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    cert_ = (dir_ / "cert.pem").string();
    key_ = (dir_ / "key.pem").string();
    const std::string command = std::string(ONESERVICE_OPENSSL_BIN) +
                                " req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1"
                                " -addext subjectAltName=IP:127.0.0.1 -keyout '" +
                                key_ + "' -out '" + cert_ + "' >/dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    server_ = std::make_unique<LocalServer>(std::make_unique<httplib::SSLServer>(cert_.c_str(), key_.c_str()));
    ASSERT_TRUE(server_->http().is_valid());
    server_->http().Get("/secure", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("over tls", "text/plain");
    });
    server_->start();
  }
  void TearDown() override {
    server_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  std::filesystem::path dir_;
  std::string cert_, key_;
  std::unique_ptr<LocalServer> server_;
};

TEST_F(Tls, AnUntrustedCertificateIsTls) {
  HttpTransport transport(quick_options());  // the system's trust store only
  const HttpResponse response = transport.perform(get(server_->url("/secure", "https")));
  EXPECT_EQ(response.error, NetError::Tls) << response.error_message;
  EXPECT_EQ(response.status, 0);
  EXPECT_EQ(response.body, "");
}

TEST_F(Tls, TheCouncilsOwnCaBundleIsTrusted) {
  TransportOptions options = quick_options();
  options.ca_bundle = cert_;
  HttpTransport transport(options);
  const HttpResponse response = transport.perform(get(server_->url("/secure", "https")));
  EXPECT_EQ(response.error, NetError::None) << response.error_message;
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "over tls");
}

TEST_F(Tls, ANameTheCertificateDoesNotCoverIsTlsEvenWhenTrusted) {
  TransportOptions options = quick_options();
  options.ca_bundle = cert_;
  HttpTransport transport(options);
  // The certificate names only IP 127.0.0.1, so "localhost" must fail the
  // host check (VERIFYHOST=2), though the CA is trusted.
  const HttpResponse response =
      transport.perform(get("https://localhost:" + std::to_string(server_->port()) + "/secure"));
  EXPECT_EQ(response.error, NetError::Tls) << response.error_message;
}

TEST_F(Tls, AMissingCaBundleFileIsTls) {
  TransportOptions options = quick_options();
  options.ca_bundle = (dir_ / "no-such-bundle.pem").string();
  HttpTransport transport(options);
  const HttpResponse response = transport.perform(get(server_->url("/secure", "https")));
  EXPECT_EQ(response.error, NetError::Tls) << response.error_message;
}

// --- waiting and waking -------------------------------------------------------------

TEST(HttpTransport, WakeupFromAnotherThreadEndsAWaitingPollEarly) {
  HttpTransport transport(quick_options());
  EXPECT_FALSE(transport.busy());
  std::thread waker([&] {
    std::this_thread::sleep_for(100ms);
    transport.wakeup();
  });
  const auto started = std::chrono::steady_clock::now();
  const std::vector<HttpResponse> responses = transport.poll(10s);
  const auto took = std::chrono::steady_clock::now() - started;
  waker.join();
  EXPECT_TRUE(responses.empty());
  EXPECT_LT(took, 5s);
}

TEST(HttpTransport, AWakeupBeforePollIsNotLost) {
  HttpTransport transport(quick_options());
  transport.wakeup();
  const auto started = std::chrono::steady_clock::now();
  EXPECT_TRUE(transport.poll(10s).empty());
  EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
}

TEST(HttpTransport, AnIdlePollWaitsWhenNotWoken) {
  HttpTransport transport(quick_options());
  const auto started = std::chrono::steady_clock::now();
  EXPECT_TRUE(transport.poll(300ms).empty());
  EXPECT_GE(std::chrono::steady_clock::now() - started, 250ms);
}

TEST(HttpTransport, WakeupDuringATransferLeavesItRunning) {
  LocalServer server;
  server.http().Get("/slow", [&](const httplib::Request&, httplib::Response& res) {
    server.nap(3s);
    res.set_content("done", "text/plain");
  });
  server.start();

  HttpTransport transport(quick_options());
  transport.submit(get(server.url("/slow"), 11));
  std::thread waker([&] {
    std::this_thread::sleep_for(100ms);
    transport.wakeup();
  });
  const auto started = std::chrono::steady_clock::now();
  const std::vector<HttpResponse> early = transport.poll(10s);
  const auto took = std::chrono::steady_clock::now() - started;
  waker.join();
  EXPECT_TRUE(early.empty());
  EXPECT_LT(took, 2500ms) << "poll waited for the transfer instead of the wakeup";
  EXPECT_TRUE(transport.busy());
  const std::vector<HttpResponse> rest = drain(transport);
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest[0].tag, 11u);
  EXPECT_EQ(rest[0].body, "done");
}

}  // namespace
