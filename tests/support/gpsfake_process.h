#pragma once
// gpsfake (Debian gpsd-clients) as a child process: a real gpsd on a
// loopback port of its own, fed an NMEA log through a pseudo-terminal as a
// receiver would. The log is replayed over and over (no -1), so a reader
// that connects late still sees it, and gpsd opens the device at once
// (-n) instead of waiting for a client.
#include <string>
#include <sys/types.h>

namespace oneservice::test_support {

// A TCP port on 127.0.0.1 that nothing used a moment ago, below the
// kernel's range for outgoing connections.
std::string free_loopback_port();

class GpsFake {
 public:
  // Writes nothing itself; `log_path` is an NMEA file, `work_folder` holds
  // gpsfake's control socket and its output (gpsfake.log, for a failing test).
  GpsFake(const std::string& log_path, const std::string& port, const std::string& work_folder);
  GpsFake(const GpsFake&) = delete;
  GpsFake& operator=(const GpsFake&) = delete;
  ~GpsFake();

  // Ends gpsfake and the gpsd it started (its process group); a reader's
  // connection then closes, as when gpsd stops on a tablet.
  void stop();

  // What gpsfake and its gpsd printed so far, for a failing test's message.
  std::string output() const;

 private:
  std::string output_path_;
  pid_t pid_ = -1;
};

}  // namespace oneservice::test_support
