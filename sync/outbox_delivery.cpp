// The Outbox's delivery bookkeeping: which requests are due, backoff that
// survives a restart, batch tokens, photos, the sync cursor and the status
// cache. The state rules themselves stay in outbox.cpp (move_state) and in
// the database's triggers.
#include <sqlite3.h>

#include "shared/identity.h"
#include "sync/outbox.h"
#include "sync/outbox_rows.h"

namespace oneservice::sync {
namespace {

// Delivery bookkeeping (a claim, a result) is committed without waiting for
// the disk: losing it to a power cut only means the request is sent again,
// and the council answers a resend with the same reference (it deduplicates
// on the client id). WAL keeps commits in order, so the next FULL commit (a
// new request being saved) makes these durable too. Saving a request never
// uses this: the screen may only say "saved" once it is on disk.
class RelaxedSync {
 public:
  explicit RelaxedSync(sqlite3* db) : db_(db) { sqlite::exec(db_, "PRAGMA synchronous = NORMAL"); }
  ~RelaxedSync() {
    try {
      sqlite::exec(db_, "PRAGMA synchronous = FULL");
    } catch (const sqlite::SqliteFailure&) {
      // Cannot happen outside a transaction; if it did, the next open sets FULL again.
    }
  }
  RelaxedSync(const RelaxedSync&) = delete;
  RelaxedSync& operator=(const RelaxedSync&) = delete;

