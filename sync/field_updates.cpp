// Officers' updates and joins, one after another per case. An update goes
// with its officer's session (Bearer): its private note and base version
// count only then, and central stores nothing on a 401, so it waits for a
// sign-in instead. A join goes with the device key: a note with photos
// (FieldSync::note_status), then a supporter under the same id; each step
// is done once and remembered, so a resend repeats nothing.
#include <set>

#include "sync/field_answers.h"
#include "sync/field_sync.h"
#include "sync/field_wire.h"
#include "sync/outbox_access.h"
#include "sync/staff_store.h"

namespace oneservice::sync {
namespace {

using detail::OutboxAccess;

struct DueUpdate {
  std::int64_t id = 0;
  std::string update_id, staff, service_request_id, kind, status, public_note, private_note, device_time, sent_at;
  std::optional<int> base_version, sent_version;
  int attempts = 0;
};

std::optional<int> optional_int(const sqlite::Statement& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return static_cast<int>(row.integer(column));
}

// The first unsent update of each case, if it is due.
std::vector<DueUpdate> due_updates(Outbox& outbox, const std::string& now) {
  sqlite::Statement select(OutboxAccess::db(outbox),
                           "SELECT id, update_id, staff, service_request_id, kind, status, public_note, private_note, "
                           "device_time, sent_at, base_version, sent_version, attempts FROM job_updates u "
                           "WHERE (state = 'waiting' OR state = 'sending') AND next_attempt_at <= ?1 AND id = ("
                           "SELECT min(id) FROM job_updates v WHERE v.staff = u.staff AND "
                           "v.service_request_id = u.service_request_id AND (v.state = 'waiting' OR "
                           "v.state = 'sending')) ORDER BY id");
  select.bind(1, now);
  std::vector<DueUpdate> out;
  while (select.step()) {
    DueUpdate u;
    u.id = select.integer(0);
    u.update_id = select.text(1);
    u.staff = select.text(2);
    u.service_request_id = select.text(3);
    u.kind = select.text(4);
    u.status = select.text(5);
    u.public_note = select.text(6);
    u.private_note = select.text(7);
    u.device_time = select.text(8);
    u.sent_at = select.text(9);
    u.base_version = optional_int(select, 10);
    u.sent_version = optional_int(select, 11);
    u.attempts = static_cast<int>(select.integer(12));
    out.push_back(std::move(u));
  }
  return out;
}

// The version this update starts from, fixed before its first attempt so
// every resend is the same update: as queued, or chained from the update
// before it on the same case (the version answered when it was applied,
// else the one it was sent from, so someone else's change still flags it).
int base_for(Outbox& outbox, const DueUpdate& u) {
  if (u.sent_version) return *u.sent_version;
  int base = 0;
  if (u.base_version) {
    base = *u.base_version;
  } else {
    sqlite::Statement before(OutboxAccess::db(outbox),
                             "SELECT state, answered_version, sent_version FROM job_updates WHERE staff = ?1 AND "
                             "service_request_id = ?2 AND kind = 'update' AND id < ?3 ORDER BY id DESC LIMIT 1");
    before.bind(1, u.staff).bind(2, u.service_request_id).bind(3, u.id);
    if (before.step() && before.text(0) == "sent" && !before.is_null(1)) base = static_cast<int>(before.integer(1));
    else if (!before.is_null(2)) base = static_cast<int>(before.integer(2));
  }
  sqlite::Statement fix(OutboxAccess::db(outbox), "UPDATE job_updates SET sent_version = ?2 WHERE id = ?1");
  fix.bind(1, u.id).bind(2, static_cast<std::int64_t>(base)).run();
  return base;
}

std::vector<MediaAttachment> photos_of(Outbox& outbox, const std::string& update_id) {
  sqlite::Statement select(OutboxAccess::db(outbox),
                           "SELECT file_name, content_type, bytes FROM job_update_media WHERE update_id = ?1 ORDER BY id");
  select.bind(1, update_id);
  std::vector<MediaAttachment> out;
  while (select.step()) out.push_back({select.text(0), select.text(1), select.blob(2)});
  return out;
}

void run(Outbox& outbox, const std::string& sql, std::int64_t id, const std::vector<std::string>& texts,
         std::optional<int> number = std::nullopt) {
  sqlite::Statement statement(OutboxAccess::db(outbox), sql);
  statement.bind(1, id);
  int index = 2;
  for (const auto& text : texts) statement.bind(index++, text);
  if (number) statement.bind(index, static_cast<std::int64_t>(*number));
  statement.run();
}

}  // namespace

bool FieldSync::push_updates(FieldPassResult& result, const std::atomic<bool>* stop) {
  StaffStore staff(outbox_);
  try {
    std::set<std::string> waiting_for_sign_in;
    for (int round = 0; round < 100; ++round) {
      bool progress = false;
      for (const auto& u : due_updates(outbox_, format_utc(clock_.now()))) {
        if (stop && stop->load()) return false;
        const bool with_session = u.kind == "update";
        std::optional<StoredSession> session;
        if (with_session) {
          if (waiting_for_sign_in.count(u.staff)) continue;
          session = staff.session(u.staff);
          if (!session || !session->live) {
            waiting_for_sign_in.insert(u.staff);
            continue;
          }
        }
        const bool supporter_step = u.kind == "join" && !u.sent_at.empty();
        net::HttpRequest request;
        request.method = "POST";
        if (supporter_step) {
          request.url = server_.endpoint("requests/" + net::url_encode(u.service_request_id) + "/supporters.json");
          request.form = {{"api_key", server_.api_key, "", ""}, {"client_id", u.update_id, "", ""}};
        } else {
          auto status = u.status;
          if (!with_session && status.empty()) {
            // A join is a note: OPEN or CLOSED as the case is, fixed now.
            const auto now_status = note_status(u.service_request_id, result);
            if (!now_status) return false;
            status = *now_status;
            run(outbox_, "UPDATE job_updates SET status = ?2 WHERE id = ?1", u.id, {status});
          }
          UpdateFields fields{u.service_request_id, u.update_id, status, u.public_note, "", u.device_time, {}};
          if (with_session) {
            fields.private_note = u.private_note;
            fields.base_version = base_for(outbox_, u);
            request.headers.emplace_back("Authorization", "Bearer " + session->token);
          }
          request.url = server_.endpoint("servicerequestupdates.json");
          request.form = update_form(fields, photos_of(outbox_, u.update_id), server_.api_key);
        }
        const auto response = exchange(std::move(request), result);
        const auto outcome = judge_field_answer(response, clock_.now(), with_session);
        const auto now = format_utc(clock_.now());
        switch (outcome.kind) {
          case FieldOutcome::Kind::Done: {
            if (supporter_step) {
              run(outbox_, "UPDATE job_updates SET state = 'sent', supporter_sent = 1 WHERE id = ?1", u.id, {});
              ++result.sent;
              progress = true;
              break;
            }
            UpdateAnswer answer;
            try {
              answer = read_update_answer(response.body);
            } catch (const std::exception&) {
              // Cut short on the way: the resend is the same update.
              run(outbox_, "UPDATE job_updates SET attempts = attempts + 1, last_error = ?2, next_attempt_at = ?3 "
                           "WHERE id = ?1",
                  u.id, {"the council's answer could not be read", retry_time(u.attempts + 1, std::nullopt)});
              break;
            }
            const char* state = u.kind == "join" ? "waiting" : answer.applied ? "sent" : "conflict";
            run(outbox_,
                "UPDATE job_updates SET state = ?2, sent_at = ?3, last_error = '', next_attempt_at = '', "
                "answered_version = ?4 WHERE id = ?1",
                u.id, {state, now}, answer.version);
            // The council has the photos now: the tablet need not keep them.
            run(outbox_, "DELETE FROM job_update_media WHERE update_id = (SELECT update_id FROM job_updates "
                         "WHERE id = ?1)", u.id, {});
            ++result.sent;
            progress = true;
            break;
          }
          case FieldOutcome::Kind::SignInNeeded:
            staff.token_refused(u.staff);
            waiting_for_sign_in.insert(u.staff);
            break;
          case FieldOutcome::Kind::Permanent:
            // A join's notes already went: a supporter refused (a case
            // closed meanwhile) leaves it sent, with the council's words.
            run(outbox_, "UPDATE job_updates SET state = ?2, council_words = ?3, attempts = attempts + 1 WHERE id = ?1",
                u.id, {supporter_step ? "sent" : "needs_attention", outcome.message});
            progress = true;
            break;
          case FieldOutcome::Kind::Transient:
            run(outbox_, "UPDATE job_updates SET attempts = attempts + 1, last_error = ?2, next_attempt_at = ?3 "
                         "WHERE id = ?1",
                u.id, {outcome.message, retry_time(u.attempts + 1, outcome.retry_after)});
            if (response.error != net::NetError::None) return false;
            break;
        }
      }
      if (!progress) return true;
    }
    return true;
  } catch (const sqlite::Failure& failure) {
    OutboxAccess::fail(outbox_, failure, "while sending updates");
  }
}

}  // namespace oneservice::sync
