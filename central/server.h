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
  std::string locale_dir;  // compiled translations (central's and the council's)
  std::string report_url;  // the council website's report page, "{service_code}" replaced; may be empty
  std::string public_url;  // where residents reach this server; empty: http://host:port as listened on
  std::string smtp_url;    // the council's relay (smtp://host:port); empty: no emails are sent (they wait queued)
  std::string mail_from;   // the From of residents' emails
  std::string trusted_proxy;  // a proxy's address whose X-Real-IP names the client; empty: none
};

// Returns the process exit code; prints one clear line on failure.
int serve(const ServeOptions& options);

}  // namespace oneservice::central
