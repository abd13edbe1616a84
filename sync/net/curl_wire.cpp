#include "sync/net/curl_wire.h"

#include <curl/curl.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <mutex>
#include <stdexcept>

namespace oneservice::sync::net::detail {

// One request on its way: owns everything curl points at until it finishes.
struct Transfer {
  std::uint64_t serial = 0;
  CURL* easy = nullptr;
  curl_slist* header_list = nullptr;
  curl_mime* mime = nullptr;
  std::string post_body;
  HttpResponse response;
  char error_buffer[CURL_ERROR_SIZE] = {};

  ~Transfer() {
    curl_slist_free_all(header_list);
    curl_mime_free(mime);
  }
};

namespace {

void global_init_once() {
  // curl_global_init is not thread-safe in every curl; call it once for the
  // process and never clean up (other threads may still be using curl).
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw std::runtime_error("curl_global_init failed");
  });
}

NetError classify(CURLcode code) {
  switch (code) {
    case CURLE_OK:
      return NetError::None;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return NetError::Dns;
    case CURLE_COULDNT_CONNECT:
      return NetError::Connect;
    case CURLE_OPERATION_TIMEDOUT:  // connect, low-speed and total timeouts
      return NetError::Timeout;
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:  // HTTP/1: the body was shorter than announced
    case CURLE_HTTP2_STREAM:  // HTTP/2: the stream was reset
      return NetError::Reset;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CLIENTCERT:
    case CURLE_USE_SSL_FAILED:
      return NetError::Tls;
    default:
      return NetError::Other;
  }
}

std::string lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');  // ASCII only, whatever the locale
  }
  return text;
}

