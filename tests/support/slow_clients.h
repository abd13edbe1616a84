#pragma once
// Connections that hold a server's attention without finishing a request:
// a slow mobile link, a device keeping a connection open, or someone doing it
// on purpose. Loopback only.
#include <string>
#include <vector>

namespace oneservice::test_support {

class SlowClients {
 public:
  // Opens `count` connections to 127.0.0.1:port, in turn: one that sends
  // nothing, one that sends half a request's headers, one that sends a POST's
  // headers and a tenth of its body. Each then waits, sending nothing more,
  // until this object ends.
  SlowClients(int port, int count);
  ~SlowClients();
  SlowClients(const SlowClients&) = delete;
  SlowClients& operator=(const SlowClients&) = delete;

  // Connections the server accepted and has not closed (checked now).
  int still_open() const;

 private:
  std::vector<int> sockets_;
};

}  // namespace oneservice::test_support
