#include "kiosk/routing_words.h"

namespace oneservice::kiosk {
namespace {

// "Margaret Thornton, Parish Clerk, clerk@…, 01632 960401": names, roles,
// addresses and numbers are the council's own and are not translated.
std::string contact_details(const BodyContact& contact) {
  std::string parts;
  for (const auto* part : {&contact.name, &contact.role, &contact.email, &contact.phone}) {
    if (part->empty() || (part == &contact.role && contact.name.find(contact.role) != std::string::npos)) continue;
    if (!parts.empty()) parts += ", ";
    parts += *part;
  }
  return parts;
}

}  // namespace

std::string routing_notice(const ui::Context& ui, const RoutingDecision& decision) {
  if (ui.language() == "en") return decision.notice;
  if (!decision.body) return ui.tr("We cannot tell which council will deal with this.");
  std::string notice = format(ui.tr("{council} will deal with this."), {{"council", decision.body->name}});
  const std::string details = contact_details(decision.body->contact);
  if (!details.empty()) notice += " " + format(ui.tr("Contact: {details}."), {{"details", details}});
  return notice;
}

}  // namespace oneservice::kiosk
