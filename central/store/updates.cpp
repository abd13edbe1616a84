#include "central/store/updates.h"

#include "central/store/row_helpers.h"

namespace oneservice::central::store {
namespace {

constexpr std::string_view kUpdateSelect =
    "SELECT update_id, case_id, status, updated_datetime, description, media_urls, applied, "
    "coalesce(device_id, 0), client_update_id, private_note, staff_id, base_version, sent_at, "
    "author_name, author_email FROM case_updates";

CaseUpdate update_from_row(const sqlite::Statement& row) {
  CaseUpdate update;
  update.update_id = row.integer(0);
  update.service_request_id = std::to_string(row.integer(1));
  update.status = stored_status(row.text(2));
  update.updated_datetime = row.text(3);
  update.description = row.text(4);
  update.media_urls = strings_from_json(row.text(5));
  update.applied = row.integer(6) != 0;
  update.device_id = row.integer(7);
  update.client_update_id = row.text(8);
  update.private_note = row.text(9);
  update.staff_id = row.integer(10);
  if (!row.is_null(11)) update.base_version = row.integer(11);
  update.sent_at = row.text(12);
  update.author_name = row.text(13);
  update.author_email = row.text(14);
  return update;
}

void attach_media(sqlite3* db, std::vector<CaseUpdate>& updates) {
  attach_files(
      db, updates, [](const CaseUpdate& update) { return update.update_id; },
      "SELECT update_id, file_name, content_type FROM case_update_media "
      "WHERE update_id IN (SELECT value FROM json_each(?1)) ORDER BY update_id, position");
}

std::vector<CaseUpdate> read_updates(sqlite3* db, sqlite::Statement& select) {
  std::vector<CaseUpdate> out;
  while (select.step()) out.push_back(update_from_row(select));
  attach_media(db, out);
  return out;
}

CaseUpdate load_update(sqlite3* db, std::int64_t update_id) {
  sqlite::Statement select(db, std::string(kUpdateSelect) + " WHERE update_id = ?1");
  select.bind(1, update_id);
  auto found = read_updates(db, select);
  if (found.empty()) throw CentralStoreError("The update " + std::to_string(update_id) + " has gone.");
  return std::move(found.front());
}

std::int64_t insert_update(sqlite3* db, std::int64_t case_id, const NewUpdate& in, const std::string& status,
                           bool applied, const std::string& now) {
  sqlite::Statement insert(
      db,
      "INSERT INTO case_updates (case_id, status, updated_datetime, description, media_url, device_id, "
      "client_update_id, canonical_body, private_note, staff_id, base_version, sent_at, author_name, "
      "author_email, media_urls, applied) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
  insert.bind(1, case_id).bind(2, status).bind(3, now).bind(4, in.public_note);
  insert.bind(5, in.media_urls.empty() ? std::string() : in.media_urls.front());
  if (in.device_id != 0)
    insert.bind(6, in.device_id);
  else
    insert.bind_null(6);
  insert.bind(7, in.client_update_id).bind(8, in.canonical_body).bind(9, in.private_note).bind(10, in.staff_id);
  if (in.base_version)
    insert.bind(11, *in.base_version);
  else
    insert.bind_null(11);
  insert.bind(12, in.sent_at)
      .bind(13, in.author_name)
      .bind(14, in.author_email)
      .bind(15, json_array(in.media_urls))
      .bind(16, std::int64_t{applied ? 1 : 0})
      .run();
  const auto update_id = sqlite::last_insert_id(db);
  insert_files(db,
               "INSERT INTO case_update_media (update_id, position, file_name, content_type) "
               "VALUES (?1, ?2, ?3, ?4)",
               update_id, in.media);
  return update_id;
}

}  // namespace

std::string stale_update_reason(std::int64_t base_version, std::int64_t case_version) {
  return "An update was sent from version " + std::to_string(base_version) + " of the case, but the case was at version " +
         std::to_string(case_version) + ": it is kept in the history and was not applied. Check it against the case.";
}

UpdateResult append_update(sqlite3* db, std::int64_t case_id, const NewUpdate& in, const std::string& now) {
  UpdateResult result;
  // The single writer makes this check-then-insert one step: two resends in
  // the same batch see each other.
  if (!in.client_update_id.empty()) {
    sqlite::Statement earlier(db,
                              "SELECT update_id, canonical_body FROM case_updates "
                              "WHERE coalesce(device_id, 0) = ?1 AND client_update_id = ?2");
    earlier.bind(1, in.device_id).bind(2, in.client_update_id);
    if (earlier.step()) {
      if (earlier.text(1) != in.canonical_body) {
        result.outcome = UpdateOutcome::KeyReused;
        return result;
      }
      result.outcome = UpdateOutcome::Duplicate;
      result.update = load_update(db, earlier.integer(0));
      return result;
    }
  }

  sqlite::Statement current(db, "SELECT status, version FROM cases WHERE id = ?1");
  current.bind(1, case_id);
  if (!current.step()) {
    result.outcome = UpdateOutcome::UnknownCase;
    return result;
  }
  const auto status_now = current.text(0);
  const auto version = current.integer(1);

  if (in.base_version && *in.base_version < version) {
    // Kept, never lost, and never applied over a change the sender had not seen.
    const auto update_id = insert_update(db, case_id, in, status_now, false, now);
    sqlite::Statement flag(db, "UPDATE cases SET needs_review = 1, review_reason = ?1 WHERE id = ?2");
    flag.bind(1, stale_update_reason(*in.base_version, version)).bind(2, case_id).run();
    result.outcome = UpdateOutcome::Flagged;
    result.update = load_update(db, update_id);
    return result;
  }

  const auto status = in.status ? std::string(to_string(*in.status)) : status_now;
  // status_notes explains the current status: a status change or a public
  // note replaces it; a private note alone leaves it.
  const bool public_change = in.status.has_value() || !in.public_note.empty();
  sqlite::Statement move(db,
                         "UPDATE cases SET status = ?1, is_open = ?2, "
                         "status_notes = CASE WHEN ?3 THEN ?4 ELSE status_notes END, "
                         "updated_datetime = ?5, version = version + 1 WHERE id = ?6");
  move.bind(1, status)
      .bind(2, std::int64_t{is_open(stored_status(status)) ? 1 : 0})
      .bind(3, std::int64_t{public_change ? 1 : 0})
      .bind(4, in.public_note)
      .bind(5, now)
      .bind(6, case_id)
      .run();
  const auto update_id = insert_update(db, case_id, in, status, true, now);
  result.outcome = UpdateOutcome::Added;
  result.update = load_update(db, update_id);
  return result;
}

std::vector<CaseUpdate> list_updates(sqlite3* db, const UpdateQuery& query) {
  std::string sql(kUpdateSelect);
  std::vector<std::string> conditions{"applied = 1"};
  std::vector<std::string> texts;
  const auto parameter = [&](std::string value) {
    texts.push_back(std::move(value));
    return "?" + std::to_string(texts.size());
  };
  if (!query.service_request_ids.empty())
    conditions.push_back("case_id IN (SELECT value FROM json_each(" +
                         parameter(json_array(parse_case_ids(query.service_request_ids))) + "))");
  if (!query.start_date.empty()) conditions.push_back("updated_datetime >= " + parameter(query.start_date));
  if (!query.end_date.empty()) conditions.push_back("updated_datetime <= " + parameter(query.end_date));
  for (std::size_t i = 0; i < conditions.size(); ++i) sql += (i == 0 ? " WHERE " : " AND ") + conditions[i];
  sql += " ORDER BY update_id LIMIT ?" + std::to_string(texts.size() + 1);

  sqlite::Statement select(db, sql);
  int index = 0;
  for (const auto& text : texts) select.bind(++index, text);
  select.bind(++index, limit_of(query.limit));
  return read_updates(db, select);
}

std::vector<CaseUpdate> case_history(sqlite3* db, std::int64_t case_id) {
  sqlite::Statement select(db, std::string(kUpdateSelect) + " WHERE case_id = ?1 ORDER BY update_id");
  select.bind(1, case_id);
  return read_updates(db, select);
}

}  // namespace oneservice::central::store
