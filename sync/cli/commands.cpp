#include "sync/cli/commands.h"

#include <chrono>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

#include "shared/format_error.h"
#include "shared/prepare.h"
#include "shared/request_json.h"
#include "sync/catalogue_cache.h"
#include "sync/outbox.h"

namespace oneservice::sync::cli {
namespace {

std::string bundled_catalogue(const Arguments& arguments) {
  const std::string assets = arguments.assets_dir.empty() ? ONESERVICE_ASSETS_DIR : arguments.assets_dir;
  return assets + "/demo-council/catalogue.json";
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

  auto outbox = Outbox::open(outbox_path(arguments.data_dir), OpenMode::CreateIfMissing);
  const auto catalogue = load_catalogue(outbox, bundled_catalogue(arguments));
  const auto now = std::chrono::system_clock::now();
  // A reference clash is about one in a million million; when the id is
  // ours, a fresh one fixes it. A caller's own id is theirs to change.
  for (int attempt = 1;; ++attempt) {
    auto prepared = prepare_request(catalogue, request, now);
    if (!prepared.ok()) {
      err << "There is a problem\n";
      for (const auto& error : prepared.errors) err << "  " << error.field << ": " << error.message << '\n';
      return kExitRequestProblem;
    }
    try {
      out << outbox.enqueue(prepared.request) << '\n';
      return kExitOk;
    } catch (const ReferenceClash&) {
      if (!id_is_ours || attempt == 3) throw;
    }
  }
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
