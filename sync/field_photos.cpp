// Photos sent after their report: each its own POST servicerequestupdates
// with the device key, its own update id (so a resend is the same update:
// exactly once per photo) and a status that makes it a note leaving the
// case's own status alone (FieldSync::note_status). Sent only once the
// report has the council's reference, so the report never waits for them.
#include "sync/field_sync.h"
#include "sync/field_wire.h"
#include "sync/outbox_access.h"

namespace oneservice::sync {
namespace {

using detail::OutboxAccess;

struct DuePhoto {
  std::int64_t id = 0;
  std::string update_id, service_request_id, queued_at, status;
  MediaAttachment photo;
  int attempts = 0;
};

std::vector<DuePhoto> due_photos(Outbox& outbox, const std::string& now) {
  sqlite::Statement select(OutboxAccess::db(outbox),
                           "SELECT p.id, p.update_id, r.server_ref, r.queued_at, p.status, p.file_name, p.content_type, "
                           "p.bytes, p.attempts FROM report_photos p JOIN requests r ON r.client_id = p.client_id "
                           "WHERE p.state = 'waiting' AND r.state = 'accepted' AND p.next_attempt_at <= ?1 "
                           "ORDER BY p.id LIMIT 50");
  select.bind(1, now);
  std::vector<DuePhoto> out;
  while (select.step())
    out.push_back({select.integer(0), select.text(1), select.text(2), select.text(3), select.text(4),
                   {select.text(5), select.text(6), select.blob(7)}, static_cast<int>(select.integer(8))});
  return out;
}

void settle_photo(Outbox& outbox, std::int64_t id, const char* sql, const std::string& a, const std::string& b) {
  sqlite::Statement update(OutboxAccess::db(outbox), sql);
  update.bind(1, id).bind(2, a).bind(3, b).run();
}

}  // namespace

bool FieldSync::push_report_photos(FieldPassResult& result, const std::atomic<bool>* stop) {
  try {
    // Bounded: a photo answered "try later" within the same second could
    // otherwise come round again at once.
    for (int round = 0; round < 100; ++round) {
      const auto due = due_photos(outbox_, format_utc(clock_.now()));
      if (due.empty()) return true;
      for (const auto& photo : due) {
        if (stop && stop->load()) return false;
        auto status = photo.status;
        if (status.empty()) {
          const auto now_status = note_status(photo.service_request_id, result);
          if (!now_status) return false;  // asked again next pass
          status = *now_status;
          settle_photo(outbox_, photo.id, "UPDATE report_photos SET status = ?2 WHERE id = ?1 AND status = ?3", status, "");
        }
        UpdateFields fields;
        fields.service_request_id = photo.service_request_id;
        fields.update_id = photo.update_id;
        fields.status = status;
        // The same time on every resend: it is part of what makes it the same update.
        fields.device_time = photo.queued_at;
        net::HttpRequest request;
        request.method = "POST";
        request.url = server_.endpoint("servicerequestupdates.json");
        request.form = update_form(fields, {photo.photo}, server_.api_key);
        const auto response = exchange(std::move(request), result);
        const auto outcome = judge_field_answer(response, clock_.now(), false);
        switch (outcome.kind) {
          case FieldOutcome::Kind::Done:
            // The council has it: the tablet need not keep the photo.
            settle_photo(outbox_, photo.id,
                         "UPDATE report_photos SET state = 'sent', sent_at = ?2, bytes = NULL, last_error = ?3 "
                         "WHERE id = ?1",
                         format_utc(clock_.now()), "");
            ++result.sent;
            break;
          case FieldOutcome::Kind::Permanent:
            settle_photo(outbox_, photo.id,
                         "UPDATE report_photos SET state = 'needs_attention', last_error = ?2, "
                         "attempts = attempts + 1, next_attempt_at = ?3 WHERE id = ?1",
                         outcome.message, "");
            break;
          case FieldOutcome::Kind::SignInNeeded:
          case FieldOutcome::Kind::Transient:
            settle_photo(outbox_, photo.id,
                         "UPDATE report_photos SET attempts = attempts + 1, last_error = ?2, next_attempt_at = ?3 "
                         "WHERE id = ?1",
                         outcome.message, retry_time(photo.attempts + 1, outcome.retry_after));
            if (response.error != net::NetError::None) return false;
            break;
        }
      }
    }
    return true;
  } catch (const sqlite::Failure& failure) {
    OutboxAccess::fail(outbox_, failure, "while sending photos");
  }
}

}  // namespace oneservice::sync
