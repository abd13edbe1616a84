#include "sync/net/http_transport.h"

#include <algorithm>
#include <atomic>
#include <iterator>
#include <utility>

#include "sync/net/curl_wire.h"

namespace oneservice::sync::net {

// The wire is driven from the caller's thread, inside poll() and perform().
// A thread of its own kept every slot full while the caller wrote its
// outbox, but its wake-ups cost more CPU than the fuller wire gained back:
// the drain was no faster with it.
struct HttpTransport::Impl {
  explicit Impl(const TransportOptions& options) : wire(options) {}

  // Drives the wire until something more finished (at least `enough` are
  // ready), `wait` passed or (when `stop_on_wakeup`) wakeup() was called.
  void run(std::chrono::milliseconds wait, bool stop_on_wakeup, std::size_t enough = 0) {
    const auto deadline = std::chrono::steady_clock::now() + wait;
    const std::size_t target = std::max(finished.size() + 1, enough);
    take(0);
    while (finished.size() < target) {
      if (stop_on_wakeup && woken.exchange(false)) return;
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return;
      take(static_cast<int>(std::min<std::chrono::milliseconds::rep>(left.count(), 60'000)));
    }
  }

  void take(int wait_ms) {
    wire.pump(wait_ms);
    auto done = wire.take_finished();
    std::move(done.begin(), done.end(), std::back_inserter(finished));
  }

  detail::CurlWire wire;
  std::uint64_t next_serial = 1;
  std::size_t outstanding = 0;              // submitted and not yet returned
  std::vector<detail::Numbered> finished;   // ready, not yet returned
  std::atomic<bool> woken{false};
};

HttpTransport::HttpTransport(TransportOptions options) : impl_(std::make_unique<Impl>(options)) {}

HttpTransport::~HttpTransport() = default;

void HttpTransport::submit(HttpRequest request) {
  impl_->wire.add(impl_->next_serial++, std::move(request));
  ++impl_->outstanding;
}

std::vector<HttpResponse> HttpTransport::poll(std::chrono::milliseconds wait, std::size_t at_least) {
  const std::size_t enough = std::clamp<std::size_t>(at_least, 1, std::max<std::size_t>(impl_->outstanding, 1));
  if (impl_->finished.size() < enough) impl_->run(wait, true, enough);
  else impl_->take(0);  // responses left by perform(): hand them over now
  std::vector<HttpResponse> out;
  out.reserve(impl_->finished.size());
  for (auto& [serial, response] : impl_->finished) out.push_back(std::move(response));
  impl_->finished.clear();
  impl_->outstanding -= out.size();
  return out;
}

bool HttpTransport::busy() const { return impl_->outstanding > 0; }

void HttpTransport::abandon() {
  impl_->wire.cut_all();
  impl_->finished.clear();
  impl_->outstanding = 0;
}

void HttpTransport::wakeup() {
  impl_->woken.store(true);
  impl_->wire.wake();
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
      --impl_->outstanding;
      return response;
    }
    // A wakeup meant for poll() is left pending rather than consumed here.
    impl_->run(std::chrono::milliseconds(1000), false);
  }
}

}  // namespace oneservice::sync::net
