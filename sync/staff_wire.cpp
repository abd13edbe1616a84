#include "sync/staff_wire.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace oneservice::sync {
namespace {

using nlohmann::json;

const json& first_item(const json& doc) {
  if (doc.is_array() && !doc.empty()) return doc[0];
  if (doc.is_object()) return doc;
  throw json::type_error::create(302, "expected an object", &doc);
}

std::string text(const json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) return {};
  if (found->is_number_integer()) return found->dump();
  return found->get<std::string>();  // throws on anything else
}

std::int64_t whole(const json& object, const char* key) {
  const auto& value = object.at(key);
  if (value.is_string()) return std::stoll(value.get<std::string>());
  return value.get<std::int64_t>();
}

}  // namespace

std::optional<Argon2Limits> argon2id_limits(const std::string& verifier) {
  unsigned long m = 0, t = 0, p = 0;
  int used = 0;
  if (std::sscanf(verifier.c_str(), "$argon2id$v=19$m=%lu,t=%lu,p=%lu$%n", &m, &t, &p, &used) != 3 || used == 0)
    return std::nullopt;
  Argon2Limits out;
  out.opslimit = t;
  out.memlimit = static_cast<std::size_t>(m) * 1024u;
  return out;
}

SessionAnswer read_session_answer(const std::string& body) {
  const auto doc = json::parse(body);
  const auto& item = first_item(doc);
  SessionAnswer out;
  out.member = {text(item, "name"), text(item, "role"), text(item, "team")};
  out.token = text(item, "token");
  out.expires_at = text(item, "expires_at");
  if (out.token.empty() || out.member.name.empty())
    throw json::other_error::create(501, "a sign-in answer without a token", &item);
  if (const auto found = item.find("pin_verifier"); found != item.end() && found->is_object()) {
    StoredVerifier verifier;
    verifier.id = whole(*found, "id");
    verifier.verifier = text(*found, "verifier");
    verifier.fingerprint = text(*found, "fingerprint");
    verifier.expires_at = text(*found, "expires_at");
    out.verifier = verifier;
  }
  return out;
}

std::vector<std::pair<std::int64_t, std::string>> read_verifier_list(const std::string& body) {
  const auto doc = json::parse(body);
  if (!doc.is_array()) throw json::type_error::create(302, "expected a list", &doc);
  std::vector<std::pair<std::int64_t, std::string>> out;
  for (const auto& item : doc) out.emplace_back(whole(item, "id"), text(item, "fingerprint"));
  return out;
}

}  // namespace oneservice::sync
