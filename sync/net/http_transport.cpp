#include "sync/net/http_transport.h"

#include <curl/curl.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <deque>
#include <mutex>
#include <stdexcept>
#include <unordered_map>
#include <utility>

namespace oneservice::sync::net {
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

}  // namespace

struct HttpTransport::Impl {
  TransportOptions options;
  std::size_t max_in_flight = 1;
  CURLM* multi = nullptr;
  std::uint64_t next_serial = 1;
  std::deque<std::pair<std::uint64_t, HttpRequest>> queued;
  std::unordered_map<CURL*, std::unique_ptr<Transfer>> in_flight;
  std::vector<CURL*> spare_handles;  // reused: curl_easy_reset keeps caches
  std::deque<std::pair<std::uint64_t, HttpResponse>> finished;  // ready, not yet returned
  std::atomic<bool> woken{false};

  explicit Impl(TransportOptions opts) : options(std::move(opts)) {
    global_init_once();
    max_in_flight = static_cast<std::size_t>(std::max(1, options.max_in_flight));
    multi = curl_multi_init();
    if (multi == nullptr) throw std::runtime_error("curl_multi_init failed");
    const long limit = static_cast<long>(max_in_flight);
    curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, limit);
    curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, limit);  // idle connections kept open
  }

  ~Impl() {
    cut_all();
    for (CURL* easy : spare_handles) curl_easy_cleanup(easy);
    curl_multi_cleanup(multi);
  }

  // Removing a handle from the multi aborts its transfer (and closes its
  // connection if a request was half sent).
  void cut_all() {
    for (auto& [easy, transfer] : in_flight) {
      curl_multi_remove_handle(multi, easy);
      curl_easy_cleanup(easy);
    }
    in_flight.clear();
  }

  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  void fail_now(std::uint64_t serial, std::uint64_t tag, std::string message) {
    HttpResponse response;
    response.tag = tag;
    response.error = NetError::Other;
    response.error_message = std::move(message);
    finished.emplace_back(serial, std::move(response));
  }

  CURL* take_handle() {
    if (!spare_handles.empty()) {
      CURL* easy = spare_handles.back();
      spare_handles.pop_back();
      return easy;
    }
    return curl_easy_init();
  }

  // Called while the Transfer (its mime, body and error buffer) is still
  // alive: resetting drops every pointer the handle holds into it, while
  // the handle keeps its DNS and TLS session caches.
  void give_back(CURL* easy) {
    if (spare_handles.size() < max_in_flight) {
      curl_easy_reset(easy);
      spare_handles.push_back(easy);
    } else {
      curl_easy_cleanup(easy);
    }
  }

  // Sets up every option; false with a message when the request cannot go.
  bool configure(Transfer& t, const HttpRequest& request, std::string& why) {
    CURL* easy = t.easy;
    const bool post = request.method == "POST";
    if (!post && request.method != "GET") {
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
      return true;
    }
    const bool multipart = std::any_of(request.form.begin(), request.form.end(),
                                       [](const FormPart& part) { return !part.file_name.empty(); });
    if (!multipart) {
      for (const FormPart& part : request.form) {
        if (!t.post_body.empty()) t.post_body += '&';
        t.post_body += url_encode(part.name);
        t.post_body += '=';
        t.post_body += url_encode(part.value);
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

  void start(std::uint64_t serial, const HttpRequest& request) {
    auto transfer = std::make_unique<Transfer>();
    transfer->serial = serial;
    transfer->response.tag = request.tag;
    transfer->easy = take_handle();
    if (transfer->easy == nullptr) {
      fail_now(serial, request.tag, "curl_easy_init failed");
      return;
    }
    std::string why;
    if (!configure(*transfer, request, why)) {
      give_back(transfer->easy);
      fail_now(serial, request.tag, why);
      return;
    }
    if (const CURLMcode added = curl_multi_add_handle(multi, transfer->easy); added != CURLM_OK) {
      give_back(transfer->easy);
      fail_now(serial, request.tag, curl_multi_strerror(added));
      return;
    }
    CURL* easy = transfer->easy;
    in_flight.emplace(easy, std::move(transfer));
  }

  void start_queued() {
    while (in_flight.size() < max_in_flight && !queued.empty()) {
      auto [serial, request] = std::move(queued.front());
      queued.pop_front();
      start(serial, request);
    }
  }

  void collect() {
    int left = 0;
    while (CURLMsg* message = curl_multi_info_read(multi, &left)) {
      if (message->msg != CURLMSG_DONE) continue;
      CURL* easy = message->easy_handle;
      const CURLcode result = message->data.result;
      auto found = in_flight.find(easy);
      if (found == in_flight.end()) continue;
      std::unique_ptr<Transfer> transfer = std::move(found->second);
      in_flight.erase(found);
      curl_multi_remove_handle(multi, easy);
      HttpResponse& response = transfer->response;
      curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &response.status);
      response.error = classify(result);
      if (result != CURLE_OK) {
        response.error_message = transfer->error_buffer[0] != '\0' ? std::string(transfer->error_buffer)
                                                                    : std::string(curl_easy_strerror(result));
      }
      give_back(easy);
      finished.emplace_back(transfer->serial, std::move(response));
    }
  }

  // Runs curl once without waiting, refilling the in-flight set as
  // transfers finish.
  void drive() {
    for (;;) {
      start_queued();
      int running = 0;
      curl_multi_perform(multi, &running);
      const std::size_t before = finished.size();
      collect();
      const bool room_freed = finished.size() != before;
      if (!room_freed || queued.empty()) break;
    }
  }

  // Drives until something more finished, `wait` passed or (when
  // `stop_on_wakeup`) wakeup() was called.
  void run(std::chrono::milliseconds wait, bool stop_on_wakeup) {
    const auto deadline = std::chrono::steady_clock::now() + wait;
    const std::size_t before = finished.size();
    drive();
    while (finished.size() == before) {
      if (stop_on_wakeup && woken.exchange(false)) return;
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return;
      const int timeout_ms = static_cast<int>(std::min<std::chrono::milliseconds::rep>(left.count(), 60'000));
      curl_multi_poll(multi, nullptr, 0, timeout_ms, nullptr);
      drive();
    }
  }
};

HttpTransport::HttpTransport(TransportOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}

HttpTransport::~HttpTransport() = default;

void HttpTransport::submit(HttpRequest request) {
  const std::uint64_t serial = impl_->next_serial++;
  if (impl_->in_flight.size() < impl_->max_in_flight && impl_->queued.empty()) {
    impl_->start(serial, request);
    int running = 0;
    curl_multi_perform(impl_->multi, &running);  // begins resolving/connecting now
  } else {
    impl_->queued.emplace_back(serial, std::move(request));
  }
}

std::vector<HttpResponse> HttpTransport::poll(std::chrono::milliseconds wait) {
  if (impl_->finished.empty()) impl_->run(wait, true);
  else impl_->drive();  // responses left by perform(): hand them over now
  std::vector<HttpResponse> out;
  out.reserve(impl_->finished.size());
  for (auto& [serial, response] : impl_->finished) out.push_back(std::move(response));
  impl_->finished.clear();
  return out;
}

bool HttpTransport::busy() const {
  return !impl_->in_flight.empty() || !impl_->queued.empty() || !impl_->finished.empty();
}

void HttpTransport::abandon() {
  impl_->cut_all();
  impl_->queued.clear();
  impl_->finished.clear();
}

void HttpTransport::wakeup() {
  impl_->woken.store(true);
  curl_multi_wakeup(impl_->multi);
}

HttpResponse HttpTransport::perform(HttpRequest request) {
  const std::uint64_t serial = impl_->next_serial;
  submit(std::move(request));
  for (;;) {
    auto& finished = impl_->finished;
    const auto mine = std::find_if(finished.begin(), finished.end(),
                                   [serial](const auto& entry) { return entry.first == serial; });
    if (mine != finished.end()) {
      HttpResponse response = std::move(mine->second);
      finished.erase(mine);  // others stay for the next poll()
      return response;
    }
    // A wakeup meant for poll() is left pending rather than consumed here.
    impl_->run(std::chrono::milliseconds(1000), false);
  }
}

std::string url_encode(const std::string& text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3);
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                            c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += c;
    } else {
      out += '%';
      out += hex[byte >> 4];
      out += hex[byte & 0x0F];
    }
  }
  return out;
}

}  // namespace oneservice::sync::net
