#pragma once
// Who will deal with a request, in the resident's language: shared/'s one
// wording of the routing notice (routing_notice), through the kiosk's
// translations, with the bodies' names and their contacts' roles in the
// council's own translation ("Clerc y Plwyf" for "Parish Clerk").
#include <string>
#include <vector>

#include "kiosk/widgets.h"
#include "shared/routing.h"

namespace oneservice::kiosk {

std::string routing_notice(const ui::Context& ui, const RoutingDecision& decision);

// A body's name as the council gives it in the resident's language.
std::string body_name(const ui::Context& ui, const Area& area);

// "This place is in the area of:" and the bodies, smallest first, each on a
// line of its own (a list needs no "and", which some languages change by
// the word that follows). The county is left out when a smaller area holds
// the place.
void draw_area_list(ui::Context& ui, const std::vector<const Area*>& areas);

}  // namespace oneservice::kiosk
