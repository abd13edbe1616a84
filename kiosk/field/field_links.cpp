#include "kiosk/field/field_links.h"

#include "sync/drafts.h"
#include "sync/job_book.h"
#include "sync/nearby_cases.h"
#include "sync/outbox.h"
#include "sync/server_config.h"
#include "sync/staff_reports.h"
#include "sync/staff_sign_in.h"
#include "sync/sync_engine.h"
#include "sync/sync_log.h"

namespace oneservice::kiosk::field {
namespace {

Officer officer_of(const sync::StaffMember& member) { return {member.name, member.role, member.team}; }

static_assert(static_cast<int>(sync::SignInOutcome::PinExpired) == static_cast<int>(SignInOutcome::PinExpired),
              "field::SignInOutcome lists sync::SignInOutcome's outcomes in its order");

SignInAnswer answer_of(const sync::SignInResult& result) {
  // The two enums list the same outcomes in the same order (sync/staff_records.h).
  return {static_cast<SignInOutcome>(result.outcome), officer_of(result.member), result.pins_left, result.server_words};
}

std::vector<sync::MediaAttachment> attachments(const std::vector<FieldPhoto>& photos) {
  std::vector<sync::MediaAttachment> media;
  for (std::size_t i = 0; i < photos.size(); ++i)
    media.push_back({"photo-" + std::to_string(i + 1) + ".jpg", "image/jpeg", photos[i].jpeg});
  return media;
}

DraftSummary summary_of(const sync::DraftSummary& draft) {
  return {draft.client_id, draft.local_ref, draft.service_code, draft.updated_at, draft.complete, draft.problems};
}

SyncState state_of(const std::string& state) {
  if (state == "sent") return SyncState::Sent;
  if (state == "waiting") return SyncState::Waiting;
  return SyncState::NeedsAttention;  // needs_attention, conflict
}

static_assert(static_cast<int>(sync::UpdateState::NeedsAttention) == static_cast<int>(UpdateState::NeedsAttention),
              "field::UpdateState lists sync::UpdateState's states in its order");

JobView job_view(const sync::Job& job, const std::vector<sync::QueuedUpdate>& queued) {
  JobView view{job.service_request_id,
               job.status,
               job.service_code,
               job.service_name,
               job.description,
               job.address,
               job.lat,
               job.lon,
               {},
               {},
               {},
               {},
               job.conflict};
  for (const auto& answer : job.answers) {
    std::string words;
    for (const auto& [key, name] : answer.values) words += (words.empty() ? "" : ", ") + name;
    view.answers.push_back({answer.question.empty() ? answer.code : answer.question, words});
  }
  for (const auto& photo : job.photos)
    if (!photo.thumbnail.empty()) view.thumbnails.push_back(photo.thumbnail);
  for (const auto& entry : job.updates)
    view.history.push_back(
        {entry.status, entry.updated_datetime, entry.description, entry.private_note, entry.staff, entry.applied});
  for (const auto& update : queued)
    view.queued.push_back({update.status, update.queued_at, update.sent_at, static_cast<UpdateState>(update.state),
                           update.council_words});
  return view;
}

}  // namespace

FieldLinks sync_links(const SyncParts& parts) {
  FieldLinks links;
  sync::Outbox* outbox = &parts.outbox;
  const std::string data_dir = parts.data_dir;
  sync::SyncEngine* engine = parts.engine;
  if (parts.server) {
    links.sign_in_online = [data_dir, server = *parts.server, engine](
                               const std::string& name, const std::string& secret, const std::string& pin) {
      auto own = sync::Outbox::open(sync::outbox_path(data_dir));
      auto answer = answer_of(sync::sign_in_online(own, server, name, secret, pin));
      // A fresh session: the officer's jobs and waiting work go now, not at the next timer.
      if (answer.outcome == SignInOutcome::SignedIn && engine) engine->send_now();
      return answer;
    };
  }
  links.sign_in_with_pin = [data_dir](const std::string& name, const std::string& pin) {
    auto own = sync::Outbox::open(sync::outbox_path(data_dir));
    return answer_of(sync::sign_in_with_pin(own, name, pin));
  };
  links.offline_sign_ins = [outbox] {
    std::vector<Officer> officers;
    for (const auto& member : sync::offline_sign_ins(*outbox)) officers.push_back(officer_of(member));
    return officers;
  };
  links.sign_out = [outbox](const std::string& name) { sync::sign_out(*outbox, name); };
  // Something new to send wakes the worker, so it need not wait for its timer.
  const auto wake = [engine] {
    if (engine) engine->wake();
  };
  links.queue_report = [outbox, wake](const ServiceRequest& request, const std::vector<FieldPhoto>& photos,
                                      const std::string& staff) {
    auto reference = sync::enqueue_for_staff(*outbox, request, attachments(photos), staff);
    wake();
    return reference;
  };
  links.save_draft = [outbox](const ServiceRequest& request, const std::vector<FieldPhoto>& photos,
                              const std::string& staff) {
    return sync::Drafts(*outbox).save_draft(request, attachments(photos), staff);
  };
  if (const Catalogue* catalogue = parts.catalogue) {
    links.drafts_of = [outbox, catalogue](const std::string& staff) {
      std::vector<DraftSummary> drafts;
      for (const auto& draft : sync::Drafts(*outbox).drafts_of(staff, *catalogue, Wording::english()))
        drafts.push_back(summary_of(draft));
      return drafts;
    };
    links.send_drafts = [outbox, catalogue, wake](const std::vector<std::string>& ids, const std::string& staff) {
      const auto batch = sync::Drafts(*outbox).send_drafts(ids, *catalogue, Wording::english(), staff);
      wake();
      BatchResult result{batch.queued, {}};
      for (const auto& draft : batch.incomplete) result.incomplete.push_back(summary_of(draft));
      return result;
    };
  }
  links.load_draft = [outbox](const std::string& client_id, const std::string& staff) -> std::optional<Draft> {
    auto found = sync::Drafts(*outbox).load_draft(client_id, staff);
    if (!found) return std::nullopt;
    Draft draft{std::move(found->first), {}};
    for (auto& media : found->second) draft.photos.push_back({std::move(media.bytes), 0, 0, {}, {}});
    return draft;
  };
  links.delete_draft = [outbox](const std::string& client_id, const std::string& staff) {
    sync::Drafts(*outbox).delete_draft(client_id, staff);
  };
  links.sync_log = [outbox](const std::string& staff) {
    std::vector<SyncLogEntry> log;
    for (const auto& entry : sync::sync_log(*outbox, staff)) {
      const auto state = state_of(entry.state);
      log.push_back({entry.kind, entry.reference, entry.what, entry.queued_at, entry.sent_at, state,
                     state == SyncState::NeedsAttention ? entry.council_words : entry.reason});
    }
    return log;
  };
  links.jobs_of = [outbox](const std::string& staff) {
    const sync::JobBook book(*outbox);
    std::vector<JobView> jobs;
    for (const auto& job : book.jobs_of(staff))
      jobs.push_back(job_view(job, book.updates_of(staff, job.service_request_id)));
    return jobs;
  };
  links.queue_job_update = [outbox, wake](const std::string& staff, const std::string& job_id,
                                          const JobUpdate& update) {
    auto id = sync::JobBook(*outbox).queue_job_update(
        staff, job_id, {update.status, update.public_note, update.private_note, attachments(update.photos)});
    wake();
    return id;
  };
  links.notices_of = [outbox](const std::string& staff) {
    std::vector<JobNotice> notices;
    for (const auto& notice : sync::JobBook(*outbox).notices_of(staff))
      notices.push_back({notice.id, notice.service_request_id, notice.reason, notice.at, notice.had_unsent_work});
    return notices;
  };
  links.dismiss_notice = [outbox](const std::string& staff, std::int64_t id) {
    sync::JobBook(*outbox).dismiss_notice(staff, id);
  };
  links.cases_near = [outbox](const std::string& service_code, double lat, double lon) {
    std::vector<NearbyCase> cases;
    for (const auto& found : sync::NearbyCases(*outbox).open_cases_near(service_code, lat, lon, kDuplicateRadiusM))
      cases.push_back({found.service_request_id, found.status, found.description, found.requested_at, found.distance_m,
                       found.supporters});
    return cases;
  };
  links.set_area = [outbox](double lat, double lon) { sync::NearbyCases(*outbox).set_area(lat, lon); };
  links.queue_join = [outbox, wake](const std::string& staff, const std::string& case_id, const JobUpdate& update) {
    auto id = sync::NearbyCases(*outbox).queue_join(
        staff, case_id, {update.status, update.public_note, update.private_note, attachments(update.photos)});
    wake();
    return id;
  };
  if (engine) {
    links.send_now = [engine] { engine->send_now(); };
    links.online = [engine] { return engine->snapshot().online; };
    links.generation = [engine] { return engine->generation(); };
  }
  return links;
}

}  // namespace oneservice::kiosk::field