std::string trim(const std::string& text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && is_space(text[begin])) ++begin;
  while (end > begin && is_space(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

bool has_line_break(const std::string& text) {
  return text.find_first_of("\r\n") != std::string::npos || text.find('\0') != std::string::npos;
}

// Open311 answers are small; a captive portal or a broken proxy may send
// anything. Past this, the transfer is abandoned (curl reports a write error,
// which the sync engine treats as a transient fault).
constexpr std::size_t kMaxResponseBytes = 8 * 1024 * 1024;

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  if (transfer->response.body.size() + size * count > kMaxResponseBytes) return 0;
  transfer->response.body.append(data, size * count);
  return size * count;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const std::string line(data, size * count);
  auto& headers = transfer->response.headers;
  if (line.rfind("HTTP/", 0) == 0) {
    // A new status line (after a 100 Continue, say): only the final
    // response's headers are kept.
    headers.clear();
    return size * count;
  }
  const std::size_t colon = line.find(':');
  if (colon == std::string::npos || colon == 0) return size * count;  // blank line ends the block
  std::string name = lower(trim(line.substr(0, colon)));
  std::string value = trim(line.substr(colon + 1));
  auto found = headers.find(name);
  if (found == headers.end()) {
    headers.emplace(std::move(name), std::move(value));
  } else {
    found->second += ", ";  // repeated header: RFC 9110 list form
    found->second += value;
  }
  return size * count;
}

// Sets up every option; false with a message when the request cannot go.
bool configure(Transfer& t, const HttpRequest& request, const TransportOptions& options, std::string& why) {
  CURL* easy = t.easy;
  const bool post = request.method == "POST";
  // DELETE ends a staff session (DELETE staff/sessions/current): a GET's
  // setup with the method's name.
  const bool del = request.method == "DELETE";
  if (!post && !del && request.method != "GET") {
    why = "unsupported method " + request.method;
    return false;
  }
  if (!post && !request.form.empty()) {
    why = "form fields on a GET request";
    return false;
  }
  for (const auto& [name, value] : request.headers) {
    if (name.empty() || has_line_break(name) || has_line_break(value) || name.find(':') != std::string::npos) {
      why = "malformed request header";
      return false;
    }
    // "Name;" is curl's way to send a header with an empty value.
    const std::string line = value.empty() ? name + ";" : name + ": " + value;
    curl_slist* grown = curl_slist_append(t.header_list, line.c_str());
    if (grown == nullptr) {
      why = "out of memory";
      return false;
    }
    t.header_list = grown;
  }

  curl_easy_setopt(easy, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout.count()));
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(options.total_timeout.count()));
  curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, options.low_speed_bytes);
  curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, static_cast<long>(options.low_speed_time.count()));
  // Verification is always on; there is deliberately no option to lower it.
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!options.ca_bundle.empty()) curl_easy_setopt(easy, CURLOPT_CAINFO, options.ca_bundle.c_str());
  curl_easy_setopt(easy, CURLOPT_USERAGENT, options.user_agent.c_str());
  curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, t.header_list);
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &on_body);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &on_header);
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, t.error_buffer);
  curl_easy_setopt(easy, CURLOPT_PRIVATE, &t);

  if (!post) {
    curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
    if (del) curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, "DELETE");
    return true;
  }
  const bool multipart = std::any_of(request.form.begin(), request.form.end(),
                                     [](const FormPart& part) { return !part.file_name.empty(); });
  if (!multipart) {
    std::size_t length = 0;
    for (const FormPart& part : request.form) length += part.name.size() + part.value.size() + 2;
    t.post_body.reserve(length + length / 2);
    for (const FormPart& part : request.form) {
      if (!t.post_body.empty()) t.post_body += '&';
      append_url_encoded(t.post_body, part.name);
      t.post_body += '=';
      append_url_encoded(t.post_body, part.value);
    }
    curl_easy_setopt(easy, CURLOPT_POST, 1L);
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(t.post_body.size()));
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, t.post_body.data());
    return true;
  }
  t.mime = curl_mime_init(easy);
  if (t.mime == nullptr) {
    why = "out of memory";
    return false;
  }
  for (const FormPart& part : request.form) {
    curl_mimepart* mime_part = curl_mime_addpart(t.mime);
    if (mime_part == nullptr || curl_mime_name(mime_part, part.name.c_str()) != CURLE_OK ||
        curl_mime_data(mime_part, part.value.data(), part.value.size()) != CURLE_OK) {
      why = "could not build the multipart body";
      return false;
    }
    if (!part.file_name.empty() && curl_mime_filename(mime_part, part.file_name.c_str()) != CURLE_OK) {
      why = "could not build the multipart body";
      return false;
    }
    if (!part.content_type.empty() && curl_mime_type(mime_part, part.content_type.c_str()) != CURLE_OK) {
      why = "could not build the multipart body";
      return false;
    }
  }
  curl_easy_setopt(easy, CURLOPT_MIMEPOST, t.mime);
  return true;
}

}  // namespace

CurlWire::CurlWire(const TransportOptions& options) : options_(options) {
  global_init_once();
  max_in_flight_ = static_cast<std::size_t>(std::max(1, options_.max_in_flight));
  epoll_fd_ = ::epoll_create1(EPOLL_CLOEXEC);
  wake_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  epoll_event wake_event{};
  wake_event.events = EPOLLIN;
  wake_event.data.fd = wake_fd_;
  if (epoll_fd_ < 0 || wake_fd_ < 0 || ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &wake_event) != 0) {
    close_fds();
    throw std::runtime_error("could not set up waiting for the network (epoll)");
  }
  multi_ = curl_multi_init();
  if (multi_ == nullptr) {
    close_fds();
    throw std::runtime_error("curl_multi_init failed");
  }
  const long limit = static_cast<long>(max_in_flight_);
  curl_multi_setopt(multi_, CURLMOPT_MAX_TOTAL_CONNECTIONS, limit);
  curl_multi_setopt(multi_, CURLMOPT_MAXCONNECTS, limit);  // idle connections kept open
  // curl's socket interface: curl says which sockets to watch, and is
  // called only for a socket with events or when its next timeout is due.
  // curl_multi_perform visited every transfer on every call, each polling
  // its socket: 3.5 poll() calls per request while draining the queue.
  curl_multi_setopt(multi_, CURLMOPT_SOCKETFUNCTION, &CurlWire::on_socket);
  curl_multi_setopt(multi_, CURLMOPT_SOCKETDATA, this);
}

