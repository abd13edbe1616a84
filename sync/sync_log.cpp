#include "sync/sync_log.h"

#include <sqlite3.h>

#include <algorithm>

#include "sync/outbox_access.h"
#include "sync/staff_store.h"

namespace oneservice::sync {
namespace {

using detail::OutboxAccess;

// Why something not yet sent waits: a retry time after a failure, or the
// tablet simply has not reached the council yet.
void why_waiting(SyncLogEntry& entry, const std::string& last_error, const std::string& next_attempt_at) {
  if (!last_error.empty() && !next_attempt_at.empty()) {
    entry.reason = "retry_at";
    entry.retry_at = next_attempt_at;
  } else {
    entry.reason = "no_signal";
  }
}

// Reports, the photos that follow them, and updates and joins, as one list
// of the same columns: kind, reference, what, queued_at, sent_at, state
// (sent, needs_attention, conflict or waiting), the council's words or the
// last error, the next attempt, whether it waits for its report, and
// whether it needs the member's session.
constexpr const char* kEntries = R"sql(
SELECT 'report', CASE WHEN server_ref = '' THEN local_ref ELSE server_ref END, service_code, queued_at,
       accepted_at, CASE state WHEN 'accepted' THEN 'sent' WHEN 'needs_attention' THEN 'needs_attention'
       ELSE 'waiting' END, last_error, next_attempt_at, 0, 0
  FROM requests WHERE staff = ?1 AND state <> 'draft'
UNION ALL
SELECT 'photo', CASE WHEN r.server_ref = '' THEN r.local_ref ELSE r.server_ref END, p.file_name, r.queued_at,
       p.sent_at, p.state, p.last_error, p.next_attempt_at,
       r.state <> 'accepted', 0
  FROM report_photos p JOIN requests r ON r.client_id = p.client_id WHERE r.staff = ?1
UNION ALL
SELECT kind, service_request_id, status, queued_at, sent_at,
       CASE WHEN state = 'sending' THEN 'waiting' ELSE state END,
       CASE WHEN council_words = '' THEN last_error ELSE council_words END, next_attempt_at, 0, kind = 'update'
  FROM job_updates WHERE staff = ?1
)sql";

void add_entries(const Outbox& outbox, const std::string& staff, bool live, std::vector<SyncLogEntry>& out) {
  sqlite::Statement select(OutboxAccess::db(outbox), kEntries);
  select.bind(1, staff);
  while (select.step()) {
    SyncLogEntry e;
    e.kind = select.text(0);
    e.reference = select.text(1);
    e.what = select.text(2);
    e.queued_at = select.text(3);
    e.sent_at = select.text(4);
    e.state = select.text(5);
    if (e.state != "waiting") e.council_words = select.text(6);
    else if (select.integer(9) == 1 && !live) e.reason = "sign_in";
    else if (select.integer(8) == 1) e.reason = "report_first";
    else why_waiting(e, select.text(6), select.text(7));
    out.push_back(std::move(e));
  }
}

}  // namespace

std::vector<SyncLogEntry> sync_log(const Outbox& outbox, const std::string& staff) {
  std::vector<SyncLogEntry> out;
  if (staff.empty()) return out;
  bool live = false;
  for (const auto& session : read_sessions(outbox))
    if (sqlite3_stricmp(session.member.name.c_str(), staff.c_str()) == 0) live = session.live;
  try {
    add_entries(outbox, staff, live, out);
  } catch (const sqlite::Failure& failure) {
    OutboxAccess::fail(outbox, failure, "while reading the sync log");
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const SyncLogEntry& a, const SyncLogEntry& b) { return a.queued_at > b.queued_at; });
  return out;
}

}  // namespace oneservice::sync
