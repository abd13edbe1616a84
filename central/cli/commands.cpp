#include "central/cli/commands.h"

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "central/case_store.h"
#include "central/cli/arguments.h"
#include "central/cli/backup_command.h"
#include "central/cli/digest_command.h"
#include "central/cli/staff_command.h"
#include "central/cli/job_commands.h"
#include "central/report_format.h"
#include "central/staff_report_format.h"
#include "central/server.h"
#include "shared/clock.h"

namespace oneservice::central::cli {
namespace {

std::string default_data_dir() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::string(xdg) + "/oneservice-central";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.local/share/oneservice-central";
  return "oneservice-central-data";
}

int problem(const std::string& message, int code = 2) {
  std::fprintf(stderr, "oneservice-central: %s\n", message.c_str());
  return code;
}

int serve_command(const Arguments& args) {
  ServeOptions options;
  options.data_dir = args.flag("--data", default_data_dir());
  options.assets_dir = args.flag("--assets", ONESERVICE_ASSETS_DIR);
  options.council = args.flag("--council", options.council);
  options.tls_cert = args.flag("--tls-cert");
  options.tls_key = args.flag("--tls-key");
  options.locale_dir = args.flag("--locale", ONESERVICE_LOCALE_DIR);
  options.report_url = args.flag("--report-url");
  options.public_url = args.flag("--public-url");
  // The relay's URL may hold a password: ONESERVICE_SMTP_URL keeps it out of
  // the process list.
  const char* smtp_env = std::getenv("ONESERVICE_SMTP_URL");
  options.smtp_url = args.flag("--smtp", smtp_env ? smtp_env : "");
  options.mail_from = args.flag("--mail-from");
  options.trusted_proxy = args.flag("--trusted-proxy");
  if (!options.smtp_url.empty() && options.mail_from.find('@') == std::string::npos)
    return problem("--smtp needs --mail-from, the address residents' emails come from, like "
                   "\"Wealdshire County Council <no-reply@wealdshire.example>\"");
  if (options.tls_cert.empty() != options.tls_key.empty())
    return problem("--tls-cert and --tls-key go together: give both to serve HTTPS");
  const auto listen_on = args.flag("--listen", "127.0.0.1:8311");
  if (!options.smtp_url.empty() && options.public_url.empty() &&
      (listen_on.rfind("0.0.0.0:", 0) == 0 || listen_on.rfind("[::]:", 0) == 0))
    return problem("--smtp needs --public-url when listening on every address: the emails' links must say where "
                   "residents reach this server, like https://track.wealdshire.example");
  const auto listen = args.flag("--listen", "127.0.0.1:8311");
  const auto colon = listen.rfind(':');
  try {
    if (colon == std::string::npos) throw std::invalid_argument("no port");
    options.host = listen.substr(0, colon);
    std::size_t used = 0;
    options.port = std::stoi(listen.substr(colon + 1), &used);
    if (used != listen.size() - colon - 1 || options.port < 0 || options.port > 65535)
      throw std::invalid_argument("bad port");
    if (args.has("--threads")) options.threads = std::stoi(args.flag("--threads"));
  } catch (const std::exception&) {
    return problem("--listen takes an address and port like 127.0.0.1:8311, --threads a number");
  }
  if (options.threads < 2 || options.threads > 1024) return problem("--threads must be between 2 and 1024");
  return serve(options);
}

int key_command(const Arguments& args, CaseStore& store) {
  const auto action = args.words.size() > 1 ? args.words[1] : "";
  if (action == "add") {
    const auto name = args.flag("--name");
    const auto channel = args.flag("--channel");
    if (name.empty()) return problem("key add needs --name, for example --name \"Ashcombe Library kiosk\"");
    if (channel != "kiosk" && channel != "field" && channel != "assisted" && channel != "web")
      return problem("key add needs --channel kiosk, field, assisted or web");
    Device device;
    const auto key = store.add_key(name, channel, &device);
    std::printf("%s\n", key.c_str());
    std::fprintf(stderr, "Key %lld made for %s (%s). It is shown only now: keep it in the device's config.\n",
                 static_cast<long long>(device.id), name.c_str(), channel.c_str());
    return 0;
  }
  if (action == "list") {
    std::printf("%-6s %-10s %-22s %-22s %s\n", "id", "channel", "created", "revoked", "name");
    for (const auto& device : store.list_keys())
      std::printf("%-6lld %-10s %-22s %-22s %s\n", static_cast<long long>(device.id), device.channel.c_str(),
                  device.created_at.c_str(), device.revoked_at.empty() ? "-" : device.revoked_at.c_str(),
                  device.name.c_str());
    return 0;
  }
  if (action == "revoke") {
    if (args.words.size() < 3) return problem("key revoke needs the key's id, as key list shows it");
    long long id = 0;
    try {
      id = std::stoll(args.words[2]);
    } catch (const std::exception&) {
      return problem("key revoke needs the key's id (a number), as key list shows it");
    }
    if (!store.revoke_key(id)) return problem("There is no working key with id " + args.words[2], 1);
    std::fprintf(stderr, "Key %lld revoked: that device can no longer send requests.\n", id);
    return 0;
  }
  return problem("key takes add, list or revoke");
}

int case_command(const Arguments& args, CaseStore& store) {
  if (is_job_command(args)) return job_command(args, store);
  if (args.words.size() < 3 || args.words[1] != "update")
    return problem("use: case update ID --status STATUS --note TEXT [--private-note TEXT]");
  NewUpdate update;
  update.service_request_id = args.words[2];
  if (args.has("--status")) {
    update.status = parse_case_status(args.flag("--status"));
    if (!update.status) return problem("--status must be one of " + case_status_names());
  }
  update.public_note = args.flag("--note");
  update.private_note = args.flag("--private-note");
  if (!update.status && update.public_note.empty() && update.private_note.empty())
    return problem("case update needs --status, --note or --private-note");
  try {
    const auto result = store.add_update(update);
    // Only a well-formed id is repeated: anything else might be text someone typed.
    if (result.outcome == UpdateOutcome::UnknownCase) return problem("There is no case with that id.", 1);
    std::printf("%lld\n", static_cast<long long>(result.update.update_id));
    return 0;
  } catch (const CentralStoreError& error) {
    return problem(error.what(), 1);
  }
}

int report_command(const Arguments& args, CaseStore& store) {
  const auto kind = args.words.size() > 1 ? args.words[1] : "";
  if (kind == "digest") return digest_command(args, store);
  const auto format = args.flag("--format", "json");
  if (format != "json" && format != "csv") return problem("--format must be json or csv");
  const auto since_text = args.flag("--since", "1970-01-01");
  const auto since = parse_iso8601(since_text);
  if (!since) return problem("--since takes a date like 2026-11-01");
  const auto period = args.flag("--period", "month");
  try {
    std::string out;
    if (kind == "top-issues") out = format_top_issues(store.top_issues(format_utc(*since), period), format);
    else if (kind == "channels") out = format_channels(store.channels(format_utc(*since), period), format);
    else if (kind == "staff") out = format_staff_report(store.staff_report(format_utc(*since), period), format);
    else if (kind == "assisted")
      out = format_assisted_report(store.assisted_report(format_utc(*since), period), format);
    else return problem("report takes top-issues, channels, staff or assisted");
    std::fputs(out.c_str(), stdout);
    return 0;
  } catch (const CentralStoreError& error) {
    return problem(error.what());
  }
}

}  // namespace

