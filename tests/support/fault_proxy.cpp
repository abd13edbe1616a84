#include "support/fault_proxy.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <condition_variable>
#include <deque>
#include <list>
#include <mutex>
#include <optional>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>

namespace oneservice::test {
namespace {

constexpr std::size_t kMaxHead = 64 * 1024;  // request/response head, or one chunk-size line

[[noreturn]] void throw_errno(const char* what) {
  throw std::system_error(errno, std::generic_category(), what);
}

bool send_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

void set_nodelay(int fd) {
  const int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

// Connects to host:port; -1 on failure.
int connect_to(const std::string& host, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0) return -1;
  int fd = -1;
  for (addrinfo* a = found; a != nullptr && fd < 0; a = a->ai_next) {
    fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC, a->ai_protocol);
    if (fd < 0) continue;
    int rc;
    do rc = ::connect(fd, a->ai_addr, a->ai_addrlen);
    while (rc < 0 && errno == EINTR);
    if (rc < 0) {
      ::close(fd);
      fd = -1;
    }
  }
  ::freeaddrinfo(found);
  if (fd >= 0) set_nodelay(fd);
  return fd;
}

// True when an idle kept-alive socket has been closed by its peer (or has
// unexpected bytes), so it must not carry the next request.
bool peer_closed(int fd) {
  pollfd p{fd, POLLIN, 0};
  if (::poll(&p, 1, 0) <= 0) return false;
  char byte;
  return ::recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT) >= 0 || errno != EAGAIN;
}

// Buffered reads from one socket. Bytes read past what a caller asked for
// stay in `buf` for the next call (a pipelined request, say).
struct Reader {
  int fd = -1;
  std::string buf;

  bool fill() {
    char chunk[16 * 1024];
    for (;;) {
      const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
      if (n > 0) {
        buf.append(chunk, static_cast<std::size_t>(n));
        return true;
      }
      if (n < 0 && errno == EINTR) continue;
      return false;  // end of stream, reset, or shut down by stop()
    }
  }

  // Appends everything up to and including `delim` to `out`.
  bool read_until(std::string_view delim, std::string& out) {
    std::size_t from = 0;
    for (;;) {
      const std::size_t at = buf.find(delim, from);
      if (at != std::string::npos) {
        out.append(buf, 0, at + delim.size());
        buf.erase(0, at + delim.size());
        return true;
      }
      if (buf.size() > kMaxHead) return false;
      from = buf.size() >= delim.size() ? buf.size() - delim.size() + 1 : 0;
      if (!fill()) return false;
    }
  }

  bool read_exact(std::size_t n, std::string& out) {
    while (buf.size() < n)
      if (!fill()) return false;
    out.append(buf, 0, n);
    buf.erase(0, n);
    return true;
  }

  void read_to_end(std::string& out) {
    while (fill()) {
    }
    out += buf;
    buf.clear();
  }

  // Appends a chunked body, chunk-size lines, trailers and all, to `out`.
  bool read_chunked(std::string& out) {
    for (;;) {
      std::string line;
      if (!read_until("\r\n", line)) return false;
      out += line;
      std::size_t size = 0;
      const auto [end, ec] = std::from_chars(line.data(), line.data() + line.size(), size, 16);
      if (ec != std::errc{} || end == line.data()) return false;
      if (size == 0) break;
      if (!read_exact(size + 2, out)) return false;  // data and its CRLF
    }
    for (;;) {  // trailer fields, up to the empty line
      std::string line;
      if (!read_until("\r\n", line)) return false;
      out += line;
      if (line == "\r\n") return true;
    }
  }
};

bool iequals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string_view start_line(std::string_view head) { return head.substr(0, head.find("\r\n")); }

// The value of the first header field called `name`, if any.
std::optional<std::string_view> header(std::string_view head, std::string_view name) {
  std::size_t pos = head.find("\r\n");
  while (pos != std::string_view::npos) {
    pos += 2;
    const std::size_t end = head.find("\r\n", pos);
    if (end == std::string_view::npos || end == pos) break;
    const std::string_view line = head.substr(pos, end - pos);
    const std::size_t colon = line.find(':');
    if (colon != std::string_view::npos && iequals(trim(line.substr(0, colon)), name))
      return trim(line.substr(colon + 1));
    pos = end;
  }
  return std::nullopt;
}

