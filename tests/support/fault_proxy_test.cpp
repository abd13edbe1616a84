// FaultProxy between httplib::Client and an in-process httplib::Server.
#include "support/fault_proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>

namespace oneservice::test {
namespace {

using namespace std::chrono_literals;

class FaultProxyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.set_keep_alive_max_count(100);
    server_.Get("/hello", [](const httplib::Request&, httplib::Response& res) {
      res.set_content("hello", "text/plain");
    });
    server_.Post("/echo", [this](const httplib::Request& req, httplib::Response& res) {
      ++posts_;
      res.set_content(req.body, "text/plain");
    });
    server_.Get("/chunked", [](const httplib::Request&, httplib::Response& res) {
      res.set_chunked_content_provider("text/plain", [](std::size_t, httplib::DataSink& sink) {
        sink.write("one,", 4);
        sink.write("two,", 4);
        sink.write("three", 5);
        sink.done();
        return true;
      });
    });
    upstream_port_ = server_.bind_to_any_port("127.0.0.1");
    ASSERT_GT(upstream_port_, 0);
    server_thread_ = std::thread([this] { server_.listen_after_bind(); });
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    while (!server_.is_running() && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(5ms);
    ASSERT_TRUE(server_.is_running());
    proxy_ = std::make_unique<FaultProxy>("127.0.0.1", upstream_port_);
  }

  void TearDown() override {
    proxy_.reset();
    server_.stop();
    if (server_thread_.joinable()) server_thread_.join();
  }

  httplib::Client client() const {
    httplib::Client c("127.0.0.1", proxy_->port());
    c.set_connection_timeout(2);
    c.set_read_timeout(5);
    c.set_keep_alive(true);
    return c;
  }

  static std::string body_of(std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += static_cast<char>('a' + i % 26);
    return s;
  }

