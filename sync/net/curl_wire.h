#pragma once
// The requests on the wire: one curl multi handle driven through curl's
// socket interface and epoll. Internal to sync/net: HttpTransport drives it
// from its user's thread; only wake() may come from another.
#include <cstdint>
#include <deque>
#include <memory>
#include <unordered_map>
#include <utility>
#include <vector>

#include "sync/net/http_transport.h"

typedef void CURL;    // as curl/curl.h declares them, so this header
typedef void CURLM;   // need not include it

namespace oneservice::sync::net::detail {

struct Transfer;

using Numbered = std::pair<std::uint64_t, HttpResponse>;  // a serial and its response

class CurlWire {
 public:
  explicit CurlWire(const TransportOptions& options);
  ~CurlWire();
  CurlWire(const CurlWire&) = delete;
  CurlWire& operator=(const CurlWire&) = delete;

  // Queues a request; it starts as soon as fewer than max_in_flight run.
  void add(std::uint64_t serial, HttpRequest request);

  // Waits up to wait_ms (-1: until something happens) for a socket event,
  // curl's next timeout or wake(), lets curl act on it, collects what
  // finished and starts queued requests in the slots that freed.
  void pump(int wait_ms);

  // Responses that finished since the last call, by serial.
  std::vector<Numbered> take_finished();

  // Cuts every transfer on the wire and forgets the queue.
  void cut_all();

  // Ends a pump() that is waiting. The one call that may come from another
  // thread.
  void wake();

 private:
  static int on_socket(CURL* easy, int socket, int what, void* user, void* watched);

  void start(std::uint64_t serial, const HttpRequest& request);
  void start_queued();
  void fail_now(std::uint64_t serial, std::uint64_t tag, std::string message);
  CURL* take_handle();
  void give_back(CURL* easy);
  long curl_timeout() const;
  void collect();
  void advance();
  void close_fds();

  TransportOptions options_;
  std::size_t max_in_flight_ = 1;
  CURLM* multi_ = nullptr;
  int epoll_fd_ = -1;
  int wake_fd_ = -1;  // an eventfd
  std::deque<std::pair<std::uint64_t, HttpRequest>> queued_;
  std::unordered_map<CURL*, std::unique_ptr<Transfer>> in_flight_;
  std::vector<CURL*> spare_handles_;  // reused: curl_easy_reset keeps caches
  std::vector<Numbered> finished_;
};

}  // namespace oneservice::sync::net::detail
