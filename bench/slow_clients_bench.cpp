// Benchmark (not a test): how long a real client waits for GET services.json
// while N connections sit on the server sending half a request or nothing
// (tests/support/slow_clients), against oneservice-central alone and behind
// deploy/nginx's shipped config. Both in the default configuration (central's
// 64 threads); `--threads` for central alone can be given to see what a
// bigger pool buys.
//   slow_clients_bench [ALONE_N=200] [NGINX_N=2000] [ALONE_THREADS=64]
#include <httplib.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>

#include "support/central_process.h"
#include "support/nginx_process.h"
#include "support/slow_clients.h"

using oneservice::central::test::CentralProcess;
using oneservice::test_support::NginxProcess;
using oneservice::test_support::SlowClients;

namespace {

constexpr int kGiveUpSeconds = 60;

// Seconds until a GET is answered with 200; negative if not within the limit.
double time_get(int port) {
  httplib::Client client("127.0.0.1", port);
  client.set_connection_timeout(kGiveUpSeconds);
  client.set_read_timeout(kGiveUpSeconds);
  const auto start = std::chrono::steady_clock::now();
  const auto reply = client.Get("/open311/v2/services.json");
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  return reply && reply->status == 200 ? took.count() : -1;
}

void report(const char* what, int slow_count, double seconds) {
  if (seconds < 0) std::printf("%-34s %5d slow connections: no answer within %d s\n", what, slow_count, kGiveUpSeconds);
  else std::printf("%-34s %5d slow connections: answered in %.3f s\n", what, slow_count, seconds);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  const int alone_n = argc > 1 ? std::stoi(argv[1]) : 200;
  const int nginx_n = argc > 2 ? std::stoi(argv[2]) : 2000;
  const std::string threads = argc > 3 ? argv[3] : "64";
  rlimit files{};
  getrlimit(RLIMIT_NOFILE, &files);
  files.rlim_cur = files.rlim_max;
  setrlimit(RLIMIT_NOFILE, &files);
  const auto folder = std::filesystem::temp_directory_path() / ("oneservice-slow-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(folder);
  {
    CentralProcess alone((folder / "alone").string(), {"--threads", threads});
    report("central alone, nobody waiting", 0, time_get(alone.port()));
    const SlowClients slow(alone.port(), alone_n);
    report(("central alone, " + threads + " threads").c_str(), alone_n, time_get(alone.port()));
  }
  {
    CentralProcess central((folder / "behind").string(), {"--threads", "64"});
    NginxProcess nginx((folder / "nginx").string(), {{central.port()}, "", ""});
    report("behind nginx, nobody waiting", 0, time_get(nginx.port()));
    const SlowClients slow(nginx.port(), nginx_n);
    report("behind nginx", nginx_n, time_get(nginx.port()));
    // And again a moment later, once nginx has read every half request.
    report("behind nginx, a second GET", nginx_n, time_get(nginx.port()));
  }
  std::filesystem::remove_all(folder);
  return 0;
}
