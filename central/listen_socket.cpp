#include "central/listen_socket.h"

#include <sys/socket.h>

namespace oneservice::central {

// httplib listens with a backlog of 5, and Debian's libcpp-httplib does so
// inside the compiled library, so defining CPPHTTPLIB_LISTEN_BACKLOG here
// changes nothing. With more than 5 connections waiting for accept() the
// kernel drops SYNs (the device retries a second later) and can reset a
// connection whose request was already sent: the device gets no answer at
// all. Linux lets listen() be called again on a listening socket to change
// its backlog, so the socket is caught while httplib creates it.
int bind_server(httplib::Server& server, const std::string& host, int port) {
  socket_t listening = INVALID_SOCKET;
  // Called for each address tried; the last one is the socket that was bound.
  server.set_socket_options([&listening](socket_t sock) {
    httplib::default_socket_options(sock);
    listening = sock;
  });
  const int bound = port == 0 ? server.bind_to_any_port(host) : (server.bind_to_port(host, port) ? port : -1);
  server.set_socket_options(httplib::default_socket_options);  // the lambda's reference dies here
  if (bound <= 0) return -1;
  // Failing to widen it is no reason to refuse service: the server still
  // works, only with httplib's short queue.
  ::listen(listening, SOMAXCONN);
  return bound;
}

}  // namespace oneservice::central
