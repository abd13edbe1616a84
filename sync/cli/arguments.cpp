#include "sync/cli/arguments.h"

#include <optional>

namespace oneservice::sync::cli {
namespace {

// "--data=DIR" or "--data DIR"; nullopt when `arg` is not this option.
std::optional<std::string> option_value(const std::string& name, const std::vector<std::string>& args,
                                        std::size_t& i) {
  const auto& arg = args[i];
  if (arg.rfind(name + "=", 0) == 0) {
    auto value = arg.substr(name.size() + 1);
    if (value.empty()) throw UsageError(name + " needs a value");
    return value;
  }
  if (arg != name) return std::nullopt;
  if (i + 1 >= args.size() || args[i + 1].rfind("--", 0) == 0) throw UsageError(name + " needs a value");
  return args[++i];
}

}  // namespace

Arguments parse_arguments(const std::vector<std::string>& args) {
  Arguments out;
  std::optional<Command> command;
  bool help = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      help = true;
    } else if (auto data = option_value("--data", args, i)) {
      out.data_dir = *data;
    } else if (auto assets = option_value("--assets", args, i)) {
      out.assets_dir = *assets;
    } else if (auto server = option_value("--server", args, i)) {
      out.server = *server;
    } else if (auto key = option_value("--api-key", args, i)) {
      out.api_key = *key;
    } else if (auto bundle = option_value("--ca-bundle", args, i)) {
      out.ca_bundle = *bundle;
    } else if (auto media = option_value("--media", args, i)) {
      out.media.push_back(*media);
    } else if (auto retry = option_value("--retry-for", args, i)) {
      try {
        out.retry_for_seconds = std::stoi(*retry);
      } catch (const std::exception&) {
        throw UsageError("--retry-for takes a number of seconds");
      }
      if (out.retry_for_seconds < 0) throw UsageError("--retry-for takes a number of seconds");
    } else if (arg == "--json") {
      out.json = true;
    } else if (arg.rfind("-", 0) == 0) {
      throw UsageError("Unknown option " + arg + ".");
    } else if (command) {
      throw UsageError("Give one command; " + arg + " is extra.");
    } else if (arg == "enqueue") {
      command = Command::Enqueue;
    } else if (arg == "status") {
      command = Command::Status;
    } else if (arg == "push") {
      command = Command::Push;
    } else if (arg == "pull") {
      command = Command::Pull;
    } else if (arg == "retry") {
      command = Command::Retry;
    } else {
      throw UsageError("Unknown command " + arg + ".");
    }
  }
  if (help) return Arguments{};  // --help wins, whatever else was given
  if (!command) throw UsageError("Give a command: enqueue, status, push, pull or retry.");
  out.command = *command;
  if (out.data_dir.empty()) throw UsageError("Give the kiosk's data folder with --data DIR.");
  if (out.json && out.command != Command::Status) throw UsageError("--json goes with the status command only.");
  if (!out.media.empty() && out.command != Command::Enqueue) throw UsageError("--media goes with enqueue only.");
  if (out.retry_for_seconds > 0 && out.command != Command::Push) throw UsageError("--retry-for goes with push only.");
  return out;
}

std::string usage() {
  return "Usage: oneservice-sync --data DIR [--assets DIR] COMMAND\n"
         "\n"
         "Works on the request store DIR/outbox.sqlite3 of a oneservice kiosk.\n"
         "\n"
         "Commands:\n"
         "  enqueue [--media FILE]...  Read one request as JSON on standard input, check it against\n"
         "                   the catalogue and queue it (with photos). Prints the request's reference.\n"
         "  status [--json]  Show how many requests are in each state.\n"
         "  push [--retry-for SECONDS]  Send the queued requests to the council, showing progress.\n"
         "  pull             Fetch the council's catalogue (if changed) and status updates.\n"
         "  retry            Put every request needing attention back in the queue (once the\n"
         "                   cause, such as a revoked key, is fixed); the next push sends them.\n"
         "\n"
         "Options:\n"
         "  --data DIR       The kiosk's data folder (required).\n"
         "  --assets DIR     Where the bundled council catalogue is (default: built in).\n"
         "  --server URL     The council's Open311 base (default http://127.0.0.1:8311/open311/v2).\n"
         "  --api-key KEY    This device's key (or set ONESERVICE_API_KEY).\n"
         "  --ca-bundle FILE The council's own CA certificates, if it uses its own.\n"
         "  --help           Show this help.\n"
         "\n"
         "Exit status: 0 done; 1 the request has a problem and nothing was queued;\n"
         "2 the command line, the store or the catalogue has a problem;\n"
         "3 push or pull left something undelivered or could not reach the council.\n";
}

}  // namespace oneservice::sync::cli