std::string usage() {
  return "Usage: oneservice-central COMMAND [--data DIR]\n"
         "  serve [--listen 127.0.0.1:8311] [--assets DIR] [--council NAME] [--tls-cert FILE --tls-key FILE] [--threads N]\n"
         "        [--locale DIR] [--report-url URL-with-{service_code}] [--public-url URL]\n"
         "        [--smtp smtp://HOST:PORT --mail-from ADDRESS]   (or ONESERVICE_SMTP_URL)\n"
         "        [--trusted-proxy 127.0.0.1]   behind nginx: its X-Real-IP names the client\n"
         "  key add --name NAME --channel kiosk|field|assisted|web    prints a new device key\n"
         "  key list | key revoke ID\n"
         "  staff add --name NAME --role officer|helper|manager [--team TEAM] [--secret-stdin]\n"
         "                                     prints a new secret, or reads one line from stdin\n"
         "  staff list | staff disable NAME | staff reset NAME [--secret-stdin]\n"
         "  case update ID [--status STATUS] [--note TEXT] [--private-note TEXT]\n" +
         std::string(kJobUsage) +
         "  report top-issues|channels|staff|assisted [--since DATE] [--period day|week|month] [--format json|csv]\n" +
         std::string(kDigestUsage) + std::string(kBackupUsage) +
         "--data defaults to ~/.local/share/oneservice-central.\n";
}

int run(const std::vector<std::string>& argv) {
  const auto args = parse_arguments(argv, {"--help", kSecretFromStdin});
  if (args.has("--help") || args.words.empty()) {
    std::fputs(usage().c_str(), args.words.empty() && !args.has("--help") ? stderr : stdout);
    return args.has("--help") ? 0 : 2;
  }
  if (!args.error.empty()) return problem(args.error + "\n" + usage());
  const auto& command = args.words[0];
  if (command == "serve") return serve_command(args);
  // Not through a CaseStore: that would start a writer and run migrations
  // on the store a server is using.
  if (command == "backup") return backup_command(args, args.flag("--data", default_data_dir()));
  if (command != "key" && command != "case" && command != "report" && command != "staff") return problem("unknown command " + command + "\n" + usage());
  try {
    CaseStore store(args.flag("--data", default_data_dir()));
    if (command == "key") return key_command(args, store);
    if (command == "case") return case_command(args, store);
    if (command == "staff") return staff_command(args, store);
    return report_command(args, store);
  } catch (const CentralStoreError& error) {
    return problem(error.what());
  }
}

}  // namespace oneservice::central::cli
