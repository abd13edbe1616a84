#include "central/intake/update_intake.h"

#include <cctype>
#include <nlohmann/json.hpp>

#include "central/intake/limits.h"
#include "central/intake/media_links.h"
#include "central/intake/messages.h"
#include "central/intake/pending_photos.h"
#include "central/intake/photo_rules.h"
#include "central/store/api_keys.h"
#include "shared/clock.h"
#include "shared/media_type.h"
#include "shared/text.h"

namespace oneservice::central {
namespace {

UpdateIntakeResult failed(UpdateIntakeOutcome outcome, std::vector<std::string> messages) {
  UpdateIntakeResult result;
  result.outcome = outcome;
  result.messages = std::move(messages);
  return result;
}

std::string upper(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// Plain Open311 has only OPEN and CLOSED: sent for a case already open (or
// closed) they say nothing new, so the update is a note and the case keeps
// its finer status. Every other word is the status to move to.
std::optional<CaseStatus> status_to_apply(CaseStatus sent, CaseStatus now) {
  if (sent == CaseStatus::Open && is_open(now)) return std::nullopt;
  if (sent == CaseStatus::Closed && !is_open(now)) return std::nullopt;
  return sent;
}

// What identifies "the same update" for a resend: everything the sender
// sent except its key, with photos by their digest.
std::string canonical_body(const UpdateSubmission& in, const std::string& status) {
  nlohmann::json photos = nlohmann::json::array();
  for (const auto bytes : in.photos) photos.push_back(store::sha256_hex(bytes));
  nlohmann::json body = {{"service_request_id", in.service_request_id},
                         {"status", status},
                         {"description", in.description},
                         {"updated_datetime", in.updated_datetime},
                         {"first_name", in.first_name},
                         {"last_name", in.last_name},
                         {"email", in.email},
                         {"phone", in.phone},
                         {"media_urls", in.media_urls},
                         {"photos", photos}};
  if (in.staff_id) {
    body["private_note"] = in.private_note;
    body["base_version"] = in.base_version ? nlohmann::json(*in.base_version) : nlohmann::json();
  }
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string full_name(const UpdateSubmission& in) {
  // FixMyStreet sends "-" as the last name when it has none.
  const auto last = trim(in.last_name) == "-" ? std::string() : trim(in.last_name);
  const auto first = trim(in.first_name);
  return first.empty() ? last : last.empty() ? first : first + " " + last;
}

}  // namespace

UpdateIntake::UpdateIntake(CaseStore& store) : store_(store) {}

UpdateIntakeResult UpdateIntake::receive(const UpdateSubmission& in) const {
  const auto device = in.api_key.empty() ? std::nullopt : store_.authenticate(in.api_key);
  if (!device) return failed(UpdateIntakeOutcome::NotAllowed, {messages::kBadKey});
  if (!in.problems.empty()) return failed(UpdateIntakeOutcome::Refused, in.problems);
  if (trim(in.service_request_id).empty())
    return failed(UpdateIntakeOutcome::Refused, {messages::kUpdateNeedsRequestId});

  std::vector<std::string> problems;
  const auto status_word = upper(trim(in.status));
  const auto sent_status = parse_case_status(status_word);
  if (status_word.empty()) problems.push_back(messages::kUpdateNeedsStatus);
  else if (!sent_status) problems.push_back(messages::kUpdateBadStatus);
  std::string sent_at;
  if (!trim(in.updated_datetime).empty()) {
    if (const auto when = parse_iso8601(trim(in.updated_datetime))) sent_at = format_utc(*when);
    else problems.push_back(messages::kUpdateBadTime);
  }
  if (utf8_length(in.description) > kUpdateNoteMaxLength) problems.push_back(messages::kUpdateNoteTooLong);
  if (const auto problem = media_link_problem(in.media_urls)) problems.push_back(*problem);
  if (const auto problem = photo_problem(in.photos)) problems.push_back(*problem);
  if (!problems.empty()) return failed(UpdateIntakeOutcome::Refused, std::move(problems));

  const auto id = trim(in.service_request_id);
  const auto record = store_.find(id);
  if (!record) return failed(UpdateIntakeOutcome::UnknownCase, {messages::kUpdateUnknownRequest});

  NewUpdate update;
  update.service_request_id = id;
  update.device_id = device->id;
  update.client_update_id = trim(in.update_id);
  update.canonical_body = canonical_body(in, status_word);
  update.status = status_to_apply(*sent_status, record->status);
  update.public_note = in.description;
  update.sent_at = sent_at;
  update.media_urls = in.media_urls;
  update.author_name = full_name(in);
  update.author_email = trim(in.email);
  if (in.staff_id) {
    update.staff_id = *in.staff_id;
    update.private_note = in.private_note;
    update.base_version = in.base_version;
  }

  PendingPhotos photos(store_.media_dir());
  for (const auto bytes : in.photos)
    if (!photos.add(bytes, *image_type(bytes))) return failed(UpdateIntakeOutcome::PhotoFailed, {messages::kPhotoNotSaved});
  update.media = photos.files();

  UpdateIntakeResult result;
  try {
    result.stored = store_.add_update(update);
  } catch (const CentralStoreError&) {
    return failed(UpdateIntakeOutcome::StoreFailed, {messages::kUpdateNotSaved});
  }
  switch (result.stored.outcome) {
    case UpdateOutcome::Added:
    case UpdateOutcome::Flagged:
      photos.keep();  // a resend's twin owns its own photos; ours go
      return result;
    case UpdateOutcome::Duplicate: return result;
    case UpdateOutcome::KeyReused: return failed(UpdateIntakeOutcome::Refused, {messages::kUpdateIdReused});
    case UpdateOutcome::UnknownCase:
      return failed(UpdateIntakeOutcome::UnknownCase, {messages::kUpdateUnknownRequest});
  }
  return result;
}

}  // namespace oneservice::central