CurlWire::~CurlWire() {
  cut_all();
  for (CURL* easy : spare_handles_) curl_easy_cleanup(easy);
  curl_multi_cleanup(multi_);  // may still tell on_socket to stop watching
  close_fds();
}

void CurlWire::close_fds() {
  if (epoll_fd_ >= 0) ::close(epoll_fd_);
  if (wake_fd_ >= 0) ::close(wake_fd_);
  epoll_fd_ = wake_fd_ = -1;
}

// curl keeps `watched` (its socketp) with the socket until it says REMOVE,
// so a first call is told apart from a change without asking the kernel.
int CurlWire::on_socket(CURL*, int socket, int what, void* user, void* watched) {
  auto* self = static_cast<CurlWire*>(user);
  if (what == CURL_POLL_REMOVE) {
    // Fails harmlessly when curl has already closed the socket (closing
    // takes it out of the epoll set anyway).
    ::epoll_ctl(self->epoll_fd_, EPOLL_CTL_DEL, socket, nullptr);
    return 0;
  }
  epoll_event event{};
  event.events = ((what & CURL_POLL_IN) != 0 ? EPOLLIN : 0u) | ((what & CURL_POLL_OUT) != 0 ? EPOLLOUT : 0u);
  event.data.fd = socket;
  if (watched != nullptr && ::epoll_ctl(self->epoll_fd_, EPOLL_CTL_MOD, socket, &event) == 0) return 0;
  if (::epoll_ctl(self->epoll_fd_, EPOLL_CTL_ADD, socket, &event) != 0 && errno == EEXIST)
    ::epoll_ctl(self->epoll_fd_, EPOLL_CTL_MOD, socket, &event);
  curl_multi_assign(self->multi_, socket, self);
  return 0;
}

void CurlWire::add(std::uint64_t serial, HttpRequest request) {
  queued_.emplace_back(serial, std::move(request));
  start_queued();
}

// Removing a handle from the multi aborts its transfer (and closes its
// connection if a request was half sent).
void CurlWire::cut_all() {
  for (auto& [easy, transfer] : in_flight_) {
    curl_multi_remove_handle(multi_, easy);
    curl_easy_cleanup(easy);
  }
  in_flight_.clear();
  queued_.clear();
  finished_.clear();
}

void CurlWire::wake() {
  const std::uint64_t one = 1;
  [[maybe_unused]] const auto n = ::write(wake_fd_, &one, sizeof one);  // fails only when already counting
}

std::vector<Numbered> CurlWire::take_finished() {
  std::vector<Numbered> out;
  out.swap(finished_);
  return out;
}

void CurlWire::fail_now(std::uint64_t serial, std::uint64_t tag, std::string message) {
  HttpResponse response;
  response.tag = tag;
  response.error = NetError::Other;
  response.error_message = std::move(message);
  finished_.emplace_back(serial, std::move(response));
}

CURL* CurlWire::take_handle() {
  if (!spare_handles_.empty()) {
    CURL* easy = spare_handles_.back();
    spare_handles_.pop_back();
    return easy;
  }
  return curl_easy_init();
}

// Called while the Transfer (its mime, body and error buffer) is still
// alive: resetting drops every pointer the handle holds into it, while the
// handle keeps its DNS and TLS session caches.
void CurlWire::give_back(CURL* easy) {
  if (spare_handles_.size() < max_in_flight_) {
    curl_easy_reset(easy);
    spare_handles_.push_back(easy);
  } else {
    curl_easy_cleanup(easy);
  }
}

