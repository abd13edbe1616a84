#pragma once
// The one path from a device's POST to a stored case, whatever carried it:
// the device's key, exactly-once by client id, the shared rules, the photos,
// routing, then the store. The HTTP layer only reads the fields in and maps
// the outcome to a response.
#include <string>
#include <string_view>
#include <vector>

#include "central/case_store.h"
#include "shared/catalogue.h"
#include "shared/clock.h"
#include "shared/request.h"
#include "shared/routing.h"

namespace oneservice::central {

// What a device sent, as read off the wire.
struct Submission {
  ServiceRequest request;  // client_id from attribute[client_request_id] when given
  std::string api_key;
  std::string staff_token;  // Authorization: Bearer <session> of the member of staff who made it; may be empty
  std::vector<std::string> problems;  // fields that could not be read; for a resident
  std::string idempotency_key;        // the Idempotency-Key header; empty when not sent
  std::vector<std::string_view> photos;  // each photo's bytes, as sent
  std::vector<std::string> media_urls;   // photo links (Open311 media_url), as sent
  std::string language = "en";           // the resident's (Accept-Language), for the emails
};

enum class IntakeOutcome {
  Accepted,     // created now, or a resend of a case already made
  NotAllowed,   // no working key
  NotSignedIn,  // a staff session this device was never given
  Refused,      // the request, its photos or its client id is not acceptable
  PhotoFailed,  // a photo could not be written
  StoreFailed,  // the case could not be committed
};

struct IntakeResult {
  IntakeOutcome outcome = IntakeOutcome::Accepted;
  std::vector<std::string> messages;  // for a resident; set unless Accepted
  CreateResult created;               // id (and token for batch services) when Accepted
  bool batch = false;                 // a batch service: answer with the token
  std::string service_notice;         // who deals with it
};

class Intake {
 public:
  Intake(CaseStore& store, const Catalogue& catalogue, const Boundaries& boundaries, Clock clock = {});

  // Thread-safe: called by every HTTP worker at once.
  IntakeResult receive(Submission submission) const;

 private:
  CaseStore& store_;
  const Catalogue& catalogue_;
  const Boundaries& boundaries_;
  Clock clock_;
};

}  // namespace oneservice::central
