#pragma once
// The device's HTTP, on libcurl: several requests in flight at once over
// kept-open connections (one curl multi handle), each with connect,
// low-speed and total timeouts, TLS verified against the system's or the
// council's own CA bundle. No way to turn verification off exists, not even
// for tests: they trust their self-signed certificate through ca_bundle.
//
// One HttpTransport is used from one thread (the sync worker's); wakeup()
// may come from any.
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "shared/url_encoding.h"

namespace oneservice::sync::net {

struct FormPart {
  std::string name;
  std::string value;         // text value, or the file's bytes
  std::string file_name;     // set: a file part (multipart)
  std::string content_type;  // for file parts
};

struct HttpRequest {
  std::string method = "GET";  // GET, POST or DELETE
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  // POST body: form fields, sent as application/x-www-form-urlencoded unless
  // a part has a file_name, then as multipart/form-data.
  std::vector<FormPart> form;
  std::uint64_t tag = 0;  // the caller's, handed back with the response
};

// What went wrong below HTTP, so the sync engine can tell a transient fault
// (retry later) from a broken setup.
enum class NetError {
  None,        // an HTTP response arrived (any status)
  Dns,         // the host name could not be resolved
  Connect,     // refused or unreachable
  Timeout,     // connect, low-speed or total timeout
  Reset,       // the connection broke mid-way, or the reply was cut short
  Tls,         // certificate not trusted, or the handshake failed
  Other,
};

struct HttpResponse {
  std::uint64_t tag = 0;
  NetError error = NetError::None;
  std::string error_message;  // curl's words, for logs (no request data)
  long status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
};

struct TransportOptions {
  int max_in_flight = 8;
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds total_timeout{30000};
  // Abort when slower than low_speed_bytes per second for low_speed_time.
  long low_speed_bytes = 100;
  std::chrono::seconds low_speed_time{10};
  std::string ca_bundle;  // empty: the system's trust store
  std::string user_agent = "oneservice-sync/0.1";
};

class HttpTransport {
 public:
  explicit HttpTransport(TransportOptions options);
  ~HttpTransport();
  HttpTransport(const HttpTransport&) = delete;
  HttpTransport& operator=(const HttpTransport&) = delete;

  // Starts a request as soon as fewer than max_in_flight are running
  // (at the next poll() or perform()). Never blocks on the network.
  void submit(HttpRequest request);

  // Drives transfers until at least `at_least` responses are ready (or
  // every one outstanding), `wait` passed or wakeup() was called, and
  // returns those that finished (possibly none). Call repeatedly while
  // busy(). A caller that pays per batch of results asks for several.
  std::vector<HttpResponse> poll(std::chrono::milliseconds wait, std::size_t at_least = 1);

  bool busy() const;  // anything in flight or queued

  // Drops every request: transfers on the wire are cut, queued ones never
  // start and unclaimed responses are forgotten. After it, nothing
  // submitted before can still reach the server.
  void abandon();

  // Wakes a poll() that is waiting (from another thread).
  void wakeup();

  // Convenience for one request: submit, poll until it finishes.
  HttpResponse perform(HttpRequest request);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Percent-encoding for URLs and form bodies, defined once in shared/.
using ::oneservice::append_url_encoded;
using ::oneservice::url_encode;

}  // namespace oneservice::sync::net
