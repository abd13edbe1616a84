// The push loop's side of the outbox: claims, results, backoff that
// survives a restart, batch tokens and the photos that travel with a claim.
// Which moves are allowed is the database's triggers' to enforce (they hold
// request_state.cpp's table).
#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "shared/identity.h"
#include "sync/delivery_queue.h"
#include "sync/outbox_rows.h"

namespace oneservice::sync {
namespace {

// Delivery bookkeeping (a claim, a result) is committed without waiting for
// the disk: losing it to a power cut only means the request is sent again,
// and the council answers a resend with the same reference (it deduplicates
// on the client id). WAL keeps commits in order, so the next FULL commit (a
// new request being saved) makes these durable too. Saving a request never
// uses this: the screen may only say "saved" once it is on disk.
sqlite::ScopedPragma relaxed_sync(sqlite3* db) {
  return {db, "PRAGMA synchronous = NORMAL", "PRAGMA synchronous = FULL"};
}

using detail::entry_from_row;
using detail::kEntryColumns;

// The queued requests due at ?1, oldest due first, at most ?2: never-tried
// first (their next_attempt_at is empty), then retries by due time, then
// by age. Ordered as the requests_due index is, so LIMIT stops after a few
// rows instead of sorting the whole queue on every call: a queue of 10,000
// made this quadratic. (ISO 8601 UTC strings of one format order as their
// times do.)
constexpr std::string_view kDue =
    "FROM requests WHERE state = 'queued' AND next_attempt_at <= ?1 ORDER BY next_attempt_at, id LIMIT ?2";

// A JSON array bound as one parameter and read with json_each. Text from
// a server may not be valid UTF-8; it is kept, mended.
std::string json_parameter(const nlohmann::json& array) {
  return array.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Settlements go to SQLite as one JSON array per kind, [[client_id, text,
// next_attempt_at], ...], so a batch is one statement however many it holds.
// Each statement costs far more than its rows here (a statement journal,
// a frame for each trigger, temporary b-trees): a statement per request was
// a third of the device's CPU while draining.
std::string settlement_rows(const std::vector<const Settlement*>& group) {
  nlohmann::json rows = nlohmann::json::array();
  for (const Settlement* s : group) {
    const bool has_reference = s->kind == Settlement::Kind::Accepted || s->kind == Settlement::Kind::Token;
    rows.push_back({s->client_id, has_reference ? s->reference : s->message, s->next_attempt_at});
  }
  return json_parameter(rows);
}

// What each kind of settlement changes, from its row s of the JSON array.
std::string_view settled_columns(Settlement::Kind kind) {
  switch (kind) {
    case Settlement::Kind::Accepted:
      return "state = 'accepted', server_ref = s.value ->> 1, token = '', accepted_at = ?1";
    case Settlement::Kind::Token:
      return "token = s.value ->> 1";
    case Settlement::Kind::NeedsAttention:
      return "state = 'needs_attention', last_error = s.value ->> 1";
    case Settlement::Kind::RetryLater:
      break;
  }
  return "state = 'queued', last_error = s.value ->> 1, next_attempt_at = s.value ->> 2";
}

// The UPDATE for one kind of settlement. ?1 is the time, ?2 the rows. The
// unary + keeps SQLite from scanning requests by state and re-reading the
// JSON for each row: it looks each row up by client_id instead. RETURNING
// names the rows that were sending, so a refusal can name one that was not.
std::string settle_sql(Settlement::Kind kind) {
  return "UPDATE requests SET " + std::string(settled_columns(kind)) +
         ", updated_at = ?1 FROM json_each(?2) AS s "
         "WHERE requests.client_id = s.value ->> 0 AND +requests.state = 'sending' RETURNING requests.client_id";
}

[[noreturn]] void refuse_unsendable(const std::vector<const Settlement*>& group, const std::set<std::string>& updated) {
  // Rare (a bug, or a second process). The caller's transaction rolls
  // back, so none of the batch is applied.
  for (const Settlement* s : group) {
    if (updated.count(s->client_id) == 0)
      throw StoreError("Request " + local_reference(s->client_id) +
                       " is not being sent, so its result cannot be recorded.");
  }
  throw StoreError("A request appears twice in one batch of results.");
}

}  // namespace

std::vector<ClaimedRequest> DeliveryQueue::settle_and_claim(const std::vector<Settlement>& settlements,
                                                     const std::string& now_utc, int limit) {
  if (settlements.empty() && limit <= 0) return {};
  try {
    const auto relaxed = relaxed_sync(db());
    sqlite::WriteTransaction transaction(db());
    const auto stamp = outbox_->now();
    settle_rows(settlements, stamp);
    auto claimed = limit > 0 ? claim_rows(now_utc, limit, stamp) : std::vector<ClaimedRequest>{};
    transaction.commit();
    return claimed;
  } catch (const sqlite::Failure& failure) {
    outbox_->fail(failure, settlements.empty() ? "while claiming requests for sending"
                                      : "while recording what the council answered");
  }
}

void DeliveryQueue::settle_rows(const std::vector<Settlement>& settlements, const std::string& stamp) {
  using Kind = Settlement::Kind;
  bool success = false;
  for (const Kind kind : {Kind::Accepted, Kind::Token, Kind::NeedsAttention, Kind::RetryLater}) {
    std::vector<const Settlement*> group;
    for (const auto& s : settlements) {
      if (s.kind != kind) continue;
      if (kind == Kind::Accepted && s.reference.empty())
        throw std::invalid_argument("An accepted request needs the council's reference.");
      group.push_back(&s);
    }
    if (group.empty()) continue;
    const auto rows = settlement_rows(group);
    sqlite::Statement update(db(), settle_sql(kind));
    update.bind(1, stamp).bind(2, rows);
    std::set<std::string> updated;
    while (update.step()) updated.insert(update.text(0));
    if (updated.size() != group.size()) refuse_unsendable(group, updated);
    if (kind == Kind::Accepted) {
      // The council has the photos now; the kiosk need not keep them.
      sqlite::Statement forget(db(),
                               "DELETE FROM request_media WHERE client_id IN (SELECT value ->> 0 FROM json_each(?1))");
      forget.bind(1, rows).run();
    }
    success = success || kind == Kind::Accepted || kind == Kind::Token;
  }
  if (success) {
    sqlite::Statement last(db(),
                           "INSERT INTO sync_state (key, value) VALUES ('last_success', ?1) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    last.bind(1, stamp).run();
  }
}

std::vector<ClaimedRequest> DeliveryQueue::claim_rows(const std::string& now_utc, int limit, const std::string& stamp) {
  // RETURNING gives the rows as updated: state sending, attempts counting
  // this one.
  sqlite::Statement claim(db(), "UPDATE requests SET state = 'sending', attempts = attempts + 1, "
                                     "updated_at = ?3 WHERE id IN (SELECT id " + std::string(kDue) +
                                         ") RETURNING " + std::string(kEntryColumns) + ", id, body");
  claim.bind(1, now_utc).bind(2, static_cast<std::int64_t>(limit)).bind(3, stamp);
  struct Claimed {
    std::string next_attempt_at;
    std::int64_t id;
    OutboxEntry entry;
    ServiceRequest request;
  };
  std::vector<Claimed> rows;
  while (claim.step()) {
    auto entry = entry_from_row(claim, outbox_->path_);
    auto request = detail::request_from_body(claim.text(13), outbox_->path_, entry.local_ref);
    rows.push_back({entry.next_attempt_at, claim.integer(12), std::move(entry), std::move(request)});
  }
  // RETURNING comes in no particular order: put it back in the due order.
  std::sort(rows.begin(), rows.end(), [](const Claimed& a, const Claimed& b) {
    return std::tie(a.next_attempt_at, a.id) < std::tie(b.next_attempt_at, b.id);
  });
  std::vector<ClaimedRequest> out;
  out.reserve(rows.size());
  for (auto& row : rows) out.push_back({std::move(row.entry), {}, std::move(row.request)});
  attach_media(out);
  return out;
}

// One SELECT for the whole claim, inside its transaction. Asking request by
// request cost a read transaction each (two file locks and a statement).
// Most requests have no photo, and most of the time no request waiting has
// one: then a glance at the table is all it takes.
void DeliveryQueue::attach_media(std::vector<ClaimedRequest>& claimed) {
  if (claimed.empty() || sqlite::query_integer(db(), "SELECT EXISTS (SELECT 1 FROM request_media)") == 0) return;
  nlohmann::json ids = nlohmann::json::array();
  std::map<std::string, ClaimedRequest*> by_id;
  for (auto& request : claimed) {
    ids.push_back(request.entry.client_id);
    by_id.emplace(request.entry.client_id, &request);
  }
  sqlite::Statement select(db(),
                           "SELECT client_id, file_name, content_type, bytes FROM request_media "
                           "WHERE client_id IN (SELECT value FROM json_each(?1)) ORDER BY id");
  select.bind(1, json_parameter(ids));
  while (select.step()) {
    const auto owner = by_id.find(select.text(0));
    if (owner != by_id.end()) owner->second->media.push_back({select.text(1), select.text(2), select.blob(3)});
  }
}

std::optional<std::string> DeliveryQueue::next_attempt_time() const {
  try {
    sqlite::Statement select(db(), "SELECT min(next_attempt_at) FROM requests WHERE state = 'queued'");
    if (!select.step() || select.is_null(0)) return std::nullopt;
    return select.text(0);
  } catch (const sqlite::Failure& failure) {
    outbox_->fail(failure, "while reading the next attempt time");
  }
}

std::vector<OutboxEntry> DeliveryQueue::awaiting_token() const {
  try {
    sqlite::Statement select(db(), "SELECT " + std::string(kEntryColumns) +
                                            " FROM requests WHERE state = 'sending' AND token <> '' ORDER BY id");
    std::vector<OutboxEntry> out;
    while (select.step()) out.push_back(entry_from_row(select, outbox_->path_));
    return out;
  } catch (const sqlite::Failure& failure) {
    outbox_->fail(failure, "while listing requests waiting for a token");
  }
}

int DeliveryQueue::recover_interrupted() {
  try {
    sqlite::Statement recover(db(),
                              "UPDATE requests SET state = 'queued', next_attempt_at = '', updated_at = ?1 "
                              "WHERE state = 'sending' AND token = ''");
    recover.bind(1, outbox_->now()).run();
    return sqlite::changes(db());
  } catch (const sqlite::Failure& failure) {
    outbox_->fail(failure, "while recovering requests that were being sent");
  }
}

}  // namespace oneservice::sync
