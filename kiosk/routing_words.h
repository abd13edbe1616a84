#pragma once
// Who will deal with a request, in the resident's language. shared/route()
// words its notice in English for every channel (and the central server's
// records); the kiosk shows that notice as it is in English and says the
// same facts in its own words in another language.
#include <string>

#include "kiosk/widgets.h"
#include "shared/routing.h"

namespace oneservice::kiosk {

std::string routing_notice(const ui::Context& ui, const RoutingDecision& decision);

}  // namespace oneservice::kiosk
