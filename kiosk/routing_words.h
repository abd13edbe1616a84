#pragma once
// Who will deal with a request, in the resident's language: shared/'s one
// wording of the routing notice (routing_notice), through the kiosk's
// translations.
#include <string>

#include "kiosk/widgets.h"
#include "shared/routing.h"

namespace oneservice::kiosk {

std::string routing_notice(const ui::Context& ui, const RoutingDecision& decision);

}  // namespace oneservice::kiosk
