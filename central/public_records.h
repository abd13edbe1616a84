#pragma once
// What the public pages, open data and the mailer read from the store
// (schema step 5). Nothing personal in PublicCase; QueuedMail carries the
// one address it is sent to and nothing else about the resident.
#include <cstdint>
#include <optional>
#include <string>

#include "central/case_status.h"

namespace oneservice::central {

// One case as the public may see it: never a name, contact, answer,
// description, address or photo.
struct PublicCase {
  std::string service_request_id;
  std::string reference;
  std::string service_code;
  CaseStatus status = CaseStatus::Open;
  std::string requested_datetime;
  std::string updated_datetime;
  std::optional<double> lat, lon;
  std::string responsible_area_id;
  std::string agency_responsible;
  std::string fixed_at;  // the first applied update to FIXED; empty when never fixed
};

// One email waiting in the queue, with what its words are made of.
struct QueuedMail {
  std::int64_t id = 0;
  std::string service_request_id;
  std::string event;  // "received" or "status:<version>"
  CaseStatus status = CaseStatus::Open;
  std::string note;   // the case's public note when the event happened
  std::string queued_at;
  std::int64_t attempts = 0;
  std::string address;
  std::string stop_token;  // the one-click unsubscribe link's secret
  std::string language;
  std::string reference;
  std::string service_code;
  std::string agency_responsible;
  std::string responsible_area_id;
  std::string channel;  // kiosk | field | assisted | web
};

// A resident's sign-in by a link emailed to their address.
enum class LinkOutcome { Queued, TooManyForAddress, TooManyFromRequester };
struct SignInLinkRequest {
  std::string address;    // as typed; matched without case
  std::string language;   // of the email
  std::string requester;  // who asked (the client's IP address); only its SHA-256 is kept
};
struct SignInMail {
  std::int64_t id = 0;
  std::string address, language;
  std::string token;  // the plain token, for the link in the email
  std::int64_t attempts = 0;
};
struct ResidentSession {
  std::string token;  // plain, for the cookie: returned once
  std::string address;
  std::string expires_at;
};

enum class StopOutcome { Stopped, AlreadyStopped, Unknown };
struct StopResult {
  StopOutcome outcome = StopOutcome::Unknown;
  std::string reference;  // the case's, for the page that says so
  std::string language;
};

}  // namespace oneservice::central
