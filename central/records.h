#pragma once
// The central store's records: what a create carries in, what a case and its
// updates are when read back, device keys and report rows. Plain data shared
// by the store's facade (case_store.h), its SQL (store/) and the intake.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "central/case_status.h"
#include "shared/request.h"

namespace oneservice::central {

class CentralStoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Device {
  std::int64_t id = 0;
  std::string name;     // "Ashcombe Library kiosk 1"
  std::string channel;  // kiosk | field | assisted | web
  std::string created_at;
  std::string revoked_at;  // empty while the key works
};

// Staff accounts (central/store/staff.h). The secret is never here: only the
// store sees its hash.
enum class StaffRole { Officer, Helper, Manager };

struct StaffMember {
  std::int64_t id = 0;
  std::string name;  // unique, as typed at sign-in
  StaffRole role = StaffRole::Officer;
  std::string team;         // may be empty
  std::string disabled_at;  // empty while the account works
};

// A signed-in member of staff on one enrolled device.
struct StaffSession {
  StaffMember staff;
  std::int64_t device_id = 0;
  std::string expires_at;  // UTC ISO
};

struct MediaFile {
  std::string file_name;     // stored name under the media folder, e.g. "12-1.jpg"
  std::string content_type;  // image/jpeg ...
};

struct NewCase {
  ServiceRequest request;      // validated by the caller with shared/ rules
  std::string canonical_body;  // what identifies "the same content" for idempotency
  std::int64_t device_id = 0;
  std::int64_t staff_id = 0;  // the member of staff signed in on the device; 0: nobody
  // The device key's channel: the only one stored, in the case's column and
  // in its request JSON alike, whatever request.channel says. Empty: the
  // request's own (a case with no device).
  std::string channel;
  std::string agency_responsible;  // routing decision: body name
  std::string responsible_area_id;
  std::string service_notice;
  bool batch = false;          // Open311 "batch" service: answer with a token
  std::vector<MediaFile> media;
  std::vector<std::string> media_urls;  // photo links sent instead of files (Open311 media_url)
  std::string language = "en";  // the resident's, for the emails (central/i18n languages())
};

enum class CreateOutcome { Created, Duplicate, Conflict };

struct CreateResult {
  CreateOutcome outcome = CreateOutcome::Created;
  std::string service_request_id;  // set for Created and Duplicate
  std::string token;               // set for batch services
};

struct CaseRecord {
  std::string service_request_id;
  std::string client_id;
  std::string token;
  std::string service_code;
  CaseStatus status = CaseStatus::Open;
  std::string status_notes;  // the latest update's public note
  std::string agency_responsible;
  std::string responsible_area_id;
  std::string service_notice;
  std::string requested_datetime;  // UTC ISO 8601 with Z
  std::string updated_datetime;
  std::string address;
  std::optional<double> lat, lon;
  std::string description;
  std::string channel;
  std::string device_name;
  std::vector<MediaFile> media;
  std::vector<std::string> media_urls;  // links sent with the create, in order
  std::string request_json;  // the request as received (shared/request_json)
  std::int64_t version = 1;  // moves on with every change to the case
  std::int64_t supporters = 0;  // residents who added themselves instead of reporting it again
  std::optional<double> distance_m;  // set by a nearby search
  bool needs_review = false; // a manager should look (review_reason says why)
  std::string review_reason;
  // The reference the device gave the resident ("OS-5BCJ-N6Z1", from the
  // client id: shared/identity.h); the tracking page finds a case by it.
  std::string reference;
  std::string language = "en";  // the resident's
};

// One entry in a case's history. The public feed shows only applied
// updates, and only their public fields (status, description, media).
struct CaseUpdate {
  std::int64_t update_id = 0;
  std::string service_request_id;
  CaseStatus status = CaseStatus::Open;  // the case's status after it (or as it stayed)
  std::string updated_datetime;          // the server's receive time
  std::string description;               // public note
  std::vector<std::string> media_urls;   // every link sent with it
  std::vector<MediaFile> media;          // photo files sent with it
  bool applied = true;                   // false: kept, but it did not move the case
  // Private: never in a public document or feed.
  std::int64_t device_id = 0;
  std::string client_update_id;
  std::string private_note;
  std::int64_t staff_id = 0;
  std::optional<std::int64_t> base_version;
  std::string sent_at;
  std::string author_name, author_email;
};

// The one write path for every update: the command line's `case update`,
// FixMyStreet's POST servicerequestupdates and an officer's update alike.
struct NewUpdate {
  std::string service_request_id;
  std::int64_t device_id = 0;          // 0: the command line / back office
  std::string client_update_id;        // FixMyStreet's update_id or a device's UUID; empty: no resend protection
  std::string canonical_body;          // same (device, client_update_id) + same body = Duplicate; other body = KeyReused
  std::optional<CaseStatus> status;    // nullopt: a note, the status stays
  std::string public_note;             // shown to the public (status_notes, the feed)
  std::string private_note;            // staff only: never in a public document or feed
  std::string sent_at;                 // the sender's own clock (updated_datetime as sent), UTC ISO; may be empty
  std::vector<std::string> media_urls; // photo links sent with the update
  std::vector<MediaFile> media;        // photo files already written (PendingPhotos)
  std::int64_t staff_id = 0;           // 0: not a member of staff (filled by the staff part's session)
  std::optional<std::int64_t> base_version;  // the case version the sender started from
  std::string author_name, author_email;     // private; FixMyStreet sends them
};

enum class UpdateOutcome {
  Added,        // stored and applied to the case
  Duplicate,    // a resend: `update` is the first one, nothing new was stored
  KeyReused,    // the same client_update_id with other content: nothing stored
  Flagged,      // stored in the history, the case unchanged and flagged for a manager
  UnknownCase,  // no such case: nothing stored
};

struct UpdateResult {
  UpdateOutcome outcome = UpdateOutcome::Added;
  CaseUpdate update;  // set for Added, Duplicate and Flagged
};

// Open cases near a point ("is it one of these?"), nearest first.
struct NearQuery {
  double lat = 0, lon = 0;
  double radius_m = 0;
};

struct CaseQuery {
  std::vector<std::string> ids;  // when set, the other filters are ignored (Open311)
  // When set: open cases within the radius, nearest first, service_code
  // still applies; dates and status do not.
  std::optional<NearQuery> near;
  std::string service_code;      // may be a comma list
  std::string start_date, end_date;  // inclusive bounds on requested_datetime (UTC ISO)
  std::string status;                // "open" | "closed" | "" (Open311 sense)
  std::size_t limit = 1000;
};

// A resident adding themselves to an existing case (exactly once per
// device and client id).
struct NewSupporter {
  std::string service_request_id;
  std::int64_t device_id = 0;
  std::string client_id;
};
enum class SupportOutcome {
  Added,        // counted now
  Duplicate,    // this device's client id already supports this case
  KeyReused,    // this device's client id supports another case
  Closed,       // the case is closed: report it again instead
  UnknownCase,
};
struct SupportResult {
  SupportOutcome outcome = SupportOutcome::Added;
  std::int64_t supporters = 0;  // the case's count afterwards (Added, Duplicate)
};

struct UpdateQuery {
  std::string start_date, end_date;  // on updated_datetime
  std::vector<std::string> service_request_ids;  // optional filter
  std::size_t limit = 1000;
};

struct TopIssueRow {
  std::string service_code, area_id, period;
  std::int64_t count = 0;
};
struct ChannelRow {
  std::string period, channel;
  std::int64_t count = 0;
};

}  // namespace oneservice::central