void CurlWire::start(std::uint64_t serial, const HttpRequest& request) {
  auto transfer = std::make_unique<Transfer>();
  transfer->serial = serial;
  transfer->response.tag = request.tag;
  transfer->easy = take_handle();
  if (transfer->easy == nullptr) {
    fail_now(serial, request.tag, "curl_easy_init failed");
    return;
  }
  std::string why;
  if (!configure(*transfer, request, options_, why)) {
    give_back(transfer->easy);
    fail_now(serial, request.tag, why);
    return;
  }
  if (const CURLMcode added = curl_multi_add_handle(multi_, transfer->easy); added != CURLM_OK) {
    give_back(transfer->easy);
    fail_now(serial, request.tag, curl_multi_strerror(added));
    return;
  }
  CURL* easy = transfer->easy;
  in_flight_.emplace(easy, std::move(transfer));
}

void CurlWire::start_queued() {
  while (in_flight_.size() < max_in_flight_ && !queued_.empty()) {
    auto [serial, request] = std::move(queued_.front());
    queued_.pop_front();
    start(serial, request);
  }
}

void CurlWire::collect() {
  int left = 0;
  while (CURLMsg* message = curl_multi_info_read(multi_, &left)) {
    if (message->msg != CURLMSG_DONE) continue;
    CURL* easy = message->easy_handle;
    const CURLcode result = message->data.result;
    auto found = in_flight_.find(easy);
    if (found == in_flight_.end()) continue;
    std::unique_ptr<Transfer> transfer = std::move(found->second);
    in_flight_.erase(found);
    curl_multi_remove_handle(multi_, easy);
    HttpResponse& response = transfer->response;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &response.status);
    response.error = classify(result);
    if (result != CURLE_OK) {
      response.error_message = transfer->error_buffer[0] != '\0' ? std::string(transfer->error_buffer)
                                                                  : std::string(curl_easy_strerror(result));
    }
    give_back(easy);
    finished_.emplace_back(transfer->serial, std::move(response));
  }
}

// Milliseconds until curl's next timeout, -1 when it has none. Asked each
// time rather than kept from CURLMOPT_TIMERFUNCTION: curl does not repeat a
// timeout it has already announced, so a timer that fired a fraction of a
// millisecond early was never set again and the wire stalled.
long CurlWire::curl_timeout() const {
  long ms = -1;
  curl_multi_timeout(multi_, &ms);
  return ms;
}

// Lets curl act on its due timeouts, collects what finished and refills
// the in-flight set from the queue. A new transfer is due at once, so it
// starts in the same round.
void CurlWire::advance() {
  for (;;) {
    if (curl_timeout() == 0) {
      int running = 0;
      curl_multi_socket_action(multi_, CURL_SOCKET_TIMEOUT, 0, &running);
    }
    const std::size_t before = finished_.size();
    collect();
    if (finished_.size() == before || queued_.empty()) return;
    start_queued();
  }
}

void CurlWire::pump(int wait_ms) {
  start_queued();
  advance();
  // Something may have finished already (an answer waiting in the socket
  // when curl sent the request): then only look, do not wait.
  int timeout = finished_.empty() ? wait_ms : 0;
  if (const long due = curl_timeout(); due >= 0) {
    const int capped = static_cast<int>(std::min(due, 60'000L));
    timeout = timeout < 0 ? capped : std::min(timeout, capped);
  }
  epoll_event events[64];
  const int ready = ::epoll_wait(epoll_fd_, events, 64, timeout);  // < 0 only on a signal: nothing ready
  for (int i = 0; i < ready; ++i) {
    const int fd = events[i].data.fd;
    if (fd == wake_fd_) {
      std::uint64_t count = 0;
      [[maybe_unused]] const auto n = ::read(wake_fd_, &count, sizeof count);  // drained; the caller knows why
      continue;
    }
    int mask = 0;
    if ((events[i].events & EPOLLIN) != 0) mask |= CURL_CSELECT_IN;
    if ((events[i].events & EPOLLOUT) != 0) mask |= CURL_CSELECT_OUT;
    if ((events[i].events & (EPOLLERR | EPOLLHUP)) != 0) mask |= CURL_CSELECT_ERR;
    int running = 0;
    curl_multi_socket_action(multi_, fd, mask, &running);
  }
  advance();
}

}  // namespace oneservice::sync::net::detail
