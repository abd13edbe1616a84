#include "support/gpsfake_process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <random>
#include <sstream>
#include <cstdlib>
#include <stdexcept>
#include <thread>

namespace oneservice::test_support {
namespace {

// Between sentences: a log's epoch of five sentences every quarter second,
// quick for a test yet slow enough that gpsd reports every epoch.
constexpr const char* kSecondsBetweenSentences = "0.05";

bool exited_within(pid_t pid, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid || done < 0) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

}  // namespace

std::string free_loopback_port() {
  // Below the kernel's ephemeral range: a port chosen from that range can
  // be handed to some other outgoing connection (another test's reader)
  // between this check and gpsd's bind, and gpsd would then fail to start.
  int ephemeral_low = 32768, ephemeral_high = 60999;
  std::ifstream("/proc/sys/net/ipv4/ip_local_port_range") >> ephemeral_low >> ephemeral_high;
  const int high = std::max(2048, ephemeral_low - 1), low = std::max(1024, high - 10000);
  std::mt19937 pick(std::random_device{}());
  for (int attempt = 0; attempt < 200; ++attempt) {
    const int port = std::uniform_int_distribution<int>(low, high)(pick);
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw std::runtime_error("socket() failed");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool free = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(fd);
    if (free) return std::to_string(port);
  }
  throw std::runtime_error("no free loopback port");
}

GpsFake::GpsFake(const std::string& log_path, const std::string& port, const std::string& work_folder)
    : output_path_(work_folder + "/gpsfake.log") {
  const std::string& output = output_path_;
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork() failed");
  if (pid_ == 0) {
    ::setpgid(0, 0);  // gpsfake and its gpsd in a group of their own, ended together
    const int fd = ::open(output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd >= 0) {
      ::dup2(fd, STDOUT_FILENO);
      ::dup2(fd, STDERR_FILENO);
      ::close(fd);
    }
    ::setenv("TMPDIR", work_folder.c_str(), 1);  // its control socket, not in /tmp
    ::execlp("gpsfake", "gpsfake", "-q", "-n", "-c", kSecondsBetweenSentences, "-P", port.c_str(), log_path.c_str(),
             static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::setpgid(pid_, pid_);
}

GpsFake::~GpsFake() { stop(); }

std::string GpsFake::output() const {
  std::ifstream in(output_path_);
  std::stringstream text;
  text << in.rdbuf();
  return "gpsfake said: [" + text.str() + "]";
}

void GpsFake::stop() {
  if (pid_ <= 0) return;
  // SIGTERM lets gpsfake stop its gpsd itself; the group is then killed
  // in case either is still there.
  ::kill(pid_, SIGTERM);
  if (!exited_within(pid_, std::chrono::seconds(5))) {
    ::kill(-pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  ::kill(-pid_, SIGKILL);
  pid_ = -1;
}

}  // namespace oneservice::test_support
