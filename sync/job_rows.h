#pragma once
// One queued update (or join) and its photos inserted, for JobBook and
// NearbyCases; the caller holds the write transaction. Internal to sync/.
#include <optional>
#include <string>

#include "sync/job_records.h"
#include "sync/outbox.h"

namespace oneservice::sync::detail {

std::string insert_job_update(Outbox& outbox, const std::string& staff, const std::string& service_request_id,
                              const std::string& kind, const JobUpdateRequest& update,
                              std::optional<int> base_version);

}  // namespace oneservice::sync::detail
