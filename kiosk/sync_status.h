#pragma once
// The one line the kiosk shows about sending: plain words, no jargon, and
// never anything about a particular resident's request.
#include <string>

#include "kiosk/translator.h"
#include "kiosk/request_desk.h"

namespace oneservice::kiosk {

// In the translator's language; English without one.
std::string sync_status_text(const SenderStatus& sender, const Translator& translator = Translator());

}  // namespace oneservice::kiosk
