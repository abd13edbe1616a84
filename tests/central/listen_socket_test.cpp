// bind_server: a burst of connections is queued by the kernel, not dropped.
#include "central/listen_socket.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

// Starts a non-blocking connect to 127.0.0.1:port; -1 if it failed at once.
int start_connect(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 && errno != EINPROGRESS) {
    ::close(fd);
    return -1;
  }
  return fd;
}

}  // namespace

TEST(ListenSocket, ManyConnectionsAreQueuedBeforeTheServerAccepts) {
  httplib::Server server;
  const int port = oneservice::central::bind_server(server, "127.0.0.1", 0);
  ASSERT_GT(port, 0);
  // Nothing accepts (listen_after_bind is never called): every connection
  // must complete in the kernel's queue. httplib's own backlog of 5 lets the
  // kernel drop the 7th SYN, which then stays unanswered for a second.
  std::vector<int> sockets;
  for (int i = 0; i < 32; ++i) sockets.push_back(start_connect(port));
  for (std::size_t i = 0; i < sockets.size(); ++i) {
    const int fd = sockets[i];
    ASSERT_GE(fd, 0);
    pollfd wait{fd, POLLOUT, 0};
    EXPECT_EQ(::poll(&wait, 1, 500), 1) << "connection " << i << " was not queued";
    int error = 0;
    socklen_t size = sizeof error;
    ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &size);
    EXPECT_EQ(error, 0);
  }
  for (const int fd : sockets) ::close(fd);
}