// Whether the comma-separated header `name` lists `token` ("chunked", "close").
bool header_has(std::string_view head, std::string_view name, std::string_view token) {
  std::optional<std::string_view> value = header(head, name);
  while (value && !value->empty()) {
    const std::size_t comma = value->find(',');
    if (iequals(trim(value->substr(0, comma)), token)) return true;
    if (comma == std::string_view::npos) break;
    value->remove_prefix(comma + 1);
  }
  return false;
}

std::string without_header(std::string_view head, std::string_view name) {
  std::string out;
  std::size_t pos = 0;
  while (pos < head.size()) {
    const std::size_t end = head.find("\r\n", pos) + 2;
    const std::string_view line = head.substr(pos, end - pos);
    const std::size_t colon = line.find(':');
    if (pos == 0 || colon == std::string_view::npos || !iequals(trim(line.substr(0, colon)), name))
      out += line;
    pos = end;
  }
  return out;
}

std::optional<std::size_t> content_length(std::string_view head) {
  const auto value = header(head, "Content-Length");
  if (!value) return std::nullopt;
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), n);
  if (ec != std::errc{} || end != value->data() + value->size()) return std::nullopt;
  return n;
}

// Whether the peer asks to close the connection after this message.
bool wants_close(std::string_view head, bool is_request) {
  const std::string_view line = start_line(head);
  const std::string_view version = is_request ? line.substr(line.rfind(' ') + 1) : line.substr(0, line.find(' '));
  if (version == "HTTP/1.0") return !header_has(head, "Connection", "keep-alive");
  return header_has(head, "Connection", "close");
}

int status_of(std::string_view response_head) {
  const std::string_view line = start_line(response_head);
  const std::size_t space = line.find(' ');
  int status = 0;
  if (space != std::string_view::npos) std::from_chars(line.data() + space + 1, line.data() + line.size(), status);
  return status;
}

}  // namespace