 private:
  sqlite3* db_;
};

}  // namespace

using detail::entry_from_row;
using detail::kEntryColumns;

std::vector<MediaAttachment> Outbox::media_for(const std::string& client_id) const {
  try {
    sqlite::Statement select(db_.get(),
                             "SELECT file_name, content_type, bytes FROM request_media WHERE client_id = ?1 ORDER BY id");
    select.bind(1, client_id);
    std::vector<MediaAttachment> out;
    while (select.step()) out.push_back({select.text(0), select.text(1), select.blob(2)});
    return out;
  } catch (const sqlite::SqliteFailure& failure) {
    fail(failure, "while reading the photos of request " + local_reference(client_id));
  }
}

std::vector<std::string> Outbox::claim_batch(const std::vector<std::string>& client_ids) {
  std::vector<std::string> claimed;
  try {
    RelaxedSync relaxed(db_.get());
    sqlite::Transaction transaction(db_.get());
    const auto stamp = now();
    for (const auto& client_id : client_ids) {
      sqlite::Statement claim(db_.get(),
                              "UPDATE requests SET state = 'sending', attempts = attempts + 1, updated_at = ?1 "
                              "WHERE client_id = ?2 AND state = 'queued'");
      claim.bind(1, stamp).bind(2, client_id).run();
      if (sqlite::changes(db_.get()) == 1) claimed.push_back(client_id);
    }
    transaction.commit();
    return claimed;
  } catch (const sqlite::SqliteFailure& failure) {
    fail(failure, "while claiming requests for sending");
  }
}

void Outbox::settle(const std::vector<Settlement>& settlements) {
  if (settlements.empty()) return;
  try {
    RelaxedSync relaxed(db_.get());
    sqlite::Transaction transaction(db_.get());
    const auto stamp = now();
    bool success = false;
    for (const auto& s : settlements) {
      using Kind = Settlement::Kind;
      std::string sql;
      switch (s.kind) {
        case Kind::Accepted:
          if (s.reference.empty()) throw std::invalid_argument("An accepted request needs the council's reference.");
          sql = "UPDATE requests SET state = 'accepted', server_ref = ?1, token = '', updated_at = ?2 "
                "WHERE client_id = ?3 AND state = 'sending'";
          success = true;
          {
            // The council has the photos now; the kiosk need not keep them.
            sqlite::Statement forget(db_.get(), "DELETE FROM request_media WHERE client_id = ?1");
            forget.bind(1, s.client_id).run();
          }
          break;
        case Kind::Token:
          sql = "UPDATE requests SET token = ?1, updated_at = ?2 WHERE client_id = ?3 AND state = 'sending'";
          success = true;
          break;
        case Kind::NeedsAttention:
          sql = "UPDATE requests SET state = 'needs_attention', last_error = ?1, updated_at = ?2 "
                "WHERE client_id = ?3 AND state = 'sending'";
          break;
        case Kind::RetryLater:
          sql = "UPDATE requests SET state = 'queued', last_error = ?1, updated_at = ?2, next_attempt_at = ?4 "
                "WHERE client_id = ?3 AND state = 'sending'";
          break;
      }
      sqlite::Statement update(db_.get(), sql);
      update.bind(1, s.kind == Kind::Accepted || s.kind == Kind::Token ? s.reference : s.message)
          .bind(2, stamp)
          .bind(3, s.client_id);
      if (s.kind == Kind::RetryLater) update.bind(4, s.next_attempt_at);
      update.run();
      if (sqlite::changes(db_.get()) != 1)
        throw StoreError("Request " + local_reference(s.client_id) + " is not being sent, so its result cannot be recorded.");
    }
    if (success) {
      sqlite::Statement last(db_.get(),
                             "INSERT INTO sync_state (key, value) VALUES ('last_success', ?1) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
      last.bind(1, stamp).run();
    }
    transaction.commit();
  } catch (const sqlite::SqliteFailure& failure) {
    fail(failure, "while recording what the council answered");
  }
}

std::vector<OutboxEntry> Outbox::due_for_sending(const std::string& now_utc, int limit) const {
  try {
    // ISO 8601 UTC strings of one format order as their times do. Ordered
    // as the requests_due index is (never-tried first, then by due time,
    // then oldest), so LIMIT stops after a few rows instead of sorting the
    // whole queue on every call: a queue of 10,000 made this quadratic.
    sqlite::Statement select(db_.get(), "SELECT " + std::string(kEntryColumns) +
                                            " FROM requests WHERE state = 'queued' AND next_attempt_at <= ?1 "
                                            "ORDER BY next_attempt_at, id LIMIT ?2");
    select.bind(1, now_utc).bind(2, static_cast<std::int64_t>(limit));
    std::vector<OutboxEntry> out;
    while (select.step()) out.push_back(entry_from_row(select, path_));
    return out;
  } catch (const sqlite::SqliteFailure& failure) {
    fail(failure, "while listing requests due for sending");
  }
}

std::optional<std::string> Outbox::next_attempt_time() const {
  try {
    sqlite::Statement select(db_.get(), "SELECT min(next_attempt_at) FROM requests WHERE state = 'queued'");
    if (!select.step() || select.is_null(0)) return std::nullopt;
    return select.text(0);
  } catch (const sqlite::SqliteFailure& failure) {
    fail(failure, "while reading the next attempt time");
  }
}

void Outbox::retry_later(const std::string& client_id, const std::string& error, const std::string& next_attempt_at) {
  settle({{client_id, Settlement::Kind::RetryLater, "", error, next_attempt_at}});
}

void Outbox::set_token(const std::string& client_id, const std::string& token) {
  settle({{client_id, Settlement::Kind::Token, token, "", ""}});
}

std::vector<OutboxEntry> Outbox::awaiting_token() const {
  try {
    sqlite::Statement select(db_.get(), "SELECT " + std::string(kEntryColumns) +
                                            " FROM requests WHERE state = 'sending' AND token <> '' ORDER BY id");
    std::vector<OutboxEntry> out;
    while (select.step()) out.push_back(entry_from_row(select, path_));
    return out;
  } catch (const sqlite::SqliteFailure& failure) {
    fail(failure, "while listing requests waiting for a token");
  }
}

int Outbox::recover_interrupted() {
  try {
    sqlite::Statement recover(db_.get(),
                              "UPDATE requests SET state = 'queued', next_attempt_at = '', updated_at = ?1 "
                              "WHERE state = 'sending' AND token = ''");
    recover.bind(1, now()).run();
    return sqlite::changes(db_.get());
  } catch (const sqlite::SqliteFailure& failure) {
    fail(failure, "while recovering requests that were being sent");
  }
}

int Outbox::requeue_needs_attention() {
  try {
    sqlite::Statement requeue(db_.get(),
                              "UPDATE requests SET state = 'queued', next_attempt_at = '', updated_at = ?1 "
                              "WHERE state = 'needs_attention'");
    requeue.bind(1, now()).run();
    return sqlite::changes(db_.get());
  } catch (const sqlite::SqliteFailure& failure) {
    fail(failure, "while putting requests back in the queue");
  }
}

std::optional<std::string> Outbox::sync_value(const std::string& key) const {
  try {
    sqlite::Statement select(db_.get(), "SELECT value FROM sync_state WHERE key = ?1");
    select.bind(1, key);
    if (!select.step()) return std::nullopt;
    return select.text(0);
  } catch (const sqlite::SqliteFailure& failure) {
    fail(failure, "while reading sync state");
  }
}

void Outbox::set_sync_value(const std::string& key, const std::string& value) {
  try {
    sqlite::Statement upsert(db_.get(),
                             "INSERT INTO sync_state (key, value) VALUES (?1, ?2) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    upsert.bind(1, key).bind(2, value).run();
  } catch (const sqlite::SqliteFailure& failure) {
    fail(failure, "while saving sync state");
  }
}

int Outbox::store_updates(const std::vector<StatusUpdate>& updates) {
  try {
    int stored = 0;
    sqlite::Transaction transaction(db_.get());
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
  } catch (const sqlite::SqliteFailure& failure) {
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
  } catch (const sqlite::SqliteFailure& failure) {
    fail(failure, "while reading status updates");
  }
}

}  // namespace oneservice::sync
