#include "central/cli/staff_command.h"

#include <cstdio>
#include <iostream>

#include "central/staff_messages.h"
#include "central/staff_role.h"
#include "central/store/staff.h"

namespace oneservice::central::cli {
namespace {

namespace msg = staff_messages;

int problem(const std::string& message, int code = 2) {
  std::fprintf(stderr, "oneservice-central: %s\n", message.c_str());
  return code;
}

// The secret for add or reset: one line of stdin with --secret-stdin (for a
// council's own password tooling), otherwise a generated one that is printed.
std::optional<std::string> secret_for(const Arguments& args, bool& generated) {
  generated = !args.has(kSecretFromStdin);
  if (generated) return store::new_staff_secret();
  std::string line;
  if (!std::getline(std::cin, line)) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

// The secret goes to stdout alone, so a script can take it; the words around
// it to stderr.
void show_secret(const std::string& secret, bool generated, const char* done) {
  if (generated) std::printf("%s\n", secret.c_str());
  std::fprintf(stderr, "%s\n", done);
  if (generated) std::fprintf(stderr, "%s\n", msg::kSecretShownOnce);
}

int add(const Arguments& args, CaseStore& store) {
  const auto name = args.flag("--name");
  const auto role = parse_staff_role(args.flag("--role"));
  if (name.empty() || !role) return problem(msg::kAddNeeds);
  bool generated = false;
  const auto secret = secret_for(args, generated);
  if (!secret) return problem(msg::kNoSecretOnStdin);
  try {
    store.add_staff(name, *role, args.flag("--team"), *secret);
    show_secret(*secret, generated, msg::kAccountMade);
    return 0;
  } catch (const CentralStoreError& error) {
    return problem(error.what(), 1);
  }
}

int list(CaseStore& store) {
  std::printf("%-6s %-8s %-22s %-20s %s\n", "id", "role", "disabled", "team", "name");
  for (const auto& member : store.list_staff())
    std::printf("%-6lld %-8s %-22s %-20s %s\n", static_cast<long long>(member.id), to_string(member.role).c_str(),
                member.disabled_at.empty() ? "-" : member.disabled_at.c_str(),
                member.team.empty() ? "-" : member.team.c_str(), member.name.c_str());
  return 0;
}

int disable(const Arguments& args, CaseStore& store) {
  if (args.words.size() < 3) return problem(msg::kDisableNeedsName);
  if (!store.disable_staff(args.words[2])) return problem(msg::kNoWorkingStaff, 1);
  std::fprintf(stderr, "%s\n", msg::kAccountDisabledDone);
  return 0;
}

int reset(const Arguments& args, CaseStore& store) {
  if (args.words.size() < 3) return problem(msg::kResetNeedsName);
  bool generated = false;
  const auto secret = secret_for(args, generated);
  if (!secret) return problem(msg::kNoSecretOnStdin);
  try {
    if (!store.reset_staff_secret(args.words[2], *secret)) return problem(msg::kNoWorkingStaff, 1);
  } catch (const CentralStoreError& error) {
    return problem(error.what(), 1);
  }
  show_secret(*secret, generated, msg::kSecretResetDone);
  return 0;
}

}  // namespace

int staff_command(const Arguments& args, CaseStore& store) {
  const auto action = args.words.size() > 1 ? args.words[1] : "";
  if (action == "add") return add(args, store);
  if (action == "list") return list(store);
  if (action == "disable") return disable(args, store);
  if (action == "reset") return reset(args, store);
  return problem(msg::kStaffTakes);
}

}  // namespace oneservice::central::cli
