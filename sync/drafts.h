#pragma once
// An officer's drafts: requests as far as they got, with their photos, kept
// in the outbox's draft state under that member's name until "Send all"
// queues the complete ones. A view over an open Outbox (the same connection,
// as DeliveryQueue is); it must not outlive it.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "shared/catalogue.h"
#include "shared/validation.h"
#include "sync/outbox.h"

namespace oneservice::sync {

struct DraftSummary {
  std::string client_id, local_ref, service_code, updated_at;
  bool complete = false;
  std::vector<std::string> problems;  // worded by the Wording given; empty when complete
};

struct BatchResult {
  int queued = 0;
  std::vector<DraftSummary> incomplete;  // left as drafts
};

class Drafts {
 public:
  explicit Drafts(Outbox& outbox) : outbox_(&outbox) {}

  // Inserts or replaces the draft (a new client id is made when the request
  // has none) with exactly these photos, committed with synchronous=FULL so
  // it survives the tablet dying. Returns the client id. Throws StoreError
  // when the client id belongs to another member or to a request already
  // sent, and for too many or too large photos.
  std::string save_draft(const ServiceRequest& partial, const std::vector<MediaAttachment>& photos,
                         const std::string& staff);

  // That member's drafts, newest first, each judged against the catalogue.
  std::vector<DraftSummary> drafts_of(const std::string& staff, const Catalogue& catalogue,
                                      const Wording& wording) const;
  std::optional<std::pair<ServiceRequest, std::vector<MediaAttachment>>> load_draft(const std::string& client_id,
                                                                                   const std::string& staff) const;
  // False when that member has no such draft.
  bool delete_draft(const std::string& client_id, const std::string& staff);

  // "Send all": in one transaction, every listed draft of that member that
  // prepare_request finds complete is queued (its photos to follow it, one
  // by one, once the report is accepted); the others stay drafts and are
  // returned with their problems.
  BatchResult send_drafts(const std::vector<std::string>& client_ids, const Catalogue& catalogue,
                          const Wording& wording, const std::string& staff);

 private:
  Outbox* outbox_;
};

}  // namespace oneservice::sync
