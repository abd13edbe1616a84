#include "central/open311/staff_api.h"

#include <httplib.h>

#include "central/open311/reply.h"
#include "central/open311/staff_auth.h"
#include "central/staff_messages.h"
#include "central/staff_role.h"
#include "central/store/password_hash.h"
#include "shared/text.h"

namespace oneservice::central::open311 {
namespace {

using nlohmann::json;
namespace msg = staff_messages;

constexpr const char* kFormats = "(json|xml)";

json member_fields(const StaffMember& member) {
  return {{"name", member.name}, {"role", to_string(member.role)}, {"team", member.team}};
}

json session_document(const StaffSession& session) {
  auto out = member_fields(session.staff);
  out["expires_at"] = session.expires_at;
  return out;
}

// What the tablet needs to check a PIN offline: the Argon2id string holds
// the salt and limits; they are repeated as fields so a device can refuse
// limits it cannot afford before it tries.
json verifier_document(const PinVerifier& verifier) {
  json out = {{"id", verifier.id},
              {"verifier", verifier.verifier},
              {"fingerprint", verifier.fingerprint},
              {"algorithm", "argon2id13"},
              {"issued_at", verifier.issued_at},
              {"expires_at", verifier.expires_at}};
  if (const auto limits = store::argon2id_limits(verifier.verifier)) {
    out["opslimit"] = limits->opslimit;
    out["memlimit"] = limits->memlimit;
  }
  return out;
}

}  // namespace

void StaffApi::install(httplib::Server& server, const std::string& v2) {
  server.Post(v2 + "staff/sessions\\." + kFormats, [this](const httplib::Request& req, httplib::Response& res) {
    sign_in(req, res, req.matches[1]);
  });
  server.Get(v2 + "staff/sessions/current\\." + kFormats,
             [this](const httplib::Request& req, httplib::Response& res) { current(req, res, req.matches[1]); });
  server.Delete(v2 + "staff/sessions/current\\." + kFormats,
                [this](const httplib::Request& req, httplib::Response& res) { sign_out(req, res, req.matches[1]); });
  server.Get(v2 + "staff/verifiers\\." + kFormats,
             [this](const httplib::Request& req, httplib::Response& res) { verifiers(req, res, req.matches[1]); });
}

void StaffApi::sign_in(const httplib::Request& req, httplib::Response& res, const std::string& format) {
  const auto device = require_device(store_, req, res, format);
  if (!device) return;
  SignIn attempt;
  attempt.device_id = device->id;
  attempt.device_channel = device->channel;
  attempt.name = request_field(req, "name");
  attempt.secret = request_field(req, "secret");
  attempt.pin = request_field(req, "pin");
  for (const auto* text : {&attempt.name, &attempt.secret, &attempt.pin})
    if (!is_valid_utf8(*text)) return fail(res, format, 400, {msg::kNotUtf8});
  if (attempt.name.empty() || attempt.secret.empty()) return fail(res, format, 400, {msg::kSignInFieldsMissing});
  const auto result = store_.sign_in(attempt);
  switch (result.outcome) {
    case SignInOutcome::WrongNameOrSecret: return fail(res, format, 401, {msg::kWrongNameOrSecret});
    case SignInOutcome::Disabled: return fail(res, format, 403, {msg::kAccountDisabled});
    case SignInOutcome::PinRefused:
      return fail(res, format, 400, {device->channel == "field" || device->channel == "assisted" ? msg::kPinRules
                                                                                                  : msg::kPinNotHere});
    case SignInOutcome::SignedIn: break;
  }
  auto document = session_document(result.session);
  document["token"] = result.token;
  if (result.verifier) document["pin_verifier"] = verifier_document(*result.verifier);
  res.set_header("Cache-Control", "no-store");
  reply(res, format, 200, json::array({document}), "staff_sessions", "staff_session");
}

void StaffApi::current(const httplib::Request& req, httplib::Response& res, const std::string& format) const {
  const auto session = require_staff(store_, req, res, format);
  if (!session) return;
  reply(res, format, 200, json::array({session_document(*session)}), "staff_sessions", "staff_session");
}

void StaffApi::sign_out(const httplib::Request& req, httplib::Response& res, const std::string& format) {
  const auto session = require_staff(store_, req, res, format);
  if (!session) return;
  // A sign-out racing another leaves the session ended either way.
  store_.sign_out(bearer_token(req), session->device_id);
  auto document = member_fields(session->staff);
  document["signed_out"] = true;
  reply(res, format, 200, json::array({document}), "staff_sessions", "staff_session");
}

void StaffApi::verifiers(const httplib::Request& req, httplib::Response& res, const std::string& format) const {
  const auto device = require_device(store_, req, res, format);
  if (!device) return;
  json list = json::array();
  for (const auto& verifier : store_.pin_verifiers(device->id)) {
    auto entry = member_fields(verifier.staff);
    entry["id"] = verifier.id;
    entry["fingerprint"] = verifier.fingerprint;
    entry["issued_at"] = verifier.issued_at;
    entry["expires_at"] = verifier.expires_at;
    list.push_back(entry);
  }
  res.set_header("Cache-Control", "no-store");
  reply(res, format, 200, list, "pin_verifiers", "pin_verifier");
}

}  // namespace oneservice::central::open311
