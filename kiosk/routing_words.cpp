#include "kiosk/routing_words.h"

namespace oneservice::kiosk {

std::string routing_notice(const ui::Context& ui, const RoutingDecision& decision) {
  if (ui.language() == "en") return decision.notice;
  if (!decision.body) return ui.tr("We cannot tell which council will deal with this.");
  std::string notice = format(ui.tr("{council} will deal with this."), {{"council", decision.body->name}});
  // Names, roles, addresses and numbers are the council's own: not translated.
  const std::string details = contact_details(decision.body->contact);
  if (!details.empty()) notice += " " + format(ui.tr("Contact: {details}."), {{"details", details}});
  return notice;
}

}  // namespace oneservice::kiosk
