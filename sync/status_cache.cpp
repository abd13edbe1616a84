// The Outbox's small bookkeeping for the pull side: the sync cursor and last
// success (sync_state), and the status updates the council sent back.
#include "sync/outbox.h"

namespace oneservice::sync {

std::optional<std::string> Outbox::sync_value(const std::string& key) const {
  try {
    sqlite::Statement select(db_.get(), "SELECT value FROM sync_state WHERE key = ?1");
    select.bind(1, key);
    if (!select.step()) return std::nullopt;
    return select.text(0);
  } catch (const sqlite::Failure& failure) {
    fail(failure, "while reading sync state");
  }
}

void Outbox::set_sync_value(const std::string& key, const std::string& value) {
  try {
    sqlite::Statement upsert(db_.get(),
                             "INSERT INTO sync_state (key, value) VALUES (?1, ?2) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    upsert.bind(1, key).bind(2, value).run();
  } catch (const sqlite::Failure& failure) {
    fail(failure, "while saving sync state");
  }
}

int Outbox::store_updates(const std::vector<StatusUpdate>& updates) {
  try {
    int stored = 0;
    sqlite::WriteTransaction transaction(db_.get());
    for (const auto& update : updates) {
      sqlite::Statement insert(db_.get(),
                               "INSERT OR IGNORE INTO status_updates "
                               "(update_id, service_request_id, status, updated_datetime, description) "
                               "VALUES (?1, ?2, ?3, ?4, ?5)");
      insert.bind(1, update.update_id)
          .bind(2, update.service_request_id)
          .bind(3, update.status)
          .bind(4, update.updated_datetime)
          .bind(5, update.description)
          .run();
      stored += sqlite::changes(db_.get());
    }
    transaction.commit();
    return stored;
  } catch (const sqlite::Failure& failure) {
    fail(failure, "while saving status updates");
  }
}

std::vector<StatusUpdate> Outbox::updates_for(const std::string& service_request_id) const {
  try {
    sqlite::Statement select(db_.get(),
                             "SELECT update_id, service_request_id, status, updated_datetime, description "
                             "FROM status_updates WHERE service_request_id = ?1 ORDER BY updated_datetime, rowid");
    select.bind(1, service_request_id);
    std::vector<StatusUpdate> out;
    while (select.step())
      out.push_back({select.text(0), select.text(1), select.text(2), select.text(3), select.text(4)});
    return out;
  } catch (const sqlite::Failure& failure) {
    fail(failure, "while reading status updates");
  }
}

}  // namespace oneservice::sync
