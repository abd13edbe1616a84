#pragma once
// Binding an httplib server so that a burst of devices connecting at once is
// queued by the kernel instead of refused.
#include <httplib.h>

#include <string>

namespace oneservice::central {

// Binds `server` to host:port (port 0: any free port) like bind_to_port /
// bind_to_any_port, then widens the listen backlog to the system's maximum.
// Returns the port, or -1 if it cannot be bound. Call before
// listen_after_bind().
int bind_server(httplib::Server& server, const std::string& host, int port);

}  // namespace oneservice::central
