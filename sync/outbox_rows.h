#pragma once
// How a requests row becomes an OutboxEntry, and a stored body a request;
// shared by the files that implement Outbox (outbox.cpp, delivery_queue.cpp).
// Internal to sync/.
#include <string>
#include <string_view>

#include "db/sqlite.h"
#include "sync/outbox.h"

namespace oneservice::sync::detail {

inline constexpr std::string_view kEntryColumns =
    "client_id, local_ref, state, service_code, attempts, last_error, server_ref, created_at, updated_at, "
    "next_attempt_at, token, staff";

OutboxEntry entry_from_row(const sqlite::Statement& row, const std::string& path);

// Throws StoreError (damaged, naming only the reference) when the stored
// body cannot be read.
// Too many or too large photos: StoreError with a message for the person.
void check_photo_limits(const std::vector<MediaAttachment>& media);

ServiceRequest request_from_body(const std::string& body, const std::string& path, const std::string& local_ref);

}  // namespace oneservice::sync::detail
