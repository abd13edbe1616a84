#include "central/store/residents.h"

#include "central/store/row_helpers.h"

namespace oneservice::central::store {
namespace {

std::int64_t count_since(sqlite3* db, const char* column, const std::string& value, const std::string& hour_ago) {
  sqlite::Statement select(db, std::string("SELECT count(*) FROM resident_links WHERE ") + column +
                                   " = ?1 AND created_at > ?2");
  select.bind(1, value).bind(2, hour_ago);
  select.step();
  return select.integer(0);
}

}  // namespace

LinkOutcome insert_link(sqlite3* db, const NewLink& link, const std::string& now, const std::string& hour_ago,
                        const std::string& expires_at) {
  if (count_since(db, "address", link.address, hour_ago) >= kLinksPerAddressPerHour)
    return LinkOutcome::TooManyForAddress;
  if (count_since(db, "requester_sha256", link.requester_sha256, hour_ago) >= kLinksPerRequesterPerHour)
    return LinkOutcome::TooManyFromRequester;
  sqlite::Statement insert(db,
                           "INSERT INTO resident_links (token_sha256, address, language, requester_sha256, created_at, "
                           "expires_at, mail_token, next_attempt_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?5)");
  insert.bind(1, link.token_sha256)
      .bind(2, link.address)
      .bind(3, link.language)
      .bind(4, link.requester_sha256)
      .bind(5, now)
      .bind(6, expires_at)
      .bind(7, link.plain_token)
      .run();
  return LinkOutcome::Queued;
}

std::vector<SignInMail> due_sign_in_mail(sqlite3* db, const std::string& now, std::size_t limit) {
  sqlite::Statement select(db,
                           "SELECT id, address, language, mail_token, attempts FROM resident_links "
                           "WHERE sent_at = '' AND given_up_at = '' AND mail_token <> '' AND next_attempt_at <= ?1 "
                           "AND expires_at > ?1 ORDER BY next_attempt_at, id LIMIT ?2");
  select.bind(1, now).bind(2, limit_of(limit));
  std::vector<SignInMail> out;
  while (select.step())
    out.push_back({select.integer(0), select.text(1), select.text(2), select.text(3), select.integer(4)});
  return out;
}

void mark_sign_in_mail(sqlite3* db, std::int64_t id, bool sent, const std::string& retry_at, bool give_up,
                       const std::string& now) {
  // Sent or given up, the plain token goes: only its hash stays.
  sqlite::Statement update(db,
                           "UPDATE resident_links SET attempts = attempts + 1, "
                           "sent_at = CASE WHEN ?1 THEN ?3 ELSE sent_at END, "
                           "given_up_at = CASE WHEN ?2 THEN ?3 ELSE given_up_at END, "
                           "mail_token = CASE WHEN ?1 OR ?2 THEN '' ELSE mail_token END, "
                           "next_attempt_at = ?4 WHERE id = ?5");
  update.bind(1, std::int64_t{sent ? 1 : 0})
      .bind(2, std::int64_t{give_up ? 1 : 0})
      .bind(3, now)
      .bind(4, retry_at)
      .bind(5, id)
      .run();
}

std::optional<std::string> use_link(sqlite3* db, const std::string& token_sha256, const std::string& now) {
  sqlite::Statement select(db,
                           "SELECT id, address FROM resident_links WHERE token_sha256 = ?1 AND used_at = '' "
                           "AND expires_at > ?2");
  select.bind(1, token_sha256).bind(2, now);
  if (!select.step()) return std::nullopt;
  const auto id = select.integer(0);
  auto address = select.text(1);
  sqlite::Statement used(db, "UPDATE resident_links SET used_at = ?1, mail_token = '' WHERE id = ?2");
  used.bind(1, now).bind(2, id).run();
  return address;
}

void insert_resident_session(sqlite3* db, const std::string& token_sha256, const std::string& address,
                             const std::string& now, const std::string& expires_at) {
  sqlite::Statement insert(db,
                           "INSERT INTO resident_sessions (token_sha256, address, created_at, expires_at) "
                           "VALUES (?1, ?2, ?3, ?4)");
  insert.bind(1, token_sha256).bind(2, address).bind(3, now).bind(4, expires_at).run();
}

std::optional<std::string> live_resident_session(sqlite3* db, const std::string& token_sha256, const std::string& now) {
  sqlite::Statement select(db,
                           "SELECT address FROM resident_sessions WHERE token_sha256 = ?1 AND ended_at = '' "
                           "AND expires_at > ?2");
  select.bind(1, token_sha256).bind(2, now);
  if (!select.step()) return std::nullopt;
  return select.text(0);
}

void end_resident_session(sqlite3* db, const std::string& token_sha256, const std::string& now) {
  sqlite::Statement update(db, "UPDATE resident_sessions SET ended_at = ?1 WHERE token_sha256 = ?2 AND ended_at = ''");
  update.bind(1, now).bind(2, token_sha256).run();
}

std::vector<std::string> case_ids_for_address(sqlite3* db, const std::string& address) {
  sqlite::Statement select(db,
                           "SELECT id FROM cases WHERE lower(json_extract(request_json, '$.contact.email')) = ?1 "
                           "ORDER BY requested_datetime DESC, id DESC LIMIT 200");
  select.bind(1, address);
  std::vector<std::string> out;
  while (select.step()) out.push_back(std::to_string(select.integer(0)));
  return out;
}

}  // namespace oneservice::central::store
