#pragma once
// The one line the kiosk shows about sending: plain words, no jargon, and
// never anything about a particular resident's request.
#include <string>

#include "kiosk/translator.h"
#include "sync/sync_engine.h"

namespace oneservice::kiosk {

// In the translator's language; English without one.
std::string sync_status_text(const sync::SyncSnapshot& snapshot, const Translator& translator = Translator());

}  // namespace oneservice::kiosk
