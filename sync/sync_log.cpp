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
void waiting(SyncLogEntry& entry, const std::string& last_error, const std::string& next_attempt_at) {
  entry.state = "waiting";
  if (!last_error.empty() && !next_attempt_at.empty()) {
    entry.reason = "retry_at";
    entry.retry_at = next_attempt_at;
  } else {
    entry.reason = "no_signal";
  }
}

void add_reports(const Outbox& outbox, const std::string& staff, std::vector<SyncLogEntry>& out) {
  sqlite::Statement select(OutboxAccess::db(outbox),
                           "SELECT local_ref, server_ref, service_code, queued_at, accepted_at, state, last_error, "
                           "next_attempt_at FROM requests WHERE staff = ?1 AND state <> 'draft'");
  select.bind(1, staff);
  while (select.step()) {
    SyncLogEntry e;
    e.kind = "report";
    e.reference = select.text(1).empty() ? select.text(0) : select.text(1);
    e.what = select.text(2);
    e.queued_at = select.text(3);
    e.sent_at = select.text(4);
    const auto state = select.text(5);
    if (state == "accepted") e.state = "sent";
    else if (state == "needs_attention") {
      e.state = "needs_attention";
      e.council_words = select.text(6);
    } else waiting(e, select.text(6), select.text(7));
    out.push_back(std::move(e));
  }
}

void add_photos(const Outbox& outbox, const std::string& staff, std::vector<SyncLogEntry>& out) {
  sqlite::Statement select(OutboxAccess::db(outbox),
                           "SELECT r.local_ref, r.server_ref, p.file_name, r.queued_at, p.sent_at, p.state, "
                           "p.last_error, p.next_attempt_at, r.state FROM report_photos p "
                           "JOIN requests r ON r.client_id = p.client_id WHERE r.staff = ?1");
  select.bind(1, staff);
  while (select.step()) {
    SyncLogEntry e;
    e.kind = "photo";
    e.reference = select.text(1).empty() ? select.text(0) : select.text(1);
    e.what = select.text(2);
    e.queued_at = select.text(3);
    e.sent_at = select.text(4);
    const auto state = select.text(5);
    if (state == "sent") e.state = "sent";
    else if (state == "needs_attention") {
      e.state = "needs_attention";
      e.council_words = select.text(6);
    } else if (select.text(8) != "accepted") {
      e.state = "waiting";
      e.reason = "report_first";
    } else waiting(e, select.text(6), select.text(7));
    out.push_back(std::move(e));
  }
}

void add_updates(const Outbox& outbox, const std::string& staff, bool live, std::vector<SyncLogEntry>& out) {
  sqlite::Statement select(OutboxAccess::db(outbox),
                           "SELECT kind, service_request_id, status, queued_at, sent_at, state, last_error, "
                           "next_attempt_at, council_words FROM job_updates WHERE staff = ?1");
  select.bind(1, staff);
  while (select.step()) {
    SyncLogEntry e;
    e.kind = select.text(0);
    e.reference = select.text(1);
    e.what = select.text(2);
    e.queued_at = select.text(3);
    e.sent_at = select.text(4);
    const auto state = select.text(5);
    e.council_words = select.text(8);
    if (state == "sent" || state == "conflict" || state == "needs_attention") e.state = state;
    else if (e.kind == "update" && !live) {
      e.state = "waiting";
      e.reason = "sign_in";
    } else waiting(e, select.text(6), select.text(7));
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
    add_reports(outbox, staff, out);
    add_photos(outbox, staff, out);
    add_updates(outbox, staff, live, out);
  } catch (const sqlite::Failure& failure) {
    OutboxAccess::fail(outbox, failure, "while reading the sync log");
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const SyncLogEntry& a, const SyncLogEntry& b) { return a.queued_at > b.queued_at; });
  return out;
}

}  // namespace oneservice::sync
