#pragma once
// An officer's sync log: what was sent when, what waits and why, what needs
// attention in the council's own words. Only that member's entries.
#include <string>
#include <vector>

#include "sync/outbox.h"

namespace oneservice::sync {

struct SyncLogEntry {
  std::string kind;       // report, photo, update, join
  std::string reference;  // the local reference or the case's id
  std::string what;       // service code, status or file name
  std::string queued_at, sent_at;
  std::string state;      // sent, waiting, needs_attention, conflict
  // waiting: "no_signal", "sign_in" (needs a live session), "retry_at" (see
  // retry_at), "report_first" (a photo waits for its report); needs_attention
  // and conflict: empty, with the council's words in council_words.
  std::string reason;
  std::string retry_at;
  std::string council_words;
};

// Newest first.
std::vector<SyncLogEntry> sync_log(const Outbox& outbox, const std::string& staff);

}  // namespace oneservice::sync
