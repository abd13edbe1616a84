#pragma once
// The one line the kiosk shows about sending: plain words, no jargon, and
// never anything about a particular resident's request.
#include <string>

#include "sync/sync_engine.h"

namespace oneservice::kiosk {

std::string sync_status_text(const sync::SyncSnapshot& snapshot);

}  // namespace oneservice::kiosk
