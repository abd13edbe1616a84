#pragma once
// `oneservice-central serve`: the Open311 server on one address until
// SIGINT or SIGTERM.
#include <string>

namespace oneservice::central {

struct ServeOptions {
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8311;
  std::string data_dir;
  std::string assets_dir;
  std::string council = "demo-council";
  std::string tls_cert, tls_key;  // both set: HTTPS
  int threads = 64;  // a waiting create holds a worker: group commit needs many waiting at once
};

// Returns the process exit code; prints one clear line on failure.
int serve(const ServeOptions& options);

}  // namespace oneservice::central
