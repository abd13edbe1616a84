#pragma once
// An officer's jobs, the updates they queue on them and the notices about
// them, read and written for the UI. Every call takes the member's name and
// touches only what is theirs. A view over an open Outbox (the same
// connection); it must not outlive it. The sync engine's field passes fill
// the jobs (sync/field_sync.h) and send the updates.
#include <optional>
#include <string>
#include <vector>

#include "sync/job_records.h"
#include "sync/outbox.h"

namespace oneservice::sync {

class JobBook {
 public:
  explicit JobBook(Outbox& outbox) : outbox_(&outbox) {}

  std::vector<Job> jobs_of(const std::string& staff) const;  // by service_request_id
  std::optional<Job> job(const std::string& staff, const std::string& service_request_id) const;

  // Queued with a new update id, the tablet's time and the version the
  // officer started from (the job's, or for a second update queued before
  // the first was sent, the version central answers for the first: chained
  // when sent). Committed FULL. Throws StoreError when the member has no
  // such job, or for too many or too large photos.
  std::string queue_job_update(const std::string& staff, const std::string& service_request_id,
                               const JobUpdateRequest& update);

  // Oldest first; every kind (updates and joins) on that case by that member.
  std::vector<QueuedUpdate> updates_of(const std::string& staff, const std::string& service_request_id) const;

  std::vector<JobNotice> notices_of(const std::string& staff) const;  // oldest first, not dismissed
  void dismiss_notice(const std::string& staff, std::int64_t notice_id);

 private:
  Outbox* outbox_;
};

}  // namespace oneservice::sync
