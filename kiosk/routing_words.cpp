#include "kiosk/routing_words.h"

#include "kiosk/translator.h"

namespace oneservice::kiosk {

std::string routing_notice(const ui::Context& ui, const RoutingDecision& decision) {
  return oneservice::routing_notice(decision, ui.translator ? ui.translator->wording() : Wording::english());
}

}  // namespace oneservice::kiosk
