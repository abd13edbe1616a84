#pragma once
// A report an officer makes on patrol, queued under their name: the push
// sends it with their stored Bearer token (an ended token still names them
// at central) and without its photos, which follow it one request each once
// the report has its reference, so a report on a weak link never waits for
// its photos (sync/photo_uploads.h).
#include <string>
#include <vector>

#include "sync/outbox.h"

namespace oneservice::sync {

// Like Outbox::enqueue (a prepared request, committed FULL, a repeat with
// the same content is harmless) with the member's name on it.
std::string enqueue_for_staff(Outbox& outbox, const ServiceRequest& request,
                              const std::vector<MediaAttachment>& photos, const std::string& staff);

// That member's queued and sent reports (never another's), oldest first.
std::vector<OutboxEntry> reports_of(const Outbox& outbox, const std::string& staff);

}  // namespace oneservice::sync
