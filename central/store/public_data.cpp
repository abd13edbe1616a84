#include "central/store/public_data.h"

#include "central/store/row_helpers.h"

namespace oneservice::central::store {

std::vector<PublicCase> public_cases(sqlite3* db, const std::string& since, std::size_t limit) {
  sqlite::Statement select(
      db,
      "SELECT c.id, c.reference, c.service_code, c.status, c.requested_datetime, c.updated_datetime, c.lat, c.lon, "
      "c.responsible_area_id, c.agency_responsible, "
      "coalesce((SELECT min(u.updated_datetime) FROM case_updates u "
      "          WHERE u.case_id = c.id AND u.applied = 1 AND u.status = 'FIXED'), '') "
      "FROM cases c WHERE c.requested_datetime >= ?1 "
      "ORDER BY c.requested_datetime DESC, c.id DESC LIMIT ?2");
  select.bind(1, since).bind(2, limit_of(limit));
  std::vector<PublicCase> out;
  while (select.step()) {
    PublicCase row;
    row.service_request_id = std::to_string(select.integer(0));
    row.reference = select.text(1);
    row.service_code = select.text(2);
    row.status = stored_status(select.text(3));
    row.requested_datetime = select.text(4);
    row.updated_datetime = select.text(5);
    row.lat = select.real(6);
    row.lon = select.real(7);
    row.responsible_area_id = select.text(8);
    row.agency_responsible = select.text(9);
    row.fixed_at = select.text(10);
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<QueuedMail> due_mail(sqlite3* db, const std::string& now, std::size_t limit) {
  sqlite::Statement select(
      db,
      "SELECT q.id, q.case_id, q.event, q.status, q.note, q.queued_at, q.attempts, s.address, s.stop_token, "
      "c.language, c.reference, c.service_code, c.agency_responsible, c.responsible_area_id, c.channel "
      "FROM mail_queue q JOIN mail_subscriptions s ON s.case_id = q.case_id JOIN cases c ON c.id = q.case_id "
      "WHERE q.sent_at = '' AND q.given_up_at = '' AND q.next_attempt_at <= ?1 "
      "ORDER BY q.next_attempt_at, q.id LIMIT ?2");
  select.bind(1, now).bind(2, limit_of(limit));
  std::vector<QueuedMail> out;
  while (select.step()) {
    QueuedMail mail;
    mail.id = select.integer(0);
    mail.service_request_id = std::to_string(select.integer(1));
    mail.event = select.text(2);
    mail.status = stored_status(select.text(3));
    mail.note = select.text(4);
    mail.queued_at = select.text(5);
    mail.attempts = select.integer(6);
    mail.address = select.text(7);
    mail.stop_token = select.text(8);
    mail.language = select.text(9);
    mail.reference = select.text(10);
    mail.service_code = select.text(11);
    mail.agency_responsible = select.text(12);
    mail.responsible_area_id = select.text(13);
    mail.channel = select.text(14);
    out.push_back(std::move(mail));
  }
  return out;
}

void mark_mail_sent(sqlite3* db, std::int64_t id, const std::string& now) {
  sqlite::Statement update(db, "UPDATE mail_queue SET sent_at = ?1, attempts = attempts + 1 WHERE id = ?2");
  update.bind(1, now).bind(2, id).run();
}

void mark_mail_failed(sqlite3* db, std::int64_t id, const std::string& error, const std::string& retry_at,
                      bool give_up, const std::string& now) {
  sqlite::Statement update(db,
                           "UPDATE mail_queue SET attempts = attempts + 1, last_error = ?1, next_attempt_at = ?2, "
                           "given_up_at = CASE WHEN ?3 THEN ?4 ELSE '' END WHERE id = ?5");
  update.bind(1, error).bind(2, retry_at).bind(3, std::int64_t{give_up ? 1 : 0}).bind(4, now).bind(5, id).run();
}

StopResult mail_stop_state(sqlite3* db, const std::string& token) {
  sqlite::Statement select(db,
                           "SELECT s.stopped_at, c.reference, c.language FROM mail_subscriptions s "
                           "JOIN cases c ON c.id = s.case_id WHERE s.stop_token = ?1");
  select.bind(1, token);
  StopResult result;
  if (!select.step()) return result;
  result.outcome = select.text(0).empty() ? StopOutcome::Stopped : StopOutcome::AlreadyStopped;
  result.reference = select.text(1);
  result.language = select.text(2);
  return result;
}

StopResult stop_mail(sqlite3* db, const std::string& token, const std::string& now) {
  auto result = mail_stop_state(db, token);
  if (result.outcome != StopOutcome::Stopped) return result;
  sqlite::Statement stop(db, "UPDATE mail_subscriptions SET stopped_at = ?1 WHERE stop_token = ?2");
  stop.bind(1, now).bind(2, token).run();
  sqlite::Statement drop(db,
                         "UPDATE mail_queue SET given_up_at = ?1, last_error = 'stopped by the resident' "
                         "WHERE sent_at = '' AND given_up_at = '' AND case_id = "
                         "(SELECT case_id FROM mail_subscriptions WHERE stop_token = ?2)");
  drop.bind(1, now).bind(2, token).run();
  return result;
}

}  // namespace oneservice::central::store
