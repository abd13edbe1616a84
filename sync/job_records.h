#pragma once
// A field officer's jobs as the tablet keeps them for work with no signal,
// the updates queued on them, and what the tablet noticed about them.
// Plain structs; sync/job_book.h reads and writes them.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "sync/outbox.h"

namespace oneservice::sync {

struct JobAnswer {
  std::string code, question;  // question: as the catalogue asks it (empty: no longer asked)
  std::vector<std::pair<std::string, std::string>> values;  // key, name (the option's label)
};

struct JobPhoto {
  std::string url, thumbnail_url, content_type;
  std::string thumbnail;  // the thumbnail's bytes, empty until fetched
  std::string thumbnail_type;
};

struct JobHistoryEntry {
  std::string update_id, status, updated_datetime, sent_at, description, private_note, staff;
  std::optional<int> version;
  bool applied = true;
};

struct Job {
  std::string service_request_id, status, service_code, service_name, description, address;
  int version = 0;
  std::optional<double> lat, lon;
  std::string requested_at, assigned_at, updated_at, agency_responsible;
  std::vector<JobAnswer> answers;
  std::vector<JobPhoto> photos;
  std::vector<JobHistoryEntry> updates;
  // An update of this officer's was kept by central but not applied
  // (someone changed the case first): a manager will look; shown on the job.
  bool conflict = false;
};

struct JobUpdateRequest {
  std::string status;  // empty: a note only (sent as OPEN, which keeps the case's own status)
  std::string public_note, private_note;
  std::vector<MediaAttachment> photos;
};

enum class UpdateState {
  Waiting,          // queued: no signal yet, or a retry is due later (see next_attempt_at)
  WaitingForSignIn, // needs a live session: the officer must sign in online
  Sending,
  Sent,
  Conflict,         // central kept it without applying it (needs_review)
  NeedsAttention,   // refused: council_words says why
};

std::string to_string(UpdateState state);  // waiting, waiting_for_sign_in, sending, sent, conflict, needs_attention

struct QueuedUpdate {
  std::string update_id, service_request_id, kind /* update, join */, status, queued_at, sent_at;
  UpdateState state = UpdateState::Waiting;
  std::string council_words;    // refusal or conflict, in the council's own words
  std::string next_attempt_at;  // Waiting after a failure: not before
};

struct JobNotice {
  std::int64_t id = 0;
  std::string service_request_id, reason /* reassigned, unassigned, closed */, at;
  bool had_unsent_work = false;  // that work is kept and still sent
};

}  // namespace oneservice::sync
