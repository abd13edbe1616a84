// Benchmark (not a test): drains N queued requests from a device outbox
// into a running oneservice-central and prints requests per second.
//   sync_drain_bench DATA_DIR SERVER_URL API_KEY [N] [IN_FLIGHT]
// bench/sync_drain_bench.sh runs it beside wrk on the same endpoint.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <string>

#include "shared/prepare.h"
#include "sync/catalogue_cache.h"
#include "sync/outbox.h"
#include "sync/push.h"

using namespace oneservice;

namespace {

// CPU seconds (user + system) this process has used so far.
double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: sync_drain_bench DATA_DIR SERVER_URL API_KEY [N] [IN_FLIGHT]\n");
    return 2;
  }
  const std::string data_dir = argv[1];
  const int count = argc > 4 ? std::stoi(argv[4]) : 10000;
  const int in_flight = argc > 5 ? std::stoi(argv[5]) : 16;
  auto outbox = sync::Outbox::open(sync::outbox_path(data_dir));
  const auto catalogue = sync::load_catalogue(outbox, std::string(ONESERVICE_ASSETS_DIR) + "/demo-council/catalogue.json");

  const auto queue_start = std::chrono::steady_clock::now();
  for (int n = 0; n < count; ++n) {
    ServiceRequest request;
    request.service_code = "pothole";
    request.answers = {{"road_or_pavement", std::string("road")},
                       {"pothole_size", std::string("about_plate")},
                       {"depth_cm", std::to_string(n % 90 + 1)}};
    request.location.lat = 51.2;
    request.location.lon = -1.82;
    auto prepared = prepare_request(catalogue, request, std::chrono::system_clock::now(), Wording::english());
    if (!prepared.ok()) {
      std::fprintf(stderr, "request %d does not validate: %s\n", n, prepared.errors.front().message.c_str());
      return 1;
    }
    outbox.enqueue(prepared.request);
  }
  const double queue_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - queue_start).count();
  std::fprintf(stderr, "queued %d requests in %.1f s\n", count, queue_seconds);

  sync::PushLock lock(data_dir);
  sync::PushOptions options;
  options.max_in_flight = in_flight;
  sync::Pusher pusher(outbox, {argv[2], argv[3], ""}, options);
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = cpu_seconds();
  int accepted = 0;
  for (int pass = 0; pass < 100 && accepted < count; ++pass) accepted += pusher.push_due().accepted;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu = cpu_seconds() - cpu_start;
  // The device's own CPU per request is what it takes from the server on a
  // machine they share; wrk spends next to none.
  std::fprintf(stderr, "device CPU while draining: %.2f s, %.0f us per request\n", cpu, 1e6 * cpu / count);
  std::printf("drained %d of %d requests in %.2f s: %.0f requests/s\n", accepted, count, seconds, accepted / seconds);
  return accepted == count ? 0 : 1;
}
