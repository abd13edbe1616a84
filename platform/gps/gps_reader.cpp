#include "platform/gps/gps_reader.h"

#include <gps.h>
#include <pthread.h>
#include <signal.h>

#include <cmath>
#include <utility>

namespace oneservice::gps {
namespace {

// libgps moved the fix status from gps_data_t into gps_fix_t in API 10
// (gpsd 3.20). Status 0 is STATUS_NO_FIX in 3.22 but means "unknown" (3.23.1
// renamed it STATUS_UNK): gpsd sends no status for a plain GPS fix, so a
// position is told by the mode, and the status only rules out a time-only
// receiver (a surveyed-in timing unit reports no position of its own).
#if GPSD_API_MAJOR_VERSION < 10
#error "libgps API 10 or later is needed (gpsd 3.20+): the fix status is read from gps_fix_t"
#endif
#ifdef STATUS_TIME
constexpr int kStatusTimeOnly = STATUS_TIME;
#else
constexpr int kStatusTimeOnly = 7;  // the value STATUS_TIME has had since it was added
#endif

// How often to look for gpsd again while it is away: soon enough that a
// fix shows within a second or two of gpsd starting, rare enough to cost
// nothing.
constexpr std::chrono::milliseconds kReconnectEvery{1000};
// How long gps_waiting blocks before the thread looks at its stop flag.
constexpr int kWaitMicroseconds = 250'000;
// A receiver reports every second; this long without a report means the
// fix we hold is no longer where the officer is (receiver unplugged,
// gpsd lost it): say Searching rather than show a frozen position.
constexpr std::chrono::seconds kQuietLimit{5};

std::optional<double> accuracy_of(const gps_fix_t& fix) {
  if (std::isfinite(fix.eph)) return fix.eph;
  if (std::isfinite(fix.epx) && std::isfinite(fix.epy)) return std::hypot(fix.epx, fix.epy);
  return std::nullopt;
}

bool has_position(const gps_fix_t& fix) {
  return fix.mode >= MODE_2D && fix.status != kStatusTimeOnly && std::isfinite(fix.latitude) &&
         std::isfinite(fix.longitude);
}

}  // namespace

GpsReader::GpsReader(std::string host, std::string port) : host_(std::move(host)), port_(std::move(port)) {}

GpsReader::~GpsReader() { stop(); }

void GpsReader::start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void GpsReader::stop() {
  {
    std::lock_guard lock(mutex_);
    if (!thread_.joinable()) return;
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  publish(GpsReading{});
}

GpsReading GpsReader::latest() const {
  std::lock_guard lock(mutex_);
  return reading_;
}

void GpsReader::publish(const GpsReading& reading) {
  std::lock_guard lock(mutex_);
  if (reading == reading_) return;
  reading_ = reading;
  ++generation_;
}

bool GpsReader::wait_or_stop(std::chrono::milliseconds delay) {
  std::unique_lock lock(mutex_);
  return wake_.wait_for(lock, delay, [this] { return stopping_; });
}

void GpsReader::run() {
  // libgps writes its WATCH command with write(): should gpsd vanish in
  // between, SIGPIPE would end the whole app. Blocked on this thread only,
  // the write fails with EPIPE instead and the loop connects again.
  sigset_t pipe_signal;
  sigemptyset(&pipe_signal);
  sigaddset(&pipe_signal, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &pipe_signal, nullptr);

  const auto stopping = [this] {
    std::lock_guard lock(mutex_);
    return stopping_;
  };
  while (!stopping()) {
    gps_data_t data{};
    if (gps_open(host_.c_str(), port_.c_str(), &data) != 0) {
      publish(GpsReading{});
      if (wait_or_stop(kReconnectEvery)) return;
      continue;
    }
    gps_stream(&data, WATCH_ENABLE | WATCH_JSON, nullptr);
    GpsReading reading{GpsState::Searching, std::nullopt, 0};
    publish(reading);
    auto last_report = std::chrono::steady_clock::now();
    while (!stopping()) {
      if (!gps_waiting(&data, kWaitMicroseconds)) {
        if (reading.fix && std::chrono::steady_clock::now() - last_report > kQuietLimit) {
          reading.state = GpsState::Searching;
          reading.fix.reset();
          publish(reading);
        }
        continue;
      }
      // -1: gpsd closed the connection (stopped, restarted) or the socket
      // failed; the outer loop connects again.
      if (gps_read(&data, nullptr, 0) < 0) break;
      if (data.set & SATELLITE_SET) {
        reading.satellites_seen = data.satellites_visible;
        if (reading.fix) {
          reading.fix->satellites_used = data.satellites_used;
          reading.fix->satellites_seen = data.satellites_visible;
        }
      }
      if (data.set & MODE_SET) {
        last_report = std::chrono::steady_clock::now();
        if (has_position(data.fix)) {
          reading.state = GpsState::HasFix;
          reading.fix = Fix{data.fix.latitude, data.fix.longitude, accuracy_of(data.fix), data.satellites_used,
                            data.satellites_visible, std::chrono::system_clock::now()};
        } else {
          reading.state = GpsState::Searching;
          reading.fix.reset();
        }
      }
      publish(reading);
    }
    gps_close(&data);
    publish(GpsReading{});
    if (wait_or_stop(kReconnectEvery)) return;
  }
}

}  // namespace oneservice::gps
