#pragma once
// A thread that reads gpsd (libgps) and keeps the latest reading for the
// UI, which only ever takes snapshots: the frame loop never waits on gpsd.
// It connects by itself when gpsd comes up and again whenever gpsd goes
// away and comes back, so the officer never has to "restart GPS".
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "platform/gps/fix.h"

namespace oneservice::gps {

class GpsReader {
 public:
  explicit GpsReader(std::string host = "localhost", std::string port = "2947");
  GpsReader(const GpsReader&) = delete;
  GpsReader& operator=(const GpsReader&) = delete;
  ~GpsReader();  // stops the thread

  void start();  // no-op when running
  void stop();   // joins the thread within about half a second; the reading becomes NoGpsd

  GpsReading latest() const;
  // Moves whenever latest() would give something different (the UI redraws
  // only then).
  std::uint64_t generation() const { return generation_.load(); }

 private:
  void run();
  void publish(const GpsReading& reading);
  bool wait_or_stop(std::chrono::milliseconds delay);  // true when asked to stop

  std::string host_, port_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  GpsReading reading_;
  bool stopping_ = false;
  std::atomic<std::uint64_t> generation_{0};
  std::thread thread_;
};

}  // namespace oneservice::gps
