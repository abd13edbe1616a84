#include "field_tablet_double.h"

#include "shared/identity.h"

namespace oneservice::kiosk::testing {

using field::SignInAnswer;
using field::SignInOutcome;

field::FieldLinks TabletDouble::links() {
  field::FieldLinks links;
  links.sign_in_online = [this](const std::string& name, const std::string& secret, const std::string& pin) {
    if (!reachable) return SignInAnswer{SignInOutcome::NoConnection, {}, 0, {}};
    const auto found = accounts.find(name);
    if (found == accounts.end() || found->second.secret != secret)
      return SignInAnswer{SignInOutcome::WrongNameOrSecret, {}, 0, {}};
    if (pin.size() < 6) return SignInAnswer{SignInOutcome::PinNotAllowed, {}, 0, {}};
    found->second.pin = pin;
    found->second.has_pin = true;
    found->second.wrong_pins = 0;
    return SignInAnswer{SignInOutcome::SignedIn, {name, "officer", found->second.team}, 0, {}};
  };
  links.sign_in_with_pin = [this](const std::string& name, const std::string& pin) {
    const auto found = accounts.find(name);
    if (found == accounts.end() || !found->second.has_pin)
      return SignInAnswer{SignInOutcome::NoOfflineSignIn, {}, 0, {}};
    auto& account = found->second;
    if (account.wrong_pins >= 5) return SignInAnswer{SignInOutcome::PinLocked, {}, 0, {}};
    if (account.pin != pin) {
      ++account.wrong_pins;
      if (account.wrong_pins >= 5) return SignInAnswer{SignInOutcome::PinLocked, {}, 0, {}};
      return SignInAnswer{SignInOutcome::WrongPin, {}, 5 - account.wrong_pins, {}};
    }
    account.wrong_pins = 0;
    return SignInAnswer{SignInOutcome::SignedIn, {name, "officer", account.team}, 0, {}};
  };
  links.offline_sign_ins = [this] {
    std::vector<field::Officer> officers;
    for (const auto& [name, account] : accounts)
      if (account.has_pin && account.wrong_pins < 5) officers.push_back({name, "officer", account.team});
    return officers;
  };
  links.sign_out = [this](const std::string&) { ++sign_outs; };
  links.queue_report = [this](const ServiceRequest& request, const std::vector<field::FieldPhoto>&,
                              const std::string& staff) {
    queued.emplace_back(staff, request);
    drafts.erase(request.client_id);
    return local_reference(request.client_id);
  };
  links.save_draft = [this](const ServiceRequest& request, const std::vector<field::FieldPhoto>& photos,
                            const std::string& staff) {
    drafts[request.client_id] = {staff, field::Draft{request, photos}};
    return request.client_id;
  };
  links.drafts_of = [this](const std::string& staff) {
    std::vector<field::DraftSummary> out;
    for (const auto& [id, entry] : drafts)
      if (entry.first == staff)
        out.push_back({id,
                       local_reference(id),
                       entry.second.request.service_code,
                       "2026-11-22T12:00:00Z",
                       !entry.second.request.answers.empty() && entry.second.request.location.has_point(),
                       {}});
    return out;
  };
  links.load_draft = [this](const std::string& id, const std::string& staff) -> std::optional<field::Draft> {
    const auto found = drafts.find(id);
    if (found == drafts.end() || found->second.first != staff) return std::nullopt;
    return found->second.second;
  };
  links.gps = [this] { return gps.value_or(field::GpsReading{}); };
  return links;
}

}  // namespace oneservice::kiosk::testing
