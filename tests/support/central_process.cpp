#include "support/central_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <thread>

#include "support/deadline.h"

namespace oneservice::central::test {
namespace {

pid_t spawn(const std::vector<std::string>& args, int out_fd, int err_fd, int in_fd = -1) {
  const pid_t pid = fork();
  if (pid == 0) {
    if (in_fd >= 0) dup2(in_fd, 0);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    std::vector<char*> argv;
    std::string binary = ONESERVICE_CENTRAL_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (auto& arg : copy) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  return pid;
}

std::string drain(int fd) {
  std::string out;
  char buffer[4096];
  ssize_t n;
  while ((n = read(fd, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<std::size_t>(n));
  return out;
}

}  // namespace

RunResult run_central(const std::vector<std::string>& args, const std::optional<std::string>& input) {
  int out[2], err[2], in[2] = {-1, -1};
  if (pipe(out) != 0 || pipe(err) != 0) throw std::runtime_error("pipe failed");
  // Close-on-exec, so the child holds no write end and sees the end of the input.
  if (input && pipe2(in, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = spawn(args, out[1], err[1], in[0]);
  close(out[1]);
  close(err[1]);
  if (input) {
    // Inputs are small (a line): they fit in the pipe before the child reads.
    close(in[0]);
    const bool written = write(in[1], input->data(), input->size()) == static_cast<ssize_t>(input->size());
    close(in[1]);
    if (!written) throw std::runtime_error("could not write the child's standard input");
  }
  RunResult result;
  // Outputs are small; read stderr after stdout closes.
  result.out = drain(out[0]);
  result.err = drain(err[0]);
  close(out[0]);
  close(err[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

CentralProcess::CentralProcess(const std::string& data_dir, const std::vector<std::string>& extra_args) {
  // The server's messages go to a file, not a pipe: a pipe nobody reads
  // any more would kill it with SIGPIPE at its next message.
  const std::string log = data_dir + ".log";
  const int log_fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  const int null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
  std::vector<std::string> args = {"serve", "--listen", "127.0.0.1:0", "--data", data_dir, "--threads", "32"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  pid_ = spawn(args, null_fd, log_fd);
  close(null_fd);
  close(log_fd);
  // The server says which port it took: "... on http://127.0.0.1:PORT/...".
  std::string seen;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline && port_ == 0) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const int fd = open(log.c_str(), O_RDONLY | O_CLOEXEC);
    seen = fd >= 0 ? drain(fd) : "";
    if (fd >= 0) close(fd);
    const auto at = seen.find("127.0.0.1:");
    const auto slash = at == std::string::npos ? std::string::npos : seen.find('/', at);
    if (slash != std::string::npos) port_ = std::stoi(seen.substr(at + 10, slash - at - 10));
  }
  if (port_ == 0) {
    kill_hard();
    throw std::runtime_error("oneservice-central did not start: " + seen);
  }
}

CentralProcess::~CentralProcess() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  int status = 0;
  const bool stopped =
      oneservice::test_support::wait_until([&] { return waitpid(pid_, &status, WNOHANG) == pid_; });
  if (stopped) return;
  // A destructor cannot fail the test: say so where ctest shows it, and
  // leave no server behind.
  std::fprintf(stderr, "oneservice-central did not stop within %lld seconds of SIGTERM: killed\n",
               static_cast<long long>(oneservice::test_support::kWaitLimit.count()));
  kill_hard();
}

void CentralProcess::kill_hard() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

}  // namespace oneservice::central::test
