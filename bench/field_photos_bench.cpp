// Benchmark (not a test): an officer's 200 reports with three photos each,
// drained from a tablet's outbox into a real oneservice-central through the
// fault proxy (answers lost after central committed, connections reset,
// answers cut short, and every upload larger than one photo cut), then
// checked at central: every report exactly once, every photo exactly once,
// each as its own update of its report's case.
//   field_photos_bench [REPORTS] [PHOTO_WIDTH]
// bench/field_photos_bench.sh builds and runs it.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>

#include "central/jpeg_sample.h"
#include "shared/prepare.h"
#include "support/central_process.h"
#include "support/fault_proxy.h"
#include "support/raw_db.h"
#include "support/temp_folder.h"
#include "sync/catalogue_cache.h"
#include "sync/field_sync.h"
#include "sync/push.h"
#include "sync/staff_reports.h"
#include "sync/staff_sign_in.h"
#include "sync/sync_log.h"

using namespace oneservice;
using oneservice::test::Fault;
using oneservice::test::FaultPlan;

namespace {

std::string line_of(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

std::string run(const std::vector<std::string>& args) {
  const auto result = central::test::run_central(args);
  if (result.exit_code != 0) throw std::runtime_error("oneservice-central " + args.at(0) + ": " + result.err);
  return line_of(result.out);
}

// Every 25th request loses its answer after central has committed it, every
// 25th (offset) has its connection reset before it is forwarded, every 50th
// has its answer cut in half: about one request in ten meets a fault.
std::vector<FaultPlan> weak_link(int requests) {
  std::vector<FaultPlan> plan;
  for (int n = 0; n < requests; n += 50)
    plan.insert(plan.end(), {{Fault::None, 12}, {Fault::DropResponse, 1}, {Fault::None, 12},
                             {Fault::ResetBeforeForward, 1}, {Fault::None, 12}, {Fault::TruncateResponse, 1},
                             {Fault::None, 11}});
  return plan;
}

}  // namespace

int main(int argc, char** argv) {
  const int reports = argc > 1 ? std::stoi(argv[1]) : 200;
  const int photo_width = argc > 2 ? std::stoi(argv[2]) : 1024;
  constexpr int kPhotos = 3;
  test_support::TempFolder folder;
  const auto data = folder.path() + "/central";
  const auto key = run({"key", "add", "--name", "bench tablet", "--channel", "field", "--data", data});
  const auto secret = run({"staff", "add", "--name", "Ann Smith", "--role", "officer", "--data", data});
  central::test::CentralProcess central(data);
  test::FaultProxy proxy("127.0.0.1", central.port());
  const sync::ServerConfig direct{"http://127.0.0.1:" + std::to_string(central.port()) + "/open311/v2", key, ""};
  const sync::ServerConfig weak{"http://127.0.0.1:" + std::to_string(proxy.port()) + "/open311/v2", key, ""};

  auto outbox = sync::Outbox::open(sync::outbox_path(folder.path() + "/tablet"));
  const auto signed_in = sync::sign_in_online(outbox, direct, "Ann Smith", secret, "");
  if (signed_in.outcome != sync::SignInOutcome::SignedIn) {
    std::fprintf(stderr, "sign-in failed: %s\n", signed_in.server_words.c_str());
    return 1;
  }
  const auto catalogue = sync::load_catalogue(outbox, std::string(ONESERVICE_ASSETS_DIR) + "/demo-council/catalogue.json");
  std::size_t photo_bytes = 0, largest = 0;
  for (int n = 0; n < reports; ++n) {
    ServiceRequest request;
    request.channel = Channel::Field;
    request.service_code = "pothole";
    request.answers = {{"road_or_pavement", std::string("road")}, {"pothole_size", std::string("about_plate")},
                       {"depth_cm", std::to_string(n % 90 + 1)}};
    request.location.lat = 51.2 + n * 1e-5;
    request.location.lon = -1.82;
    request.location.source = LocationSource::Gps;
    request.location.accuracy_m = 5;
    auto prepared = prepare_request(catalogue, request, std::chrono::system_clock::now(), Wording::english());
    std::vector<sync::MediaAttachment> photos;
    for (int p = 0; p < kPhotos; ++p) {
      photos.push_back({"p" + std::to_string(p) + ".jpg", "image/jpeg",
                        central::test::sample_jpeg(photo_width + (n * kPhotos + p) % 64, photo_width * 3 / 4)});
      photo_bytes += photos.back().bytes.size();
      largest = std::max(largest, photos.back().bytes.size());
    }
    sync::enqueue_for_staff(outbox, prepared.request, photos, "Ann Smith");
  }
  proxy.set_max_request_body(largest + 8192);  // one photo at a time, never a report carrying three
  const int expected_requests = reports * (1 + kPhotos);
  proxy.set_plan(weak_link(expected_requests));
  proxy.set_retry_after_seconds(0);

  sync::PushOptions options;
  options.backoff.base = std::chrono::milliseconds(50);
  options.backoff.cap = std::chrono::milliseconds(500);
  sync::Pusher pusher(outbox, weak, options);
  sync::FieldSync field(outbox, weak, options.transport, options.backoff);
  const auto start = std::chrono::steady_clock::now();
  int passes = 0;
  for (; passes < 2000; ++passes) {
    pusher.push_due();
    field.push();
    bool waiting = false;
    for (const auto& entry : sync::sync_log(outbox, "Ann Smith")) waiting = waiting || entry.state != "sent";
    if (!waiting) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  // Exactly once, as central holds it.
  test_support::RawDb db(data + "/central.sqlite3");
  const auto cases = db.integer("SELECT count(*) FROM cases");
  const auto photo_updates = db.integer(
      "SELECT count(*) FROM case_updates u WHERE u.client_update_id <> '' AND "
      "(SELECT count(*) FROM case_update_media m WHERE m.update_id = u.update_id) = 1");
  const auto device_updates = db.integer("SELECT count(*) FROM case_updates WHERE client_update_id <> ''");
  const auto cases_with_three = db.integer(
      "SELECT count(*) FROM (SELECT case_id FROM case_updates WHERE client_update_id <> '' GROUP BY case_id "
      "HAVING count(*) = 3)");
  const auto officers = db.integer("SELECT count(*) FROM cases WHERE staff_id IS NOT NULL");
  const bool once = cases == reports && device_updates == reports * kPhotos && photo_updates == device_updates &&
                    cases_with_three == reports && officers == reports;
  std::printf("%d reports with %d photos each (%.1f MB of photos) drained through the fault proxy in %.2f s "
              "(%d passes, %d requests at the proxy, %d faults, %d uploads cut)\n",
              reports, kPhotos, static_cast<double>(photo_bytes) / 1e6, seconds, passes + 1, proxy.requests_seen(),
              proxy.faults_applied(), proxy.bodies_cut());
  std::printf("at central: %lld cases (%lld named their officer), %lld photo updates, %lld cases with exactly %d: %s\n",
              cases, officers, device_updates, cases_with_three, kPhotos,
              once ? "exactly once" : "NOT EXACTLY ONCE");
  return once ? 0 : 1;
}
