// A fault-injecting HTTP/1.1 proxy for tests: it sits on loopback between a
// client (the device's sync engine) and a real server (oneservice-central)
// and breaks chosen requests in the ways a network breaks them.
//
//   FaultProxy proxy("127.0.0.1", central_port);
//   proxy.set_plan({{Fault::DropResponse, 1}});  // the server commits, the client never hears
//   ... point the client at 127.0.0.1:proxy.port() ...
//
// It understands just enough HTTP to apply a fault per request on kept-alive
// connections: request and response heads, Content-Length and chunked bodies,
// bodies delimited by close, `Expect: 100-continue` (answered by the proxy),
// interim 1xx responses (dropped). Each client connection gets its own thread
// and its own upstream connection. Plain HTTP only (no TLS).
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace oneservice::test {

enum class Fault {
  None,                // pass bytes both ways
  ResetBeforeForward,  // read the request, then reset the client connection; upstream never contacted
  DropResponse,        // forward, read the whole response (the server HAS committed), reset the client
  TruncateResponse,    // forward; send only the first half of the response bytes, then close
  Stall,               // read the request, send nothing for the stall time, then close
  Respond503,          // answer 503 with Retry-After and Connection: close; upstream never contacted
};

// Apply `fault` to the next `times` HTTP requests.
struct FaultPlan {
  Fault fault;
  int times;
};

class FaultProxy {
 public:
  // Listens on 127.0.0.1 on a free port. Throws std::system_error if it cannot.
  FaultProxy(std::string upstream_host, int upstream_port);
  ~FaultProxy();  // stops accepting, cuts every connection, joins every thread
  FaultProxy(const FaultProxy&) = delete;
  FaultProxy& operator=(const FaultProxy&) = delete;

  int port() const;

  // Replaces the queue of faults; it is consumed request by request, in the
  // order requests arrive at the proxy. When it is empty requests pass through.
  void set_plan(std::vector<FaultPlan> plan);
  void set_retry_after_seconds(int s);          // for Respond503 (default 1)
  void set_stall(std::chrono::milliseconds d);  // for Stall (default 10 s)
  // Removes this header from every request before forwarding it, as a
  // proxy in between might: shows what the rest of the request protects.
  void strip_request_header(std::string name);

  // A weak link that cannot carry large uploads: every request whose body
  // is over `bytes` is read, then its connection is reset; upstream is
  // never contacted. 0 (the default): no limit. Counted in faults_applied.
  void set_max_request_body(std::size_t bytes);
  int bodies_cut() const;

  // The values of a request header as they reached the proxy (before any
  // stripping), one per request that carried it, in arrival order.
  std::vector<std::string> request_header_values(const std::string& name) const;

  int requests_seen() const;         // HTTP requests whose head reached the proxy
  int faults_applied() const;        // of those, how many got a fault other than None
  int connections_accepted() const;  // client TCP connections (shows keep-alive reuse)

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace oneservice::test
