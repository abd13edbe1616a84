#include "sync/staff_sign_in.h"

#include <sodium.h>

#include <nlohmann/json.hpp>

#include "sync/net/http_transport.h"
#include "sync/open311_wire.h"
#include "sync/outbox_access.h"
#include "sync/staff_store.h"
#include "sync/staff_wire.h"

namespace oneservice::sync {
namespace {

SignInResult outcome(SignInOutcome kind, std::string words = {}) {
  SignInResult result;
  result.outcome = kind;
  result.server_words = std::move(words);
  return result;
}

// The limits are read from the string that will be verified, not from the
// fields central sends beside it.
bool affordable(const std::string& verifier) {
  const auto limits = argon2id_limits(verifier);
  return limits && limits->opslimit > 0 && limits->opslimit <= kMaxVerifierOps && limits->memlimit > 0 &&
         limits->memlimit <= kMaxVerifierMemory;
}

SignInResult judge_refusal(const net::HttpResponse& response, bool pin_sent) {
  const auto words = open311_error_text(response.body);
  switch (response.status) {
    case 401: return outcome(SignInOutcome::WrongNameOrSecret, words);
    // Both of central's 403s come here: the device key's names the api_key.
    case 403:
      return outcome(words.find("api_key") != std::string::npos ? SignInOutcome::DeviceRefused
                                                                 : SignInOutcome::AccountDisabled,
                     words);
    case 400:
      if (pin_sent && !words.empty()) return outcome(SignInOutcome::PinNotAllowed, words);
      break;
    default: break;
  }
  return outcome(SignInOutcome::ServerProblem, words);
}

}  // namespace

SignInResult sign_in_online(Outbox& outbox, const ServerConfig& server, const std::string& name,
                            const std::string& secret, const std::string& new_pin) {
  net::TransportOptions options;
  options.ca_bundle = server.ca_bundle;
  options.max_in_flight = 1;
  net::HttpTransport transport(options);
  net::HttpRequest request;
  request.method = "POST";
  request.url = server.endpoint("staff/sessions.json");
  request.form = {{"api_key", server.api_key, "", ""}, {"name", name, "", ""}, {"secret", secret, "", ""}};
  if (!new_pin.empty()) request.form.push_back({"pin", new_pin, "", ""});
  const auto response = transport.perform(std::move(request));
  if (response.error != net::NetError::None) return outcome(SignInOutcome::NoConnection);
  if (response.status != 200) return judge_refusal(response, !new_pin.empty());

  SessionAnswer answer;
  try {
    answer = read_session_answer(response.body);
  } catch (const std::exception&) {
    return outcome(SignInOutcome::ServerProblem);
  }
  // A verifier asking more than this tablet can give is not kept: offline
  // sign-in is unavailable for the member rather than slow or crashing.
  std::optional<StoredVerifier> verifier;
  if (answer.verifier && affordable(answer.verifier->verifier)) verifier = answer.verifier;
  StaffStore(outbox).store_session(answer.member, answer.token, answer.expires_at, verifier);
  auto result = outcome(SignInOutcome::SignedIn);
  result.member = answer.member;
  result.pins_left = kMaxWrongPins;
  return result;
}

SignInResult sign_in_with_pin(Outbox& outbox, const std::string& name, const std::string& pin) {
  StaffStore store(outbox);
  const auto session = store.session(name);
  if (!session || !session->verifier) return outcome(SignInOutcome::NoOfflineSignIn);
  if (session->wrong_pins >= kMaxWrongPins) return outcome(SignInOutcome::PinLocked);
  if (session->verifier->expires_at <= detail::OutboxAccess::now(outbox))
    return outcome(SignInOutcome::PinExpired);
  if (!affordable(session->verifier->verifier)) return outcome(SignInOutcome::NoOfflineSignIn);
  if (sodium_init() < 0) return outcome(SignInOutcome::ServerProblem);

  const int attempts = store.count_pin_attempt(session->member.name);
  const auto& verifier = session->verifier->verifier;
  if (crypto_pwhash_str_verify(verifier.c_str(), pin.data(), pin.size()) == 0) {
    store.pin_was_right(session->member.name);
    auto result = outcome(SignInOutcome::SignedIn);
    result.member = session->member;
    result.pins_left = kMaxWrongPins;
    return result;
  }
  auto result = outcome(attempts >= kMaxWrongPins ? SignInOutcome::PinLocked : SignInOutcome::WrongPin);
  result.pins_left = std::max(0, kMaxWrongPins - attempts);
  return result;
}

std::vector<StaffMember> offline_sign_ins(const Outbox& outbox) {
  const auto now = detail::OutboxAccess::now(outbox);
  std::vector<StaffMember> out;
  for (const auto& session : read_sessions(outbox))
    if (session.verifier && session.verifier->expires_at > now && session.wrong_pins < kMaxWrongPins)
      out.push_back(session.member);
  return out;
}

void sign_out(Outbox& outbox, const std::string& name) { StaffStore(outbox).request_sign_out(name); }

}  // namespace oneservice::sync
