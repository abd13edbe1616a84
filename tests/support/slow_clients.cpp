#include "support/slow_clients.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <stdexcept>

namespace oneservice::test_support {
namespace {

const char* const kHalfHeaders = "GET /open311/v2/services.json HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow";
const char* const kHalfBody =
    "POST /open311/v2/requests.json HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n"
    "api_key=0123456789abcdef&service_code=pothole&lat=51.2&long=-1.8";

int connect_to(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("no socket for a slow client (too many open files?)");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    throw std::runtime_error("a slow client could not connect");
  }
  return fd;
}

}  // namespace

SlowClients::SlowClients(int port, int count) {
  sockets_.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    const int fd = connect_to(port);
    sockets_.push_back(fd);
    const char* start = i % 3 == 1 ? kHalfHeaders : i % 3 == 2 ? kHalfBody : nullptr;
    if (start) (void)::send(fd, start, std::char_traits<char>::length(start), MSG_NOSIGNAL);
  }
}

SlowClients::~SlowClients() {
  for (const int fd : sockets_) ::close(fd);
}

int SlowClients::still_open() const {
  int open = 0;
  for (const int fd : sockets_) {
    // Readable with nothing to read (peek 0) means the server closed it.
    pollfd check{fd, POLLIN, 0};
    char byte;
    const bool closed = ::poll(&check, 1, 0) == 1 && ::recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT) <= 0;
    if (!closed) ++open;
  }
  return open;
}

}  // namespace oneservice::test_support
