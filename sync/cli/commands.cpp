#include "sync/cli/commands.h"

#include <chrono>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

#include "shared/format_error.h"
#include "shared/media_type.h"
#include "shared/prepare.h"
#include "shared/request_json.h"
#include "sync/catalogue_cache.h"
#include "sync/outbox.h"
#include "sync/pull.h"
#include "sync/push.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <thread>

namespace oneservice::sync::cli {
namespace {

std::string bundled_catalogue(const Arguments& arguments) {
  const std::string assets = arguments.assets_dir.empty() ? ONESERVICE_ASSETS_DIR : arguments.assets_dir;
  return assets + "/demo-council/catalogue.json";
}

// Reads the --media files; an error message for the first that cannot be used.
std::string read_media(const Arguments& arguments, std::vector<MediaAttachment>& media) {
  for (const auto& path : arguments.media) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return "Cannot read the photo " + path + ".";
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const auto type = image_type(bytes);
    if (!type) return "The file " + path + " is not a photo: use a JPEG, PNG, GIF or WebP image.";
    const auto slash = path.find_last_of('/');
    media.push_back({slash == std::string::npos ? path : path.substr(slash + 1), *type, std::move(bytes)});
  }
  return {};
}

int enqueue(const Arguments& arguments, std::istream& in, std::ostream& out, std::ostream& err) {
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  ServiceRequest request;
  try {
    request = request_from_json(text);
  } catch (const FormatError& error) {
    err << error.what() << '\n';
    return kExitRequestProblem;
  }
  const bool id_is_ours = request.client_id.empty();
  std::vector<MediaAttachment> media;
  if (const auto problem = read_media(arguments, media); !problem.empty()) {
    err << problem << '\n';
    return kExitRequestProblem;
  }

  auto outbox = Outbox::open(outbox_path(arguments.data_dir), OpenMode::CreateIfMissing);
  const auto catalogue = load_catalogue(outbox, bundled_catalogue(arguments));
  const auto now = std::chrono::system_clock::now();
  // A reference clash is about one in a million million; when the id is
  // ours, a fresh one fixes it. A caller's own id is theirs to change.
  for (int attempt = 1;; ++attempt) {
    auto prepared = prepare_request(catalogue, request, now, Wording::english());
    if (!prepared.ok()) {
      err << "There is a problem\n";
      for (const auto& error : prepared.errors) err << "  " << error.field << ": " << error.message << '\n';
      return kExitRequestProblem;
    }
    try {
      out << outbox.enqueue(prepared.request, media) << '\n';
      return kExitOk;
    } catch (const ReferenceClash&) {
      if (!id_is_ours || attempt == 3) throw;
    }
  }
}

ServerConfig server_config(const Arguments& arguments) {
  ServerConfig server;
  server.base_url = arguments.server;
  server.api_key = arguments.api_key;
  if (server.api_key.empty())
    if (const char* key = std::getenv("ONESERVICE_API_KEY")) server.api_key = key;
  server.ca_bundle = arguments.ca_bundle;
  return server;
}

// "[#########...........]  9/20 sent, 1 needs attention, 2 to retry"
std::string progress_line(const PushProgress& p) {
  const int finished = p.accepted + p.pending_token + p.needs_attention + p.retry_later;
  const int total = std::max(p.due, 1);
  const int width = 30;
  const int filled = std::min(width, finished * width / total);
  std::string line = "[" + std::string(static_cast<std::size_t>(filled), '#') +
                     std::string(static_cast<std::size_t>(width - filled), '.') + "] ";
  line += std::to_string(p.accepted + p.pending_token) + "/" + std::to_string(p.due) + " sent";
  if (p.needs_attention) line += ", " + std::to_string(p.needs_attention) + " need attention";
  if (p.retry_later) line += ", " + std::to_string(p.retry_later) + " to retry";
  return line;
}

int push(const Arguments& arguments, std::ostream& out, std::ostream& err) {
  const auto server = server_config(arguments);
  if (server.api_key.empty()) {
    err << "Give this device's key with --api-key KEY or ONESERVICE_API_KEY.\n";
    return kExitSetupProblem;
  }
  auto outbox = Outbox::open(outbox_path(arguments.data_dir), OpenMode::MustExist);
  PushLock lock(arguments.data_dir);
  if (!lock.held()) {
    err << "Another program (the kiosk?) is sending from " << arguments.data_dir
        << " right now. Try again when it has finished.\n";
    return kExitUndelivered;
  }
  const bool terminal = ::isatty(STDERR_FILENO) == 1;
  Pusher pusher(outbox, server);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(arguments.retry_for_seconds);
  PushProgress total;
  while (true) {
    const auto pass = pusher.push_due([&](const PushProgress& p) {
      if (terminal) err << '\r' << progress_line(p) << std::flush;
    });
    total.due += pass.accepted + pass.pending_token + pass.needs_attention;
    total.accepted += pass.accepted;
    total.needs_attention += pass.needs_attention;
    if (!pass.last_error.empty()) total.last_error = pass.last_error;
    const auto counts = outbox.counts();
    const int waiting = counts.at(RequestState::Queued) + counts.at(RequestState::Sending);
    if (waiting == 0 || std::chrono::steady_clock::now() >= deadline) break;
    // Wait for the next backoff to expire (bounded by the deadline).
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
  if (terminal) err << '\n';
  const auto counts = outbox.counts();
  out << "sent " << total.accepted << ", needs attention " << counts.at(RequestState::NeedsAttention) << ", waiting "
      << counts.at(RequestState::Queued) + counts.at(RequestState::Sending) << '\n';
  if (!total.last_error.empty()) err << "Last problem: " << total.last_error << '\n';
  const bool left = counts.at(RequestState::Queued) + counts.at(RequestState::Sending) +
                        counts.at(RequestState::NeedsAttention) > 0;
  return left ? kExitUndelivered : kExitOk;
}

int pull(const Arguments& arguments, std::ostream& out, std::ostream& err) {
  auto outbox = Outbox::open(outbox_path(arguments.data_dir), OpenMode::MustExist);
  Puller puller(outbox, server_config(arguments));
  const auto catalogue = puller.pull_catalogue();
  const auto updates = puller.pull_updates();
  if (!catalogue.error.empty()) err << "Catalogue: " << catalogue.error << '\n';
  if (!updates.error.empty()) err << "Updates: " << updates.error << '\n';
  out << "catalogue " << (catalogue.changed ? "updated to " : "unchanged at ") << catalogue.changeset << ", "
      << updates.received << " status updates\n";
  return catalogue.error.empty() && updates.error.empty() ? kExitOk : kExitUndelivered;
}

int retry(const Arguments& arguments, std::ostream& out) {
  auto outbox = Outbox::open(outbox_path(arguments.data_dir), OpenMode::MustExist);
  out << outbox.requeue_needs_attention() << " requests put back in the queue\n";
  return kExitOk;
}

int status(const Arguments& arguments, std::ostream& out) {
  const auto outbox = Outbox::open(outbox_path(arguments.data_dir), OpenMode::MustExist);
  const auto counts = outbox.counts();
  if (arguments.json) {
    nlohmann::ordered_json document = nlohmann::ordered_json::object();
    for (const auto state : kAllStates) document[to_string(state)] = counts.at(state);
    out << document.dump() << '\n';
    return kExitOk;
  }
  out << "Requests in " << outbox.path() << "\n\n";
  out << std::left << std::setw(18) << "State" << std::right << std::setw(8) << "Requests" << '\n';
  for (const auto state : kAllStates)
    out << std::left << std::setw(18) << to_string(state) << std::right << std::setw(8) << counts.at(state) << '\n';
  return kExitOk;
}

}  // namespace

int run(const Arguments& arguments, std::istream& in, std::ostream& out, std::ostream& err) {
  try {
    switch (arguments.command) {
      case Command::Help: out << usage(); return kExitOk;
      case Command::Enqueue: return enqueue(arguments, in, out, err);
      case Command::Status: return status(arguments, out);
      case Command::Push: return push(arguments, out, err);
      case Command::Pull: return pull(arguments, out, err);
      case Command::Retry: return retry(arguments, out);
    }
  } catch (const StoreError& error) {
    err << error.what() << '\n';
  } catch (const FormatError& error) {  // only the catalogue gets here: the request's own are handled above
    err << error.what() << '\n';
  } catch (const std::exception& error) {
    err << "oneservice-sync stopped: " << error.what() << '\n';
  }
  return kExitSetupProblem;
}

}  // namespace oneservice::sync::cli
