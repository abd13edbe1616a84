#pragma once
// The outbox as the push loop sees it: claim what is due, record what the
// council answered, recover after a crash, and follow batch tokens. The app
// and the command line use Outbox (sync/outbox.h) and never move a request
// through delivery themselves.
//
// A view over an open Outbox (the same connection and file): make one where
// it is needed; it must not outlive the Outbox.
#include <optional>
#include <string>
#include <vector>

#include "sync/outbox.h"

namespace oneservice::sync {

// A request claimed for sending, with the photos that travel with it.
struct ClaimedRequest {
  OutboxEntry entry;
  std::vector<MediaAttachment> media;
  ServiceRequest request;  // what is sent: read from the store only here
};

// What became of one request sent: applied with others in one transaction,
// so a busy drain costs one commit per batch, not per request.
struct Settlement {
  enum class Kind { Accepted, Token, NeedsAttention, RetryLater };
  std::string client_id;
  Kind kind = Kind::RetryLater;
  std::string reference;        // Accepted: service_request_id; Token: the token
  std::string message;          // NeedsAttention / RetryLater
  std::string next_attempt_at;  // RetryLater
};

class DeliveryQueue {
 public:
  explicit DeliveryQueue(Outbox& outbox) : outbox_(&outbox) {}

  // After a crash or kill, requests left sending without a token were in
  // flight: they go back in the queue, due at once (resending is safe: the
  // council deduplicates on the client id). Returns how many.
  int recover_interrupted();

  // The one way a request leaves the queue for the network, and the one way
  // a result is recorded. In one transaction: applies `settlements` (each
  // request must be sending; otherwise StoreError and none is applied), then
  // claims up to `limit` queued requests due at now_utc, oldest due first,
  // and returns them as claimed (sending, attempts counting this one, with
  // their photos). Accepted: the council's reference is kept and the photos
  // forgotten. Token: the request stays sending until the token resolves.
  // RetryLater: back in the queue, not due before next_attempt_at.
  std::vector<ClaimedRequest> settle_and_claim(const std::vector<Settlement>& settlements, const std::string& now_utc,
                                               int limit);

  // Requests with the council whose reference is not known yet.
  std::vector<OutboxEntry> awaiting_token() const;
  // The earliest next attempt among queued requests ("" when one is due at
  // once), if any is waiting.
  std::optional<std::string> next_attempt_time() const;

 private:
  void settle_rows(const std::vector<Settlement>& settlements, const std::string& stamp);
  std::vector<ClaimedRequest> claim_rows(const std::string& now_utc, int limit, const std::string& stamp);
  void attach_media(std::vector<ClaimedRequest>& claimed);
  sqlite3* db() const { return outbox_->db_.get(); }

  Outbox* outbox_;
};

}  // namespace oneservice::sync