  httplib::Server server_;
  std::thread server_thread_;
  int upstream_port_ = 0;
  std::atomic<int> posts_{0};
  std::unique_ptr<FaultProxy> proxy_;
};

TEST_F(FaultProxyTest, NonePassesGetAndPostOnOneKeptAliveConnection) {
  auto c = client();
  const std::string body = body_of(100'000);

  auto r1 = c.Get("/hello");
  ASSERT_TRUE(r1) << httplib::to_string(r1.error());
  EXPECT_EQ(r1->status, 200);
  EXPECT_EQ(r1->body, "hello");

  auto r2 = c.Post("/echo", body, "text/plain");
  ASSERT_TRUE(r2) << httplib::to_string(r2.error());
  EXPECT_EQ(r2->status, 200);
  EXPECT_EQ(r2->body, body);

  auto r3 = c.Get("/chunked");
  ASSERT_TRUE(r3) << httplib::to_string(r3.error());
  EXPECT_EQ(r3->body, "one,two,three");

  auto r4 = c.Post("/echo", "second", "text/plain");
  ASSERT_TRUE(r4) << httplib::to_string(r4.error());
  EXPECT_EQ(r4->body, "second");

  EXPECT_EQ(posts_, 2);
  EXPECT_EQ(proxy_->requests_seen(), 4);
  EXPECT_EQ(proxy_->faults_applied(), 0);
  EXPECT_EQ(proxy_->connections_accepted(), 1);
}

TEST_F(FaultProxyTest, NoneForwardsChunkedRequestBodies) {
  auto c = client();
  auto r = c.Post(
      "/echo",
      [](std::size_t, httplib::DataSink& sink) {
        sink.write("abc", 3);
        sink.write("defgh", 5);
        sink.done();
        return true;
      },
      "text/plain");
  ASSERT_TRUE(r) << httplib::to_string(r.error());
  EXPECT_EQ(r->body, "abcdefgh");
  EXPECT_EQ(posts_, 1);
}

// A raw client: libcurl sends Expect: 100-continue for large or unsized posts.
TEST_F(FaultProxyTest, AnswersExpectContinueItself) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<std::uint16_t>(proxy_->port()));
  ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  auto send_text = [fd](const std::string& s) {
    ASSERT_EQ(::send(fd, s.data(), s.size(), MSG_NOSIGNAL), static_cast<ssize_t>(s.size()));
  };
  auto read_until = [fd](const std::string& what) {
    std::string got;
    char ch;
    while (got.find(what) == std::string::npos && ::recv(fd, &ch, 1, 0) == 1) got += ch;
    return got;
  };
  send_text("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n"
            "Expect: 100-continue\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(read_until("\r\n\r\n"), "HTTP/1.1 100 Continue\r\n\r\n");
  send_text("hello");
  const std::string response = read_until("\r\n\r\nhello");
  ::close(fd);
  EXPECT_EQ(response.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << response;
  EXPECT_NE(response.find("\r\n\r\nhello"), std::string::npos) << response;
  EXPECT_EQ(posts_, 1);
}

TEST_F(FaultProxyTest, ResetBeforeForwardNeverReachesUpstream) {
  proxy_->set_plan({{Fault::ResetBeforeForward, 1}});
  auto c = client();
  auto r = c.Post("/echo", "payload", "text/plain");
  EXPECT_FALSE(r);
  EXPECT_EQ(posts_, 0);
  EXPECT_EQ(proxy_->requests_seen(), 1);
  EXPECT_EQ(proxy_->faults_applied(), 1);
}

TEST_F(FaultProxyTest, DropResponseLetsTheServerCommit) {
  proxy_->set_plan({{Fault::DropResponse, 1}});
  auto c = client();
  auto r = c.Post("/echo", "payload", "text/plain");
  EXPECT_FALSE(r);
  EXPECT_EQ(posts_, 1);
  EXPECT_EQ(proxy_->faults_applied(), 1);
}

TEST_F(FaultProxyTest, TruncateResponseWithContentLengthIsAClientError) {
  proxy_->set_plan({{Fault::TruncateResponse, 1}});
  auto c = client();
  auto r = c.Post("/echo", body_of(2'000), "text/plain");
  EXPECT_FALSE(r);  // fewer bytes than Content-Length announced
  EXPECT_EQ(posts_, 1);
}

TEST_F(FaultProxyTest, TruncateChunkedResponseGivesErrorOrShortBody) {
  proxy_->set_plan({{Fault::TruncateResponse, 1}});
  auto c = client();
  auto r = c.Get("/chunked");
  if (r) {
    EXPECT_NE(r->body, "one,two,three");
  }
}

TEST_F(FaultProxyTest, StallTimesTheClientOutAndTheProxyStaysUsable) {
  proxy_->set_stall(2s);
  proxy_->set_plan({{Fault::Stall, 1}});
  auto c = client();
  c.set_read_timeout(1);
  const auto start = std::chrono::steady_clock::now();
  auto r = c.Post("/echo", "payload", "text/plain");
  EXPECT_FALSE(r);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 1900ms);
  EXPECT_EQ(posts_, 0);

  auto again = c.Post("/echo", "after", "text/plain");
  ASSERT_TRUE(again) << httplib::to_string(again.error());
  EXPECT_EQ(again->body, "after");
  EXPECT_EQ(posts_, 1);
}

TEST_F(FaultProxyTest, Respond503CarriesRetryAfterWithoutUpstream) {
  proxy_->set_retry_after_seconds(7);
  proxy_->set_plan({{Fault::Respond503, 1}});
  auto c = client();
  auto r = c.Post("/echo", "payload", "text/plain");
  ASSERT_TRUE(r) << httplib::to_string(r.error());
  EXPECT_EQ(r->status, 503);
  EXPECT_EQ(r->get_header_value("Retry-After"), "7");
  EXPECT_EQ(posts_, 0);
}

TEST_F(FaultProxyTest, PlanAppliesInOrderThenPassesThrough) {
  proxy_->set_plan({{Fault::DropResponse, 1}, {Fault::None, 2}});
  auto c = client();
  EXPECT_FALSE(c.Post("/echo", "1", "text/plain"));
  for (const char* b : {"2", "3", "4"}) {
    auto r = c.Post("/echo", b, "text/plain");
    ASSERT_TRUE(r) << httplib::to_string(r.error());
    EXPECT_EQ(r->body, b);
  }
  EXPECT_EQ(posts_, 4);
  EXPECT_EQ(proxy_->requests_seen(), 4);
  EXPECT_EQ(proxy_->faults_applied(), 1);
}

TEST_F(FaultProxyTest, CountsEveryRequestAndEveryFault) {
  proxy_->set_plan({{Fault::Respond503, 2}, {Fault::ResetBeforeForward, 1}});
  auto c = client();
  EXPECT_EQ(c.Get("/hello")->status, 503);
  EXPECT_EQ(c.Get("/hello")->status, 503);
  EXPECT_FALSE(c.Get("/hello"));
  EXPECT_EQ(c.Get("/hello")->status, 200);
  EXPECT_EQ(proxy_->requests_seen(), 4);
  EXPECT_EQ(proxy_->faults_applied(), 3);
  EXPECT_EQ(proxy_->connections_accepted(), 4);  // each fault closes its connection
}

TEST_F(FaultProxyTest, StopsPromptlyDuringAStallAndWithIdleConnections) {
  auto idle = client();
  ASSERT_TRUE(idle.Get("/hello"));  // leaves a kept-alive connection open
  proxy_->set_plan({{Fault::Stall, 1}});  // default stall: 10 s
  std::thread stalled([this] {
    auto c = client();
    c.set_read_timeout(30);
    EXPECT_FALSE(c.Get("/hello"));
  });
  while (proxy_->requests_seen() < 2) std::this_thread::sleep_for(5ms);
  const auto start = std::chrono::steady_clock::now();
  proxy_.reset();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 1s);
  stalled.join();
}

TEST_F(FaultProxyTest, UnreachableUpstreamResetsTheClient) {
  FaultProxy nowhere("127.0.0.1", 1);  // nothing listens on port 1
  httplib::Client c("127.0.0.1", nowhere.port());
  c.set_read_timeout(5);
  EXPECT_FALSE(c.Get("/hello"));
  EXPECT_EQ(nowhere.requests_seen(), 1);
}

TEST_F(FaultProxyTest, ALargeBodyLimitCutsOnlyTheUploadsOverItWithoutContactingUpstream) {
  proxy_->set_max_request_body(1000);
  auto c = client();
  const auto small = c.Post("/echo", body_of(1000), "text/plain");
  ASSERT_TRUE(small) << httplib::to_string(small.error());
  EXPECT_EQ(small->body, body_of(1000));
  auto cut_client = client();
  EXPECT_FALSE(cut_client.Post("/echo", body_of(1001), "text/plain")) << "the connection is reset";
  EXPECT_EQ(posts_, 1);
  EXPECT_EQ(proxy_->bodies_cut(), 1);
  EXPECT_EQ(proxy_->faults_applied(), 1);
}

}  // namespace
}  // namespace oneservice::test
