#pragma once
// The one path from a POST servicerequestupdates (FixMyStreet posting a
// resident's or staff member's update back to the council, or our own
// devices) to CaseStore::add_update: the key, the fields, the photos and
// links, exactly once by (key, update_id). The HTTP layer reads the fields
// in and maps the outcome to a response.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "central/case_store.h"

namespace oneservice::central {

// What the sender sent, as read off the wire.
struct UpdateSubmission {
  std::string api_key;
  std::string service_request_id;
  std::string update_id;         // the sender's own id (FixMyStreet's comment id); empty: no resend protection
  std::string status;            // as sent: OPEN, CLOSED or an extended status
  std::string description;       // the public note
  std::string updated_datetime;  // the sender's clock, W3CDTF with an offset
  std::string first_name, last_name, email, phone;  // private: never in a GET
  std::vector<std::string> media_urls;
  std::vector<std::string_view> photos;  // image bytes, whatever the part's name
  std::vector<std::string> problems;     // fields that could not be read
  // Staff only. The hook for the staff part: a caller that has checked a
  // staff session sets staff_id, and only then are private_note and
  // base_version taken; for anyone else they are never read off the form.
  std::optional<std::int64_t> staff_id;
  std::string private_note;
  std::optional<std::int64_t> base_version;
};

enum class UpdateIntakeOutcome {
  Accepted,     // stored now (Added or Flagged) or a resend of one (Duplicate)
  NotAllowed,   // no working key
  UnknownCase,  // no such request
  Refused,      // a field, photo or link is not acceptable, or update_id reused
  PhotoFailed,  // a photo could not be written
  StoreFailed,  // the update could not be committed
};

struct UpdateIntakeResult {
  UpdateIntakeOutcome outcome = UpdateIntakeOutcome::Accepted;
  std::vector<std::string> messages;  // set unless Accepted
  UpdateResult stored;                // when Accepted
};

class UpdateIntake {
 public:
  explicit UpdateIntake(CaseStore& store);

  // Thread-safe: called by every HTTP worker at once.
  UpdateIntakeResult receive(const UpdateSubmission& submission) const;

 private:
  CaseStore& store_;
};

}  // namespace oneservice::central
