// deploy/nginx's shipped config, run by the real nginx in front of a real
// oneservice-central: slow and idle connections held by nginx do not stop a
// real client, an over-large body is refused before central reads it, a
// device's resend through nginx is still the same case, central counts
// residents by the address nginx forwards, and TLS serves the council's
// certificate.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "deploy_support.h"
#include "support/central_process.h"
#include "support/nginx_process.h"
#include "support/slow_clients.h"
#include "support/temp_folder.h"

using namespace oneservice::central::test;
using oneservice::test_support::NginxProcess;
using oneservice::test_support::SlowClients;
using nlohmann::json;

namespace {

const char* const kForm = "application/x-www-form-urlencoded";

// Whether a GET of services.json is answered with 200 within `seconds`.
bool answered_within(int port, int seconds) {
  httplib::Client client("127.0.0.1", port);
  client.set_connection_timeout(seconds);
  client.set_read_timeout(seconds);
  client.set_write_timeout(seconds);
  const auto reply = client.Get("/open311/v2/services.json");
  return reply && reply->status == 200;
}

// Sends `request` on a fresh connection and returns the server's answer, up
// to the end of an Open311 error list (nginx keeps the connection open a
// while to read the body it refused), or what came within 5 s.
std::string raw_exchange(int port, const std::string& request) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval limit{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  std::string answer;
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0 &&
      ::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
    char buffer[4096];
    ssize_t n;
    while (answer.find("}]") == std::string::npos && (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0)
      answer.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return answer;
}

class NginxFront : public ::testing::Test {
 protected:
  oneservice::test_support::TempFolder folder;
  std::string data = folder.file("data");
};

}  // namespace

TEST_F(NginxFront, TwoThousandSlowConnectionsDoNotStopARealClient) {
  // Without nginx: a tenth as many stop central answering (each holds one of
  // its threads until its read times out). This shows the slow clients are
  // a real threat, so the check behind nginx below means something.
  {
    CentralProcess alone(folder.file("alone"));
    ASSERT_TRUE(answered_within(alone.port(), 5));
    const SlowClients slow(alone.port(), 200);
    EXPECT_FALSE(answered_within(alone.port(), 2)) << "central alone kept answering: the slow clients prove nothing";
  }
  CentralProcess central(data);
  NginxProcess nginx(folder.file("nginx"), {{central.port()}, "", ""});
  ASSERT_TRUE(answered_within(nginx.port(), 5));
  const SlowClients slow(nginx.port(), 2000);
  EXPECT_TRUE(answered_within(nginx.port(), 5)) << "a real client was not answered behind nginx";
  // nginx holds them all (within its 20 s header timeout), none passed on.
  EXPECT_GE(slow.still_open(), 1990);
}

TEST_F(NginxFront, RefusesABodyOverCentralsLimitBeforeReadingIt) {
  CentralProcess central(data);
  NginxProcess nginx(folder.file("nginx"), {{central.port()}, "", ""});
  // 27 MB and one byte, announced and never sent: nginx must answer at once.
  const auto answer = raw_exchange(nginx.port(),
                                   "POST /open311/v2/requests.json HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                   "Content-Type: application/x-www-form-urlencoded\r\n"
                                   "Content-Length: " + std::to_string(27 * 1024 * 1024 + 1) + "\r\n\r\n");
  EXPECT_EQ(answer.rfind("HTTP/1.1 413", 0), 0u) << answer;
  EXPECT_NE(answer.find("Mae'r cais hwn yn rhy fawr"), std::string::npos) << "the refusal is in Welsh too";
  EXPECT_NE(answer.find("\r\nServer: nginx\r\n"), std::string::npos) << "no nginx version is given away";
  EXPECT_EQ(answer.find("nginx/"), std::string::npos) << answer;
}

TEST_F(NginxFront, ADevicesResendThroughNginxIsTheSameCase) {
  const auto key = add_device_key(data);
  CentralProcess central(data);
  NginxProcess nginx(folder.file("nginx"), {{central.port()}, "", ""});
  httplib::Client device("127.0.0.1", nginx.port());
  const httplib::Headers once{{"Idempotency-Key", "4d3c2b1a-1706-4f5e-9d3c-2b1a09f8e7d6"}};
  const auto first = device.Post("/open311/v2/requests.json", once, pothole_form(key, 7), kForm);
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 200) << first->body;
  const auto again = device.Post("/open311/v2/requests.json", once, pothole_form(key, 7), kForm);
  ASSERT_TRUE(again);
  ASSERT_EQ(again->status, 200) << again->body;
  EXPECT_EQ(json::parse(again->body).at(0).at("service_request_id"),
            json::parse(first->body).at(0).at("service_request_id"));
  const auto all = device.Get("/open311/v2/requests.json?service_code=pothole");
  ASSERT_TRUE(all);
  EXPECT_EQ(json::parse(all->body).size(), 1u) << "one case, however many times it was sent";
}

TEST_F(NginxFront, ServesTlsWithTheCouncilsCertificate) {
  const auto cert = folder.file("cert.pem");
  const auto key = folder.file("key.pem");
  const auto command = "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
                       "-addext subjectAltName=IP:127.0.0.1 -keyout " + key + " -out " + cert + " 2>/dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0) << "openssl could not make a test certificate";
  CentralProcess central(data);
  NginxProcess nginx(folder.file("nginx"), {{central.port()}, cert, key});
  httplib::SSLClient verified("127.0.0.1", nginx.port());
  verified.set_ca_cert_path(cert.c_str());
  verified.enable_server_certificate_verification(true);
  const auto reply = verified.Get("/open311/v2/discovery.json");
  ASSERT_TRUE(reply) << httplib::to_string(reply.error());
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->get_header_value("Strict-Transport-Security"), "max-age=31536000");
}

TEST_F(NginxFront, CentralCountsSignInLinksByTheResidentsAddressThatNginxForwards) {
  CentralProcess central(data, {"--trusted-proxy", "127.0.0.1"});
  NginxProcess nginx(folder.file("nginx"), {{central.port()}, "", ""});
  const auto ask = [](int port, int n, const std::string& claimed_address) {
    httplib::Client client("127.0.0.1", port);
    const auto reply = client.Post("/my-requests/sign-in", {{"X-Real-IP", claimed_address}},
                                   "email=resident" + std::to_string(n) + "%40example.org", kForm);
    return reply ? reply->status : -1;
  };
  // Eleven residents behind the proxy, each from their own address: none is
  // held back by the others' links (10 an hour per requester).
  for (int n = 0; n < 11; ++n) EXPECT_EQ(ask(central.port(), n, "192.0.2." + std::to_string(n)), 200) << n;
  // Through nginx, a client's own X-Real-IP is replaced by the address nginx
  // saw (here loopback for all): the eleventh from one address is refused.
  for (int n = 11; n < 21; ++n) EXPECT_EQ(ask(nginx.port(), n, "198.51.100." + std::to_string(n)), 200) << n;
  EXPECT_EQ(ask(nginx.port(), 21, "198.51.100.21"), 429) << "a forged X-Real-IP got past nginx";
}