class FaultProxy::Impl {
 public:
  Impl(std::string host, int port) : upstream_host_(std::move(host)), upstream_port_(port) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (listen_fd_ < 0) throw_errno("FaultProxy: socket");
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) < 0 || ::listen(listen_fd_, 64) < 0 ||
        ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len) < 0) {
      const int saved = errno;
      ::close(listen_fd_);
      errno = saved;
      throw_errno("FaultProxy: bind/listen");
    }
    port_ = ntohs(addr.sin_port);
    accept_thread_ = std::thread([this] { accept_loop(); });
  }

  ~Impl() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
      for (auto& c : connections_) {
        if (c->client_fd >= 0) ::shutdown(c->client_fd, SHUT_RDWR);
        if (c->upstream_fd >= 0) ::shutdown(c->upstream_fd, SHUT_RDWR);
      }
    }
    stop_cv_.notify_all();                   // wakes stalls
    ::shutdown(listen_fd_, SHUT_RDWR);       // on Linux this wakes accept() with EINVAL
    accept_thread_.join();                   // no new connections after this
    for (auto& c : connections_) c->thread.join();
    ::close(listen_fd_);
  }

  int port() const { return port_; }

  void set_plan(std::vector<FaultPlan> plan) {
    std::lock_guard lock(mutex_);
    plan_.assign(plan.begin(), plan.end());
  }
  void set_retry_after(int s) {
    std::lock_guard lock(mutex_);
    retry_after_seconds_ = s;
  }
  void set_stall(std::chrono::milliseconds d) {
    std::lock_guard lock(mutex_);
    stall_for_ = d;
  }
  void set_max_request_body(std::size_t bytes) {
    std::lock_guard lock(mutex_);
    max_request_body_ = bytes;
  }
  void strip_request_header(std::string name) {
    std::lock_guard lock(mutex_);
    stripped_.push_back(std::move(name));
  }
  std::vector<std::string> request_header_values(const std::string& name) const {
    std::lock_guard lock(mutex_);
    std::vector<std::string> values;
    for (const auto& head : heads_)
      if (const auto value = header(head, name)) values.emplace_back(*value);
    return values;
  }

  std::atomic<int> requests_seen{0};
  std::atomic<int> faults_applied{0};
  std::atomic<int> connections_accepted{0};
  std::atomic<int> bodies_cut{0};

 private:
  struct Connection {
    int client_fd = -1;    // written under mutex_, so stop() never shuts a reused number
    int upstream_fd = -1;  // likewise
    std::thread thread;
    std::atomic<bool> done{false};
  };

  void accept_loop() {
    for (;;) {
      const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
      if (fd < 0) {
        if (errno == EINTR || errno == ECONNABORTED) continue;
        {
          std::lock_guard lock(mutex_);
          if (stopping_) return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));  // EMFILE and the like
        continue;
      }
      set_nodelay(fd);
      std::list<std::unique_ptr<Connection>> finished;
      {
        std::lock_guard lock(mutex_);
        if (stopping_) {
          ::close(fd);
          return;
        }
        for (auto it = connections_.begin(); it != connections_.end();) {
          auto next = std::next(it);
          if ((*it)->done) finished.splice(finished.end(), connections_, it);
          it = next;
        }
        ++connections_accepted;
        auto c = std::make_unique<Connection>();
        c->client_fd = fd;
        Connection& ref = *c;
        connections_.push_back(std::move(c));
        ref.thread = std::thread([this, &ref] {
          serve(ref);
          ref.done = true;
        });
      }
      for (auto& c : finished) c->thread.join();
    }
  }

  Fault next_fault() {
    std::lock_guard lock(mutex_);
    while (!plan_.empty() && plan_.front().times <= 0) plan_.pop_front();
    if (plan_.empty()) return Fault::None;
    const Fault f = plan_.front().fault;
    if (--plan_.front().times == 0) plan_.pop_front();
    return f;
  }

  // Closes one of the connection's sockets under the lock; `reset` sends an
  // RST (SO_LINGER 0) instead of an orderly FIN.
  void close_fd(int Connection::*which, Connection& c, bool reset = false) {
    std::lock_guard lock(mutex_);
    int& fd = c.*which;
    if (fd < 0) return;
    if (reset) {
      const linger l{1, 0};
      ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    }
    ::close(fd);
    fd = -1;
  }

  // Makes sure the connection has a live upstream socket; false if it cannot.
  bool ensure_upstream(Connection& c, Reader& upstream) {
    if (c.upstream_fd >= 0 && !upstream.buf.empty()) close_fd(&Connection::upstream_fd, c);
    if (c.upstream_fd >= 0 && peer_closed(c.upstream_fd)) close_fd(&Connection::upstream_fd, c);
    if (c.upstream_fd >= 0) return true;
    const int fd = connect_to(upstream_host_, upstream_port_);
    if (fd < 0) return false;
    std::lock_guard lock(mutex_);
    if (stopping_) {
      ::close(fd);
      return false;
    }
    c.upstream_fd = fd;
    upstream = Reader{fd, {}};
    return true;
  }

  // Reads the final response (dropping interim 1xx ones) into `out`. Sets
  // `close_after` when the upstream connection cannot carry another request.
  static bool read_response(Reader& upstream, std::string_view method, std::string& out, bool& close_after) {
    std::string head;
    int status = 0;
    do {
      head.clear();
      if (!upstream.read_until("\r\n\r\n", head)) return false;
      status = status_of(head);
    } while (status >= 100 && status < 200 && status != 101);
    out = head;
    close_after = wants_close(head, false);
    if (method == "HEAD" || status == 204 || status == 304) return true;
    if (header_has(head, "Transfer-Encoding", "chunked")) return upstream.read_chunked(out);
    if (const auto n = content_length(head)) return upstream.read_exact(*n, out);
    upstream.read_to_end(out);  // delimited by close
    close_after = true;
    return true;
  }

  // Keeps the head as it arrived, for request_header_values(), and returns
  // it without the headers the test asked to strip.
  std::string remember_and_strip(std::string head) {
    std::lock_guard lock(mutex_);
    heads_.push_back(head);
    for (const auto& name : stripped_) head = without_header(head, name);
    return head;
  }

  // One client connection: request by request, apply the next fault.
  void serve(Connection& c) {
    Reader client{c.client_fd, {}};
    Reader upstream;
    for (;;) {
      std::string head;
      if (!client.read_until("\r\n\r\n", head)) break;  // client closed, or not HTTP
      ++requests_seen;
      head = remember_and_strip(std::move(head));
      const Fault fault = next_fault();
      if (fault != Fault::None) ++faults_applied;

      // A client waiting for 100 Continue gets it from us (upstream is not
      // asked: several faults never contact it), so strip the Expect.
      if (header_has(head, "Expect", "100-continue")) {
        if (!send_all(c.client_fd, "HTTP/1.1 100 Continue\r\n\r\n")) break;
        head = without_header(head, "Expect");
      }
      std::string request = head;
      if (header_has(head, "Transfer-Encoding", "chunked")) {
        if (!client.read_chunked(request)) break;
      } else if (const auto n = content_length(head)) {
        if (!client.read_exact(*n, request)) break;
      }
      const bool client_close = wants_close(head, true);
      bool too_large = false;
      {
        std::lock_guard lock(mutex_);
        too_large = max_request_body_ > 0 && request.size() - head.size() > max_request_body_;
      }
      if (too_large) {
        ++faults_applied;
        ++bodies_cut;
        close_fd(&Connection::client_fd, c, true);
        break;
      }

      if (fault == Fault::ResetBeforeForward) {
        close_fd(&Connection::client_fd, c, true);
        break;
      }
      if (fault == Fault::Stall) {
        std::unique_lock lock(mutex_);
        stop_cv_.wait_for(lock, stall_for_, [this] { return stopping_; });
        lock.unlock();
        break;
      }
      if (fault == Fault::Respond503) {
        int seconds;
        {
          std::lock_guard lock(mutex_);
          seconds = retry_after_seconds_;
        }
        send_all(c.client_fd, "HTTP/1.1 503 Service Unavailable\r\nRetry-After: " + std::to_string(seconds) +
                                  "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        break;
      }

      // Forward, and read the whole response before deciding what the client gets.
      // If the upstream fails, the client's connection is reset, as a broken
      // network would; the proxy never retries (that could deliver twice).
      std::string response;
      bool upstream_close = false;
      if (!ensure_upstream(c, upstream) || !send_all(c.upstream_fd, request) ||
          !read_response(upstream, start_line(head).substr(0, start_line(head).find(' ')), response,
                         upstream_close)) {
        close_fd(&Connection::client_fd, c, true);
        break;
      }
      if (upstream_close) close_fd(&Connection::upstream_fd, c);

      if (fault == Fault::DropResponse) {
        close_fd(&Connection::client_fd, c, true);
        break;
      }
      if (fault == Fault::TruncateResponse) {
        send_all(c.client_fd, std::string_view(response).substr(0, response.size() / 2));
        break;
      }
      if (!send_all(c.client_fd, response) || client_close || upstream_close) break;
    }
    close_fd(&Connection::client_fd, c);
    close_fd(&Connection::upstream_fd, c);
  }

  const std::string upstream_host_;
  const int upstream_port_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::thread accept_thread_;

  mutable std::mutex mutex_;  // guards everything below
  std::condition_variable stop_cv_;
  bool stopping_ = false;
  std::list<std::unique_ptr<Connection>> connections_;
  std::deque<FaultPlan> plan_;
  int retry_after_seconds_ = 1;
  std::chrono::milliseconds stall_for_{10'000};
  std::size_t max_request_body_ = 0;
  std::vector<std::string> stripped_;
  std::vector<std::string> heads_;
};

FaultProxy::FaultProxy(std::string upstream_host, int upstream_port)
    : impl_(std::make_unique<Impl>(std::move(upstream_host), upstream_port)) {}
FaultProxy::~FaultProxy() = default;

int FaultProxy::port() const { return impl_->port(); }
void FaultProxy::set_plan(std::vector<FaultPlan> plan) { impl_->set_plan(std::move(plan)); }
void FaultProxy::set_retry_after_seconds(int s) { impl_->set_retry_after(s); }
void FaultProxy::set_stall(std::chrono::milliseconds d) { impl_->set_stall(d); }
void FaultProxy::strip_request_header(std::string name) { impl_->strip_request_header(std::move(name)); }
void FaultProxy::set_max_request_body(std::size_t bytes) { impl_->set_max_request_body(bytes); }
int FaultProxy::bodies_cut() const { return impl_->bodies_cut.load(); }
std::vector<std::string> FaultProxy::request_header_values(const std::string& name) const {
  return impl_->request_header_values(name);
}
int FaultProxy::requests_seen() const { return impl_->requests_seen; }
int FaultProxy::faults_applied() const { return impl_->faults_applied; }
int FaultProxy::connections_accepted() const { return impl_->connections_accepted; }

}  // namespace oneservice::test
