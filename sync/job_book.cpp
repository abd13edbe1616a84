#include "sync/job_book.h"

#include "shared/identity.h"
#include "sync/field_answers.h"
#include "sync/job_rows.h"
#include "sync/outbox_access.h"
#include "sync/outbox_rows.h"
#include "sync/staff_store.h"

namespace oneservice::sync {
namespace {

using detail::OutboxAccess;

Job job_from_row(const Outbox& outbox, const std::string& staff, const std::string& document) {
  Job job;
  try {
    job = read_job(document);
  } catch (const std::exception&) {
    throw StoreError(store_message(StoreProblem::Damaged, OutboxAccess::path(outbox), "a job cannot be read"));
  }
  auto* db = OutboxAccess::db(outbox);
  sqlite::Statement thumbs(db,
                           "SELECT url, content_type, bytes FROM job_thumbnails WHERE staff = ?1 AND "
                           "service_request_id = ?2 AND bytes IS NOT NULL");
  thumbs.bind(1, staff).bind(2, job.service_request_id);
  while (thumbs.step())
    for (auto& photo : job.photos)
      if (photo.thumbnail_url == thumbs.text(0)) {
        photo.thumbnail_type = thumbs.text(1);
        photo.thumbnail = thumbs.blob(2);
      }
  sqlite::Statement conflict(db,
                             "SELECT EXISTS (SELECT 1 FROM job_updates WHERE staff = ?1 AND service_request_id = ?2 "
                             "AND state = 'conflict')");
  conflict.bind(1, staff).bind(2, job.service_request_id);
  job.conflict = conflict.step() && conflict.integer(0) == 1;
  return job;
}

UpdateState state_of(const std::string& stored, const std::string& kind, bool live_session) {
  if (stored == "sent") return UpdateState::Sent;
  if (stored == "conflict") return UpdateState::Conflict;
  if (stored == "needs_attention") return UpdateState::NeedsAttention;
  if (stored == "sending") return UpdateState::Sending;
  // Only an officer's own update needs their session; a join goes with the
  // device's key.
  return kind == "update" && !live_session ? UpdateState::WaitingForSignIn : UpdateState::Waiting;
}

}  // namespace

std::string to_string(UpdateState state) {
  switch (state) {
    case UpdateState::Waiting: return "waiting";
    case UpdateState::WaitingForSignIn: return "waiting_for_sign_in";
    case UpdateState::Sending: return "sending";
    case UpdateState::Sent: return "sent";
    case UpdateState::Conflict: return "conflict";
    case UpdateState::NeedsAttention: return "needs_attention";
  }
  return "waiting";
}

std::vector<Job> JobBook::jobs_of(const std::string& staff) const {
  try {
    std::vector<std::string> documents;
    sqlite::Statement select(OutboxAccess::db(*outbox_),
                             "SELECT document FROM jobs WHERE staff = ?1 ORDER BY service_request_id");
    select.bind(1, staff);
    while (select.step()) documents.push_back(select.text(0));
    std::vector<Job> out;
    for (const auto& document : documents) out.push_back(job_from_row(*outbox_, staff, document));
    return out;
  } catch (const sqlite::Failure& failure) {
    OutboxAccess::fail(*outbox_, failure, "while reading jobs");
  }
}

std::optional<Job> JobBook::job(const std::string& staff, const std::string& service_request_id) const {
  try {
    sqlite::Statement select(OutboxAccess::db(*outbox_),
                             "SELECT document FROM jobs WHERE staff = ?1 AND service_request_id = ?2");
    select.bind(1, staff).bind(2, service_request_id);
    if (!select.step()) return std::nullopt;
    return job_from_row(*outbox_, staff, select.text(0));
  } catch (const sqlite::Failure& failure) {
    OutboxAccess::fail(*outbox_, failure, "while reading a job");
  }
}

namespace detail {

// Shared with NearbyCases::queue_join: one row and its photos, committed FULL.
std::string insert_job_update(Outbox& outbox, const std::string& staff, const std::string& service_request_id,
                              const std::string& kind, const JobUpdateRequest& update,
                              std::optional<int> base_version) {
  check_photo_limits(update.photos);
  const auto update_id = make_uuid_v4();
  auto* db = OutboxAccess::db(outbox);
  const auto stamp = OutboxAccess::now(outbox);
  sqlite::Statement insert(db,
                           "INSERT INTO job_updates (update_id, staff, service_request_id, kind, status, public_note, "
                           "private_note, device_time, base_version, queued_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8)");
  insert.bind(1, update_id).bind(2, staff).bind(3, service_request_id).bind(4, kind).bind(5, update.status);
  insert.bind(6, update.public_note).bind(7, update.private_note).bind(8, stamp);
  if (base_version) insert.bind(9, static_cast<std::int64_t>(*base_version));
  else insert.bind_null(9);
  insert.run();
  for (const auto& photo : update.photos) {
    sqlite::Statement attach(db,
                             "INSERT INTO job_update_media (update_id, file_name, content_type, bytes) "
                             "VALUES (?1, ?2, ?3, ?4)");
    attach.bind(1, update_id).bind(2, photo.file_name).bind(3, photo.content_type).bind_blob(4, photo.bytes).run();
  }
  return update_id;
}

}  // namespace detail

std::string JobBook::queue_job_update(const std::string& staff, const std::string& service_request_id,
                                      const JobUpdateRequest& update) {
  auto* db = OutboxAccess::db(*outbox_);
  try {
    sqlite::WriteTransaction transaction(db);
    sqlite::Statement job(db, "SELECT version FROM jobs WHERE staff = ?1 AND service_request_id = ?2");
    job.bind(1, staff).bind(2, service_request_id);
    if (!job.step()) throw StoreError("There is no job " + service_request_id + " for this officer on this tablet.");
    // The version the officer started from. An earlier update of theirs
    // still unsent: this one is chained to the version central answers for
    // it (NULL here; the push fills it in). One already answered: its
    // version, if the job document has not caught up with it yet.
    sqlite::Statement mine(db,
                           "SELECT EXISTS (SELECT 1 FROM job_updates WHERE staff = ?1 AND service_request_id = ?2 "
                           "AND kind = 'update' AND (state = 'waiting' OR state = 'sending')), "
                           "(SELECT max(answered_version) FROM job_updates WHERE staff = ?1 AND "
                           "service_request_id = ?2 AND state = 'sent')");
    mine.bind(1, staff).bind(2, service_request_id);
    mine.step();
    std::optional<int> base = static_cast<int>(job.integer(0));
    if (mine.integer(0) == 1) base.reset();
    else if (!mine.is_null(1)) base = std::max(*base, static_cast<int>(mine.integer(1)));
    const auto id = detail::insert_job_update(*outbox_, staff, service_request_id, "update", update, base);
    transaction.commit();
    return id;
  } catch (const sqlite::Failure& failure) {
    OutboxAccess::fail(*outbox_, failure, "while queueing an update");
  }
}

std::vector<QueuedUpdate> JobBook::updates_of(const std::string& staff, const std::string& service_request_id) const {
  const auto session = StaffStore(*outbox_).session(staff);
  const bool live = session && session->live;
  try {
    sqlite::Statement select(OutboxAccess::db(*outbox_),
                             "SELECT update_id, service_request_id, kind, status, queued_at, sent_at, state, "
                             "council_words, next_attempt_at FROM job_updates WHERE staff = ?1 "
                             "AND service_request_id = ?2 ORDER BY id");
    select.bind(1, staff).bind(2, service_request_id);
    std::vector<QueuedUpdate> out;
    while (select.step()) {
      QueuedUpdate u;
      u.update_id = select.text(0);
      u.service_request_id = select.text(1);
      u.kind = select.text(2);
      u.status = select.text(3);
      u.queued_at = select.text(4);
      u.sent_at = select.text(5);
      u.state = state_of(select.text(6), u.kind, live);
      u.council_words = select.text(7);
      u.next_attempt_at = select.text(8);
      out.push_back(std::move(u));
    }
    return out;
  } catch (const sqlite::Failure& failure) {
    OutboxAccess::fail(*outbox_, failure, "while listing updates");
  }
}

std::vector<JobNotice> JobBook::notices_of(const std::string& staff) const {
  try {
    sqlite::Statement select(OutboxAccess::db(*outbox_),
                             "SELECT id, service_request_id, reason, at, had_unsent_work FROM job_notices "
                             "WHERE staff = ?1 AND dismissed = 0 ORDER BY id");
    select.bind(1, staff);
    std::vector<JobNotice> out;
    while (select.step())
      out.push_back({select.integer(0), select.text(1), select.text(2), select.text(3), select.integer(4) == 1});
    return out;
  } catch (const sqlite::Failure& failure) {
    OutboxAccess::fail(*outbox_, failure, "while listing notices");
  }
}

void JobBook::dismiss_notice(const std::string& staff, std::int64_t notice_id) {
  try {
    sqlite::Statement dismiss(OutboxAccess::db(*outbox_),
                              "UPDATE job_notices SET dismissed = 1 WHERE id = ?1 AND staff = ?2");
    dismiss.bind(1, notice_id).bind(2, staff).run();
  } catch (const sqlite::Failure& failure) {
    OutboxAccess::fail(*outbox_, failure, "while dismissing a notice");
  }
}

}  // namespace oneservice::sync
